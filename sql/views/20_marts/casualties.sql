-- One row per people_killed, people_injured or casualties fact.
-- Parts are included ("eight injured, one of them in Kyiv"): sum only the
-- rows where is_part = false.
with

selected as (
    select * from fact_details
    where metric in ('people_killed', 'people_injured', 'casualties')
),

final as (
    select
        -- ids
        doc,
        fact_no,
        -- what was counted
        metric,
        case metric
            when 'people_killed' then 'killed'
            when 'people_injured' then 'injured'
            when 'casualties' then 'casualties'
        end as casualty_kind,
        value,
        low,
        high,
        qualifier,
        is_part,
        -- attributes
        side,
        location,
        period,
        claimant,
        -- dates
        window_start,
        window_end,
        published,
        -- source
        outlet,
        title,
        url,
        quote
    from selected
)

select * from final
