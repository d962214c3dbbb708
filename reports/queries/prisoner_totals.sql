-- One row: prisoners swapped and bodies repatriated, summed over the
-- figures in scope that are not stated parts of another figure. The same
-- exchange reported by two articles counts twice: these are sums of
-- reports, not of exchanges. `largest` is the largest single swap figure.
with swaps as (
    select * from scoped_facts
    where metric in ('prisoners_swapped', 'bodies_repatriated') and not is_part
)

select
    sum(value) filter (where metric = 'prisoners_swapped') as swapped,
    list(fact_key) filter (where metric = 'prisoners_swapped')
        as swapped__facts,
    count(*) filter (where metric = 'prisoners_swapped') as swap_reports,
    max(value) filter (where metric = 'prisoners_swapped') as largest,
    [arg_max(fact_key, value) filter (where metric = 'prisoners_swapped')]
        as largest__facts,
    sum(value) filter (where metric = 'bodies_repatriated') as bodies,
    list(fact_key) filter (where metric = 'bodies_repatriated')
        as bodies__facts
from swaps
