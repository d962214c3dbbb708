-- One row per running total (period cumulative) per series and as-of date:
-- the change since the previous report of the same series. A series is one
-- metric, side, claimant, weapon and location; parts stay in their own
-- series. A drop (delta < 0) is a correction, or a different count.
with

tallies as (
    select
        metric,
        side,
        claimant,
        weapon,
        location,
        is_part,
        -- the date the total runs to
        window_end as as_of,
        value,
        count(distinct doc) as n_sources,
        list(distinct doc order by doc) as doc_ids,
        min(published) as earliest_report
    from claims
    where
        period = 'cumulative'
        and qualifier <> 'vague'   -- "thousands" is no running count
        and window_end is not null
    group by all
),

deltas as (
    select
        tallies.*,
        lag(value) over series as previous_value,
        lag(as_of) over series as previous_as_of
    from tallies
    window series as (
        partition by metric, side, claimant, weapon, location, is_part
        order by as_of, earliest_report, value
    )
),

final as (
    select
        *,
        value - previous_value as delta,
        as_of - previous_as_of as days_since_previous,
        coalesce(value - previous_value < 0, false) as is_correction
    from deltas
)

select * from final
