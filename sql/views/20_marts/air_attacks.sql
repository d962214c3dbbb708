-- One row per article x period x weapon class ('drone' / 'missile').
-- Only whole figures (is_part = false) count, so parts are never added in;
-- when an article states one metric twice for the same period, the largest
-- figure is kept.
with

air_facts as (
    select
        doc,
        published,
        outlet,
        period,
        window_start,
        window_end,
        value,
        case
            when metric like 'drones_%' then 'drone'
            else 'missile'
        end as weapon_class,
        split_part(metric, '_', 2) as measure
    from fact_details
    where
        not is_part
        and metric in (
            'drones_launched', 'drones_downed', 'drones_lost', 'drones_returned',
            'missiles_launched', 'missiles_downed'
        )
),

per_group as (
    select
        -- grain
        doc,
        period,
        weapon_class,
        -- article
        any_value(published) as published,
        any_value(outlet) as outlet,
        -- dates the figures cover
        min(window_start) as window_start,
        max(window_end) as window_end,
        -- counts
        max(value) filter (where measure = 'launched') as launched,
        max(value) filter (where measure = 'downed') as downed,
        max(value) filter (where measure = 'lost') as lost,
        max(value) filter (where measure = 'returned') as returned
    from air_facts
    group by doc, period, weapon_class
),

final as (
    select
        *,
        case
            when launched > 0 and downed is not null then downed / launched
        end as interception_rate
    from per_group
)

select * from final
