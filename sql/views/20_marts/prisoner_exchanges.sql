-- One row per prisoners_swapped or bodies_repatriated fact.
with

selected as (
    select * from fact_details
    where metric in ('prisoners_swapped', 'bodies_repatriated')
),

final as (
    select
        -- ids
        doc,
        fact_no,
        -- what was counted
        metric,
        case metric
            when 'prisoners_swapped' then 'prisoners'
            when 'bodies_repatriated' then 'bodies'
        end as exchange_kind,
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
