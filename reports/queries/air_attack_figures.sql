-- newest_first: Date
-- One row per window (a night, a day, a span) x period x side x weapon x place with
-- a drone or missile event in scope: launched, downed, lost and returned,
-- each one event (a figure repeated by several articles counts once), and
-- how many sources carry them. Stated parts are left out; where sources
-- disagree the cell holds the chart's figure (`is_counted`) and Disputed
-- names the measures listed under Disputed figures. Weapon and place are
-- the attack's (`scoped_air_events`): a downed figure that names none takes
-- the one its article's launch figure of that night names.
with cells as (
    select
        window_start,
        window_end,
        date_label,
        side,
        weapon_class,
        attack_weapon as weapon,
        attack_location as location,
        period,  -- a day's launches and a night's are two attacks
        undated_doc,
        max(value) filter (where measure = 'launched') as launched,
        flatten(list(fact_keys) filter (where measure = 'launched'))
            as launched__facts,
        max(value) filter (where measure = 'downed') as downed,
        flatten(list(fact_keys) filter (where measure = 'downed'))
            as downed__facts,
        max(value) filter (where measure = 'lost') as lost,
        flatten(list(fact_keys) filter (where measure = 'lost'))
            as lost__facts,
        max(value) filter (where measure = 'returned') as returned,
        flatten(list(fact_keys) filter (where measure = 'returned'))
            as returned__facts,
        list_sort(list_distinct(flatten(list(doc_ids)))) as doc_ids,
        list_sort(list_distinct(flatten(list(outlets)))) as outlets,
        string_agg(distinct measure, ', ' order by measure)
            filter (where dispute_id is not null) as disputed
    from scoped_air_events
    group by all
)

select
    date_label as "Date",
    coalesce(side, '') as "Side",
    weapon_class || coalesce(' (' || weapon || ')', '') as "Weapon",
    coalesce(location, '') as "Location",
    coalesce(period, '') as "Period",
    launched as "Launched",
    launched__facts as "Launched__facts",
    downed as "Downed",
    downed__facts as "Downed__facts",
    lost as "Lost",
    lost__facts as "Lost__facts",
    returned as "Returned",
    returned__facts as "Returned__facts",
    -- more downed than launched: two counts of different waves, no rate
    case when downed <= launched
        then round(100.0 * downed / nullif(launched, 0), 1)
    end as "Downed (% of launched)",
    list_concat(launched__facts, downed__facts)
        as "Downed (% of launched)__facts",
    len(doc_ids) || case when len(doc_ids) = 1 then ' source' else ' sources'
    end || case
        when len(outlets) = 0 then ''
        else ' ('
            || case when len(outlets) < len(doc_ids)
                then len(outlets) || case when len(outlets) = 1
                    then ' outlet: ' else ' outlets: ' end
                else '' end
            || array_to_string(outlets[1:5], ', ')
            || case when len(outlets) > 5
                then ', ' || (len(outlets) - 5) || ' more' else '' end
            || ')'
    end as "Reported by",
    coalesce(disputed, '') as "Disputed"
from cells
order by window_start nulls last, window_end, "Side", "Weapon", "Location"
