-- title: Drones launched and downed per night (national figures)
-- value_axis: Drones
-- kind: line
-- One row per night in scope with a national drone figure (view
-- `air_nights`), in date order: launched and downed by the attacking side
-- (both sides' drones added only where both attacked that night: a row per
-- night). Undated figures cannot be placed on a night and are left out;
-- the briefing counts them under the chart.
select
    night as "Night into",
    sum(launched)::bigint as "Launched",
    sum(downed)::bigint as "Downed"
from air_nights
where weapon_class = 'drone' and (launched is not null or downed is not null)
group by night
order by night
