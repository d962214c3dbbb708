-- One row per figure in scope that disagrees with the Air Force bulletin
-- (`bulletin_checks`: not exact, within bounds or an alternative reading,
-- and the night has a bulletin), the ten furthest from the bulletin's
-- figure first: the figure with its quote (cited), the bulletin's figure,
-- and what in the bulletin matches it instead (another night, the other
-- measure), or the nearest figure it gives.
with checks as (
    select
        bulletin_checks.*,
        scoped_facts.claim_id,
        scoped_facts.figure as figure_text
    from bulletin_checks
    inner join scoped_facts using (doc, fact_no)
    where not bulletin_checks.agrees and bulletin_checks.agreement <> 'no bulletin'
)

select
    night as "Night",
    replace(metric, '_', ' ') || ' ' || figure_text as "News figure",
    [claim_id] as "News figure__facts",
    coalesce(outlet, '') as "Outlet",
    case when length(quote) > 140 then left(quote, 139) || '…' else quote end
        as "Quote",
    bulletin_value as "Bulletin",
    agreement as "Agreement",
    case
        when matched_reading is not null
            then matched_reading || ' = ' || format('{:,}', matched_value)
        when closest_reading is not null
            then 'nearest: ' || closest_reading || ' = '
                || format('{:,}', closest_value)
        else ''
    end as "What matches instead"
from checks
order by
    abs(value - coalesce(bulletin_value, matched_value, closest_value)) desc nulls last,
    night, doc, fact_no
limit 10
