-- title: Share of drones and missiles downed, per night (one voice's figures)
-- value_axis: Downed, % of launched
-- kind: line
-- One row per night in scope where one voice gives both launched and
-- downed (view `air_nights`), in date order: the interception rate of
-- drones and of missiles.
select
    night as "Night into",
    max(interception_rate) filter (where weapon_class = 'drone') as "Drones",
    max(interception_rate) filter (where weapon_class = 'missile') as "Missiles"
from air_nights
where interception_rate is not null
group by night
order by night
