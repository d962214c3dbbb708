-- One row: people reported killed and injured, summed over the figures in
-- scope that are not stated parts of another figure (sums of reports: one
-- strike reported by two articles counts twice).
with people as (
    select * from scoped_facts
    where metric in ('people_killed', 'people_injured') and not is_part
)

select
    sum(value) filter (where metric = 'people_killed') as killed,
    list(fact_key) filter (where metric = 'people_killed') as killed__facts,
    sum(value) filter (where metric = 'people_injured') as injured,
    list(fact_key) filter (where metric = 'people_injured') as injured__facts
from people
