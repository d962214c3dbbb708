-- One row per metric x side x weapon x location x window where sources give
-- different figures, or different claimants speak: the figures side by side
-- and one column per policy for picking one. Parts and claims with no
-- window stay out. A running total (cumulative, or a span of more than a
-- night ending on the report date) is compared only with others as of the
-- same date, since a tally that grows is not a dispute.
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
        ) as value_to
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
        ) as island_no,
        -- the side under attack reports what crossed its airspace
        case
            when metric similar to '(drones|missiles)_.*|bombs_dropped'
                then case side
                    when 'russia' then 'ukraine'
                    when 'ukraine' then 'russia'
                end
        end as defending_side
    from reach
),

-- One row per figure within a dispute: who gives it, in how many articles.
figures as (
    select
        metric,
        side,
        weapon,
        location,
        running_as_of,
        island_no,
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
    from islands
    group by all
),

disputes as (
    select
        -- ids
        min(claim_id) as dispute_id,
        -- key
        metric,
        side,
        weapon,
        location,
        any_value(defending_side) as defending_side,
        -- dates
        min(window_start) as window_start,
        max(window_end) as window_end,
        -- sources
        count(distinct doc) as n_sources,
        count(distinct value) as n_values,
        count(distinct claimant) as n_claimants,
        coalesce(
            list(distinct claimant order by claimant)
                filter (where claimant is not null),
            []
        ) as claimants,
        max(value_from) > min(value_to) as is_contested,
        -- for the join to figures
        running_as_of,
        island_no
    from islands
    group by metric, side, weapon, location, running_as_of, island_no
),

side_by_side as (
    select
        disputes.dispute_id,
        disputes.metric,
        disputes.side,
        disputes.weapon,
        disputes.location,
        disputes.window_start,
        disputes.window_end,
        -- the figures side by side
        list(figures.value order by figures.value) as values,
        list(
            {
                'value': figures.value,
                'claimants': figures.claimants,
                'n_sources': figures.n_sources
            }
            order by figures.value
        ) as figures,
        disputes.claimants,
        disputes.n_values,
        disputes.n_claimants,
        disputes.n_sources,
        disputes.is_contested,
        -- policies
        disputes.defending_side,
        arg_max(
            figures.value,
            {
                'n': figures.n_defender_sources,
                'at': figures.latest_report
            }
        ) filter (where figures.n_defender_sources > 0) as defender_value,
        min(figures.value) as min_value,
        max(figures.value) as max_value,
        -- the most widely reported figure; ties go to the lower
        arg_max(figures.value, {'n': figures.n_sources, 'v': -figures.value})
            as most_reported_value
    from disputes
    inner join figures
        on figures.metric = disputes.metric
        and figures.side is not distinct from disputes.side
        and figures.weapon is not distinct from disputes.weapon
        and figures.location is not distinct from disputes.location
        and figures.running_as_of is not distinct from disputes.running_as_of
        and figures.island_no = disputes.island_no
    where disputes.n_values > 1 or disputes.n_claimants > 1
    group by all
),

final as (
    select
        *,
        -- what a chart shows: the defender's figure, else the most reported
        coalesce(defender_value, most_reported_value) as chart_value
    from side_by_side
)

select * from final
