-- title: Figures extracted and events, per metric
-- value_axis: Count
-- kind: barh
-- One row per metric with a figure in scope: how many figures were
-- extracted, and how many events they make (one figure, however many
-- articles repeat it).
with figures as (
    select metric, count(*) as n_figures
    from scoped_facts
    group by metric
),

events as (
    select metric, count(*) as n_events
    from scoped_events
    group by metric
)

select
    figures.metric as "Metric",
    figures.n_figures as "Figures",
    coalesce(events.n_events, 0) as "Events"
from figures
left join events
    on events.metric = figures.metric
order by "Figures" desc, "Metric"
