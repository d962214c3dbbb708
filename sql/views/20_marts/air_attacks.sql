-- One row per article x period x weapon class ('drone' / 'missile').
-- Only whole figures (is_part = false) count, so parts are never added in;
-- when an article states one metric twice for the same period, the largest
-- figure is kept. An article can report two attacks in one period (Russian
-- drones downed over Ukraine, Ukrainian drones over Russia): such a row has
-- is_mixed_sides = true, side null and no interception_rate, since its
-- launched and downed may count different drones.
with

air_facts as (
    select
        doc,
        published,
        outlet,
        period,
        side,
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
        -- whose drones or missiles: null when unstated or mixed
        case when count(distinct side) = 1 then min(side) end as side,
        count(distinct side) > 1 as is_mixed_sides,
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
            when launched > 0 and downed is not null and not is_mixed_sides
                then downed / launched
        end as interception_rate
    from per_group
)

select * from final
