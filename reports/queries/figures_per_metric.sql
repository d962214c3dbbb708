-- title: Figures extracted per metric, by kind
-- value_axis: Figures
-- kind: barh
-- One row per metric with a figure in scope: how many figures are
-- incidents, period totals, running tallies, or of unknown span (the
-- pipeline's QA chart: where the numbers come from).
select
    metric as "Metric",
    count(*) filter (where kind = 'incident') as "Incident",
    count(*) filter (where kind = 'period_total') as "Period total",
    count(*) filter (where kind = 'running_tally') as "Running tally",
    count(*) filter (where kind = 'unknown') as "Unknown span"
from scoped_facts
group by metric
order by count(*) desc, metric
