-- One row per running total in the briefing's scope (view `tally_deltas`:
-- series x as-of date x value, with the change since the series' previous
-- date). A total is in scope when its as-of date falls in $since..$until
-- and it matches $metric and $side (null = no filter): a running total
-- covers every day since the war began, so its window would match any
-- date filter. With an outlet or place filter, a total is in scope when one
-- of its claims is in `scoped_facts`. Stored as the temp table `scoped_tallies`; `fact_keys` cites
-- the total, `delta_fact_keys` the total and the one before it.
with

claim_keys as (
    select doc || ':' || fact_no as claim_id, fact_key
    from scoped_facts
),

tally_rows as (
    select
        row_number() over (
            order by metric, side, claimant, weapon, location, is_part, as_of,
                value
        ) as tally_no,
        *
    from tally_deltas
),

keys as (
    select
        tally_rows.tally_no,
        list(claim_keys.fact_key order by claim_keys.fact_key) as fact_keys
    from tally_rows, unnest(tally_rows.claim_ids) as u(claim_id)
    inner join claim_keys
        on claim_keys.claim_id = u.claim_id
    group by tally_rows.tally_no
),

final as (
    select
        current.*,
        keys.fact_keys,
        -- the change is read off two totals: cite both
        case when current.delta is not null then list_concat(
            (select list(k.fact_key order by k.fact_key)
             from unnest(previous.claim_ids) as u(claim_id)
             inner join claim_keys as k on k.claim_id = u.claim_id),
            keys.fact_keys
        ) end as delta_fact_keys,
        -- what the series counts, in words: metric, weapon, place
        current.metric
        || coalesce(' · ' || current.weapon, '')
        || coalesce(' · ' || current.location, '')
        || case when current.is_part then ' (part)' else '' end
            as series_label
    from tally_rows as current
    left join keys
        on keys.tally_no = current.tally_no
    left join tally_rows as previous
        on previous.metric = current.metric
        and previous.side is not distinct from current.side
        and previous.claimant is not distinct from current.claimant
        and previous.weapon is not distinct from current.weapon
        and previous.location is not distinct from current.location
        and previous.is_part = current.is_part
        and previous.as_of = current.previous_as_of
        and current.delta is not null
    where
        ($since is null or current.as_of >= $since)
        and ($until is null or current.as_of <= $until)
        and ($metric is null or list_contains($metric, current.metric))
        and ($side is null or list_contains($side, current.side))
        and (($outlet is null and $place is null) or keys.fact_keys is not null)
)

select * from final
