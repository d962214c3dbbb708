-- title: Prisoners swapped and bodies repatriated, by month
-- value_axis: People (sum of swaps and handovers)
-- kind: bar
-- One row per month with a dated swap or handover in scope (view
-- `incident_days`): one figure per swap or handover, parts left out, as the
-- headline adds them.
select
    strftime(day, '%Y-%m') as "Month",
    sum(total) filter (where metric = 'prisoners_swapped')::bigint as "Prisoners swapped",
    sum(total) filter (where metric = 'bodies_repatriated')::bigint as "Bodies repatriated"
from incident_days
where metric in ('prisoners_swapped', 'bodies_repatriated')
group by all
order by "Month"
