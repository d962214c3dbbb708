-- title: People killed and injured in incidents, by month
-- value_axis: People (sum of incidents)
-- kind: bar
-- One row per month with a dated incident in scope (view `incident_days`):
-- people killed and injured, one figure per incident, parts left out, as
-- the headline adds them. Period totals and running tallies are not here.
select
    strftime(day, '%Y-%m') as "Month",
    sum(total) filter (where metric = 'people_killed')::bigint as "Killed",
    sum(total) filter (where metric = 'people_injured')::bigint as "Injured"
from incident_days
where metric in ('people_killed', 'people_injured')
group by all
order by "Month"
