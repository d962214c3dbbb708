-- One row per event: one figure (metric, side, value) over overlapping
-- windows, however many articles repeat it. Parts (is_part) are kept in the
-- key, so a part never merges with a total; sum events with `not is_part`.
-- Weapon and location split events only where both claims name them.
with

claim_rows as (
    select * from claims
),

-- Gaps and islands: ordered by start, a claim opens a new island when it
-- starts at or after the furthest end reached so far. Claims with no
-- window (undated articles) sort last, each an island of its own.
reach as (
    select
        claim_rows.*,
        max(covers_until) over (
            partition by metric, side, value, is_part
            order by covers_from, covers_until, claim_id
            rows between unbounded preceding and 1 preceding
        ) as reach_so_far
    from claim_rows
),

islands as (
    select
        reach.*,
        sum(
            case
                when covers_from is null
                    or reach_so_far is null
                    or covers_from >= reach_so_far
                    then 1
                else 0
            end
        ) over (
            partition by metric, side, value, is_part
            order by covers_from, covers_until, claim_id
            rows unbounded preceding
        ) as island_no
    from reach
),

-- A claim with no window joins the dated island of the same figure when
-- there is exactly one (the same record figure, reprinted undated) and the
-- figure is 10 or more: small counts ("1 killed") are too common to tell
-- one event from another. Otherwise it stays on its own.
attached as (
    select
        * exclude (island_no),
        case
            when covers_from is null
                and value >= 10
                and count(distinct dated_island) over key = 1
                then max(dated_island) over key
            else island_no
        end as island_no
    from (
        select
            islands.*,
            case when covers_from is not null then island_no end
                as dated_island
        from islands
    )
    window key as (partition by metric, side, value, is_part)
),

-- A claim with no weapon (location) joins the island's one named weapon
-- (location); where the island names several, it stays apart, unassigned.
keyed as (
    select
        attached.*,
        coalesce(
            weapon,
            case when count(distinct weapon) over island = 1
                then max(weapon) over island end
        ) as weapon_key,
        coalesce(
            location,
            case when count(distinct location) over island = 1
                then max(location) over island end
        ) as location_key
    from attached
    window island as (partition by metric, side, value, is_part, island_no)
),

final as (
    select
        -- ids
        min(claim_id) as event_id,
        -- the figure
        metric,
        side,
        value,
        -- the loosest bounds any source gives: open if any leaves it open
        case when count(low) = count(*) then min(low) end as low,
        case when count(high) = count(*) then max(high) end as high,
        is_part,
        weapon_key as weapon,
        location_key as location,
        -- the period most of its claims give; a tie goes to the first in
        -- alphabetical order (left to mode, the pick could change from one
        -- run to the next)
        mode(period order by period) as period,
        -- dates
        min(window_start) as window_start,
        max(window_end) as window_end,
        min(published) as earliest_report,
        max(published) as latest_report,
        -- sources
        count(distinct doc) as n_sources,
        count(distinct doc) filter (where covers_from is null)
            as n_undated_sources,
        count(distinct outlet) as n_outlets,
        list(distinct doc order by doc) as doc_ids,
        coalesce(
            list(distinct outlet order by outlet)
                filter (where outlet is not null),
            []
        ) as outlets,
        coalesce(
            list(distinct claimant order by claimant)
                filter (where claimant is not null),
            []
        ) as claimants,
        list(claim_id order by claim_id) as claim_ids
    from keyed
    group by metric, side, value, is_part, island_no, weapon_key, location_key
)

select * from final
