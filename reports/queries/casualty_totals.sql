-- One row: people reported killed and injured, summed over the events in
-- scope (a strike repeated by several articles counts once) that the
-- totals count (`is_counted`: not a stated part, one figure per dispute)
-- and that are not running totals.
with people as (
    select * from scoped_events
    where
        metric in ('people_killed', 'people_injured')
        and is_counted
        and coalesce(period, '') <> 'cumulative'
)

select
    sum(value) filter (where metric = 'people_killed')::bigint as killed,
    flatten(list(fact_keys) filter (where metric = 'people_killed'))
        as killed__facts,
    sum(value) filter (where metric = 'people_injured')::bigint as injured,
    flatten(list(fact_keys) filter (where metric = 'people_injured'))
        as injured__facts
from people
