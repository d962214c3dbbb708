-- One row per running tally (kind 'running_tally': "since the invasion",
-- "so far", General Staff totals) per series, as-of date and
-- value: the change since the previous date the series was reported. A
-- series is one metric, side, claimant, weapon and location; parts stay in
-- their own series. A drop (delta < 0) is a correction, or a different
-- count. Two values on one date are two things (tanks and guns with no
-- weapon named), so neither that date nor the next gets a delta.
with

tallies as (
    select
        -- series
        metric,
        side,
        claimant,
        weapon,
        location,
        is_part,
        -- the date the total runs to
        window_end as as_of,
        value,
        -- sources
        count(distinct doc) as n_sources,
        list(distinct doc order by doc) as doc_ids,
        list(claim_id order by claim_id) as claim_ids,
        min(published) as earliest_report
    from claims
    where
        kind = 'running_tally'
        and qualifier <> 'vague'   -- "thousands" is no running count
        and window_end is not null
    group by all
),

numbered as (
    select
        tallies.*,
        dense_rank() over (
            partition by metric, side, claimant, weapon, location, is_part
            order by as_of
        ) as date_no,
        count(*) over (
            partition by metric, side, claimant, weapon, location, is_part,
                as_of
        ) as n_values_on_date
    from tallies
),

-- The previous reported date of the series, and its value if it had one.
previous as (
    select
        numbered.*,
        max(as_of) over previous_date as previous_as_of,
        case
            when count(*) over previous_date = 1
                then max(value) over previous_date
        end as previous_value
    from numbered
    window previous_date as (
        partition by metric, side, claimant, weapon, location, is_part
        order by date_no
        range between 1 preceding and 1 preceding
    )
),

final as (
    select
        * exclude (date_no),
        case
            when n_values_on_date = 1 then value - previous_value
        end as delta,
        as_of - previous_as_of as days_since_previous,
        coalesce(
            n_values_on_date = 1 and value - previous_value < 0, false
        ) as is_correction
    from previous
)

select * from final
