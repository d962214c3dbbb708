-- One row per metric x side x weapon x location x window where sources give
-- different figures, or different claimants speak: the figures side by side
-- and one column per policy for picking one. Parts and claims with no
-- window stay out. Two claims count against each other only when they come
-- from different articles or different claimants: one article's figures
-- that differ are different things, not a dispute. A running total
-- (cumulative, or a span of more than a night ending on the report date) is
-- compared only with others as of the same date: a growing tally is not a
-- dispute.
with

claim_rows as (
    select
        *,
        case
            when period = 'cumulative'
                or (window_end = published and window_end - window_start > 1)
                then window_end
        end as running_as_of,
        -- each claim's range: approx is read as +-10%, open bounds as open
        coalesce(
            low, case when qualifier = 'approx' then value * 0.9 else 0 end
        ) as value_from,
        coalesce(
            high,
            case
                when qualifier = 'approx' then value * 1.1
                else 'infinity'::double
            end
        ) as value_to,
        -- the side under attack reports what crossed its airspace
        case
            when metric similar to '(drones|missiles)_.*|bombs_dropped'
                then case side
                    when 'russia' then 'ukraine'
                    when 'ukraine' then 'russia'
                end
        end as defending_side
    from claims
    where not is_part and covers_from is not null
),

-- Gaps and islands over the windows, as in `events`, but across values.
reach as (
    select
        claim_rows.*,
        max(covers_until) over (
            partition by metric, side, weapon, location, running_as_of
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
                when reach_so_far is null or covers_from >= reach_so_far
                    then 1
                else 0
            end
        ) over (
            partition by metric, side, weapon, location, running_as_of
            order by covers_from, covers_until, claim_id
            rows unbounded preceding
        ) as island_no
    from reach
),

grouped as (
    select
        islands.*,
        dense_rank() over (
            order by metric, side, weapon, location, running_as_of, island_no
        ) as group_no
    from islands
),

-- Pairs of claims that can disagree: other article or other claimant.
pairs as (
    select
        a.group_no,
        bool_or(a.value <> b.value or a.claimant <> b.claimant) as is_differing,
        bool_or(a.value_from > b.value_to or b.value_from > a.value_to)
            as is_contested
    from grouped as a
    inner join grouped as b
        on a.group_no = b.group_no
        and a.claim_id < b.claim_id
        and (a.doc <> b.doc or a.claimant <> b.claimant)
    group by a.group_no
),

-- One row per figure within a group: who gives it, in how many articles.
figures as (
    select
        group_no,
        value,
        coalesce(
            list(distinct claimant order by claimant)
                filter (where claimant is not null),
            []
        ) as claimants,
        count(distinct doc) as n_sources,
        count(distinct doc) filter (
            where claimant_side = defending_side
        ) as n_defender_sources,
        max(published) as latest_report
    from grouped
    group by group_no, value
),

policies as (
    select
        group_no,
        list(value order by value) as values,
        list(
            {
                'value': value,
                'claimants': claimants,
                'n_sources': n_sources
            }
            order by value
        ) as figures,
        -- the defender's most reported figure; ties go to the latest, then
        -- to the lower (without a last tie-break the pick could change from
        -- one run to the next)
        arg_max(value, {'n': n_defender_sources, 'at': latest_report, 'v': -value})
            filter (where n_defender_sources > 0) as defender_value,
        min(value) as min_value,
        max(value) as max_value,
        -- the most widely reported figure; ties go to the lower
        arg_max(value, {'n': n_sources, 'v': -value}) as most_reported_value
    from figures
    group by group_no
),

disputes as (
    select
        -- ids
        min(claim_id) as dispute_id,
        group_no,
        -- key
        metric,
        side,
        weapon,
        location,
        -- dates
        min(window_start) as window_start,
        max(window_end) as window_end,
        -- sources
        count(distinct doc) as n_sources,
        count(distinct value) as n_values,
        count(distinct claimant) as n_claimants,
        list(claim_id order by claim_id) as claim_ids,
        coalesce(
            list(distinct claimant order by claimant)
                filter (where claimant is not null),
            []
        ) as claimants,
        any_value(defending_side) as defending_side
    from grouped
    group by group_no, metric, side, weapon, location
),

final as (
    select
        disputes.dispute_id,
        disputes.metric,
        disputes.side,
        disputes.weapon,
        disputes.location,
        disputes.window_start,
        disputes.window_end,
        -- the figures side by side
        policies.values,
        policies.figures,
        disputes.claimants,
        disputes.n_values,
        disputes.n_claimants,
        disputes.n_sources,
        disputes.claim_ids,
        pairs.is_contested,
        -- policies
        disputes.defending_side,
        policies.defender_value,
        policies.min_value,
        policies.max_value,
        policies.most_reported_value,
        -- what a chart shows: the defender's figure, else the most reported
        coalesce(policies.defender_value, policies.most_reported_value)
            as chart_value
    from disputes
    inner join pairs
        on pairs.group_no = disputes.group_no
    inner join policies
        on policies.group_no = disputes.group_no
    where pairs.is_differing
)

select * from final
