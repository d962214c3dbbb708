-- One row per metric with a figure in scope: how many figures, from how
-- many articles.
select
    metric as "Metric",
    metric_group as "Table",
    count(*) as "Figures",
    count(distinct doc) as "Articles"
from scoped_facts
group by metric, metric_group
order by "Figures" desc, "Metric"
