-- One row per article x period x weapon class (drone / missile) in scope:
-- launched, downed, lost and returned, and the share downed. A cell holds
-- the article's largest figure for that metric that is not a stated part
-- of another (is_part), so a breakdown by region is not added to its total.
with air as (
    select * from scoped_facts
    where metric_group = 'air' and not is_part
),

picked as (
    select
        doc,
        period,
        weapon_class,
        split_part(metric, '_', 2) as measure,  -- launched, downed, ...
        max(value) as value,
        arg_max(fact_key, value) as fact_key,
        any_value(outlet) as outlet,
        min(date_from) as date_from
    from air
    group by doc, period, weapon_class, metric
),

cells as (
    select
        doc,
        period,
        weapon_class,
        coalesce(any_value(outlet), doc) as source,
        coalesce(strftime(min(date_from), '%Y-%m-%d'), 'undated') as day,
        max(value) filter (where measure = 'launched') as launched,
        list(fact_key) filter (where measure = 'launched') as launched__facts,
        max(value) filter (where measure = 'downed') as downed,
        list(fact_key) filter (where measure = 'downed') as downed__facts,
        max(value) filter (where measure = 'lost') as lost,
        list(fact_key) filter (where measure = 'lost') as lost__facts,
        max(value) filter (where measure = 'returned') as returned,
        list(fact_key) filter (where measure = 'returned') as returned__facts
    from picked
    group by doc, period, weapon_class
)

select
    day as "Date",
    source as "Source",
    period as "Period",
    weapon_class as "Weapon",
    launched as "Launched",
    launched__facts as "Launched__facts",
    downed as "Downed",
    downed__facts as "Downed__facts",
    lost as "Lost",
    lost__facts as "Lost__facts",
    returned as "Returned",
    returned__facts as "Returned__facts",
    round(100.0 * downed / nullif(launched, 0), 1) as "Downed (% of launched)",
    list_concat(launched__facts, downed__facts)
        as "Downed (% of launched)__facts"
from cells
order by day, source, weapon_class, period
