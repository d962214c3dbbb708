-- One row per counted drone or missile event in `scoped_events`, with the
-- attack it belongs to (`attack_weapon`, `attack_location`): the air table
-- and the drone chart group by them. A downed, lost or returned figure that
-- names no weapon (place) takes the one named by the launch figures of its
-- night that the same article gives, when they name exactly one: "launched
-- 60 Shaheds at the Kharkiv region ... shot down 51" is one attack, not
-- two. Never the other way round: a nationwide launch is not given the
-- place of one region's downed drones. Stored as the temp table
-- `scoped_air_events`.
with

air as (
    select
        scoped_events.*,
        vocabulary.weapon_class,
        split_part(scoped_events.metric, '_', 2) as measure  -- launched, ...
    from scoped_events
    inner join metric_vocabulary as vocabulary
        on vocabulary.metric = scoped_events.metric
    where vocabulary.metric_group = 'air' and scoped_events.is_counted
),

-- each outcome figure's launches: same night, side and weapon class, a
-- source in common, and its weapon if it names one
launches as (
    select
        outcome.event_id,
        count(distinct launch.weapon) as n_weapons,
        max(launch.weapon) as weapon,
        count(distinct launch.location) as n_places,
        max(launch.location) as location
    from air as outcome
    inner join air as launch
        on launch.measure = 'launched'
        and outcome.measure <> 'launched'
        and launch.window_start is not distinct from outcome.window_start
        and launch.window_end is not distinct from outcome.window_end
        and launch.period is not distinct from outcome.period
        and launch.side is not distinct from outcome.side
        and launch.weapon_class = outcome.weapon_class
        and (outcome.weapon is null or launch.weapon = outcome.weapon)
        and len(list_intersect(launch.doc_ids, outcome.doc_ids)) > 0
    group by outcome.event_id
),

final as (
    select
        air.*,
        coalesce(
            air.weapon,
            case when launches.n_weapons = 1 then launches.weapon end
        ) as attack_weapon,
        coalesce(
            air.location,
            case when launches.n_places = 1 then launches.location end
        ) as attack_location,
        -- an undated figure can be placed in no night: it pairs only with
        -- the figures of its own article
        case when air.window_start is null then air.doc_ids[1] end
            as undated_doc
    from air
    left join launches
        on launches.event_id = air.event_id
)

select * from final
