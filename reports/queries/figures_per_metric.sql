-- title: Figures extracted, per metric
-- value_axis: Figures extracted (count)
-- kind: barh
-- One row per metric with a figure in scope: how many figures.
select
    metric as "Metric",
    count(*) as "Figures"
from scoped_facts
group by metric
order by "Figures" desc, "Metric"
