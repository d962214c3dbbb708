-- One row per metric with a figure in scope: how many figures, how many
-- events they make (one figure, however many articles repeat it), from how
-- many articles.
with figures as (
    select
        metric,
        metric_group,
        count(*) as n_figures,
        count(distinct doc) as n_articles
    from scoped_facts
    group by metric, metric_group
),

events as (
    select metric, count(*) as n_events
    from scoped_events
    group by metric
)

select
    figures.metric as "Metric",
    figures.metric_group as "Table",
    figures.n_figures as "Figures",
    coalesce(events.n_events, 0) as "Events",
    figures.n_articles as "Articles"
from figures
left join events
    on events.metric = figures.metric
order by "Figures" desc, "Metric"
