-- title: Launched per night: news (air_nights) against the Air Force bulletin
-- value_axis: Drones or missiles launched
-- kind: barh
-- One row per night x weapon class with a launched figure in
-- `bulletin_reconciliation` (the news' figure for the night, `air_nights`:
-- national, one voice, the defender's first) and a drone or missile figure
-- of that night in scope, the 25 latest nights: the news' figure beside
-- the bulletin's night figure (null: no bulletin for that night).
with in_scope as (
    select distinct
        window_end as night,
        weapon_class
    from scoped_facts
    where metric_group = 'air' and window_end - window_start <= 1
)

select
    strftime(night, '%Y-%m-%d') || ' · ' || weapon_class || 's' as "Night",
    news_value as "News (air_nights)",
    bulletin_value as "Air Force bulletin"
from bulletin_reconciliation
inner join in_scope using (night, weapon_class)
where measure = 'launched'
order by night desc, weapon_class
limit 25
