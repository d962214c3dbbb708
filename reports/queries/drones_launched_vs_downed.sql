-- title: Drones launched and downed, per article and attack
-- value_axis: Drones (count)
-- kind: barh
-- One row per article x period (overnight, day or one event) with a drone
-- figure in scope: the largest launched and downed figures that are not
-- stated parts of another (null: not reported). Weekly and running totals
-- are left out: they would dwarf single attacks.
with drones as (
    select * from scoped_facts
    where
        metric in ('drones_launched', 'drones_downed')
        and not is_part
        and coalesce(period, 'event') in ('overnight', 'day', 'event')
)

select
    coalesce(strftime(min(date_from), '%Y-%m-%d'), 'undated')
    || ' · ' || coalesce(any_value(outlet), doc)
    || coalesce(' (' || period || ')', '') as "Article and attack",
    max(value) filter (where metric = 'drones_launched') as "Launched",
    max(value) filter (where metric = 'drones_downed') as "Downed"
from drones
group by doc, period
order by min(date_from) nulls last, doc, period
