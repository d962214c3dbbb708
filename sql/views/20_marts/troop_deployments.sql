-- One row per troops_deployed or troops_mobilized fact.
with

selected as (
    select * from fact_details
    where metric in ('troops_deployed', 'troops_mobilized')
),

final as (
    select
        -- ids
        doc,
        fact_no,
        -- what was counted
        metric,
        case metric
            when 'troops_deployed' then 'deployed'
            when 'troops_mobilized' then 'mobilized'
        end as deployment_kind,
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
