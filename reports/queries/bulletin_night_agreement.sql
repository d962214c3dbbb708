-- One row: the nights' figures (`bulletin_reconciliation`: what
-- `air_nights` reports per night, class and measure) held against the
-- bulletin, for nights with a drone or missile figure in scope: how many
-- had a bulletin figure and how many agree with it.
with in_scope as (
    select distinct
        window_end as night,
        weapon_class
    from scoped_facts
    where metric_group = 'air' and window_end - window_start <= 1
),

checked as (
    select bulletin_reconciliation.*
    from bulletin_reconciliation
    inner join in_scope using (night, weapon_class)
)

select
    count(*) filter (where agreement <> 'no bulletin') as with_bulletin,
    count(*) filter (where agrees) as agree,
    case when count(*) filter (where agreement <> 'no bulletin') > 0
        then format('{:.1f}%', 100.0 * count(*) filter (where agrees)
            / count(*) filter (where agreement <> 'no bulletin'))
        else 'none to compare'
    end as agree_share
from checked
