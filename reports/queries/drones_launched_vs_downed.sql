-- title: Drones launched and downed per attack: events, not articles
-- value_axis: Drones (if disputed: the defender's figure)
-- kind: barh
-- One row per attack (window x period x side x weapon x place: overnight, a day or
-- one event) with a drone event in scope, largest launched first, at most
-- 25 (a chart, not a list): launched and downed, each one event however
-- many articles repeat it (null: not reported), and how many sources carry
-- them. Disputed figures show the chart's figure (`chart_value`: the
-- defending side's, else the most reported). Weekly and running totals,
-- and figures whose window spans more than a night, are left out: they
-- would dwarf single attacks.
with drones as (
    select * from scoped_air_events
    where
        metric in ('drones_launched', 'drones_downed')
        and coalesce(period, 'event') in ('overnight', 'day', 'event')
        -- one attack: a night or a day, not a span since some date
        and coalesce(window_end - window_start, 0) <= 1
),

attacks as (
    select
        case
            when window_start is null then 'undated'
            when window_end - window_start = 1
                then strftime(window_start, '%Y-%m-%d') || '/'
                    || case when month(window_start) = month(window_end)
                        then strftime(window_end, '%d')
                        else strftime(window_end, '%m-%d') end
            when window_start = window_end
                then strftime(window_start, '%Y-%m-%d')
            else strftime(window_start, '%Y-%m-%d') || ' to '
                || strftime(window_end, '%Y-%m-%d')
        end
        || coalesce(' · ' || side, '')
        || coalesce(' · ' || attack_weapon, '')
        || coalesce(' · ' || attack_location, '')
        || case when period = 'day' then ' · day' else '' end
        || ' (' || len(list_distinct(flatten(list(doc_ids)))) || ' src)'
            as label,
        max(value) filter (where metric = 'drones_launched') as launched,
        max(value) filter (where metric = 'drones_downed') as downed
    from drones
    -- a day's launches and a night's in one window are two attacks
    group by
        window_start, window_end, period, side, attack_weapon, attack_location,
        undated_doc
)

select
    label as "Attack (sources)",
    launched as "Launched",
    downed as "Downed"
from attacks
order by coalesce(launched, downed) desc, label
limit 25
