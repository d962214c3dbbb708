-- One row: prisoners swapped and bodies repatriated, summed over the events
-- in scope (an exchange repeated by several articles counts once) that the
-- totals count (`is_counted`: not a stated part, one figure per dispute)
-- and that are not running totals. `exchanges` is the number of swap
-- events, `largest` the largest single swap.
with swaps as (
    select * from scoped_events
    where
        metric in ('prisoners_swapped', 'bodies_repatriated')
        and is_counted
        and coalesce(period, '') <> 'cumulative'
)

select
    sum(value) filter (where metric = 'prisoners_swapped')::bigint as swapped,
    flatten(list(fact_keys) filter (where metric = 'prisoners_swapped'))
        as swapped__facts,
    count(*) filter (where metric = 'prisoners_swapped') as exchanges,
    flatten(list(fact_keys) filter (where metric = 'prisoners_swapped'))
        as exchanges__facts,
    max(value) filter (where metric = 'prisoners_swapped') as largest,
    arg_max(fact_keys, value) filter (where metric = 'prisoners_swapped')
        as largest__facts,
    sum(value) filter (where metric = 'bodies_repatriated')::bigint as bodies,
    flatten(list(fact_keys) filter (where metric = 'bodies_repatriated'))
        as bodies__facts
from swaps
