-- One row per metric with a figure in scope: how its figures divide into
-- incidents (dated or not), period totals, running tallies and figures of
-- unknown span, how many have no window at all, and how many incidents
-- they make.
select
    metric as "Metric",
    count(*) as "Figures",
    count(*) filter (where kind = 'incident' and window_end is not null)
        as "Incident figures",
    count(*) filter (where kind = 'incident' and window_end is null)
        as "Undated incident figures",
    count(*) filter (where kind = 'period_total') as "Period totals",
    count(*) filter (where kind = 'running_tally') as "Running tallies",
    count(*) filter (where kind = 'unknown') as "Unknown span",
    count(*) filter (where window_end is null) as "Without a window",
    (select count(*) from incidents where incidents.metric = scoped_facts.metric)
        as "Incidents"
from scoped_facts
group by metric
order by "Figures" desc, "Metric"
