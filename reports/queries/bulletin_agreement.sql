-- One row: how many drone and missile figures in scope were held against
-- the Air Force bulletin (view `bulletin_checks`), how many had a bulletin
-- for their night, and the share of those that agree with it (exact,
-- within the figure's bounds, or another reading the bulletin gives).
with checks as (
    select bulletin_checks.*
    from bulletin_checks
    inner join scoped_facts using (doc, fact_no)
),

counts as (
    select
        count(*) as compared,
        count(*) filter (where agreement <> 'no bulletin') as with_bulletin,
        count(*) filter (where agrees) as agree
    from checks
)

select
    compared,
    with_bulletin,
    agree,
    case when with_bulletin > 0
        then format('{:.1f}%', 100.0 * agree / with_bulletin)
        else 'none to compare'
    end as agree_share
from counts
