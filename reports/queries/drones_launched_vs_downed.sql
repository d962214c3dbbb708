-- title: Drones launched and downed: the largest attacks reported
-- value_axis: Drones (count)
-- kind: barh
-- One row per article x period (overnight, day or one event) with a drone
-- figure in scope, largest launched first, at most 25 (a chart, not a
-- list): the largest launched and downed figures that are not stated parts
-- of another (null: not reported). Weekly and running totals are left out:
-- they would dwarf single attacks.
with drones as (
    select * from scoped_facts
    where
        metric in ('drones_launched', 'drones_downed')
        and not is_part
        and coalesce(period, 'event') in ('overnight', 'day', 'event')
),

attacks as (
    select
        coalesce(strftime(min(date_from), '%Y-%m-%d'), 'undated')
        || ' · ' || coalesce(any_value(outlet), doc)
        || coalesce(' (' || period || ')', '') as label,
        max(value) filter (where metric = 'drones_launched') as launched,
        max(value) filter (where metric = 'drones_downed') as downed
    from drones
    group by doc, period
)

select
    label as "Article and attack",
    launched as "Launched",
    downed as "Downed"
from attacks
order by coalesce(launched, downed) desc, label
limit 25
