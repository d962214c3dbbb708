-- One row per comparable news fact: a drone or missile launched, downed or
-- lost figure of Russia's (or of no stated side) for one night or one day
-- (a window of at most two dates, not a weekly or running total), not a
-- stated part unless it names a weapon; only when a bulletin is loaded.
-- Its night is its window's last date (a night is the two-date window
-- (d - 1, d), night = d), held against bulletin_nights:
--   bulletin_value    the bulletin's figure for the fact's measure: of the
--                     weapon it names when the bulletin has rows of that
--                     weapon that night ("4 ballistic missiles"), else the
--                     night figure of its weapon class;
--   agreement         the first that holds, in this order:
--     'exact'                    the figure is bulletin_value;
--     'within bounds'            bulletin_value is within the fact's bounds
--                                ("over 800", "about 40" read as +-10%);
--     'alternative reading'      another reading of that night matches: all
--                                drone kinds, shot down plus lost, all
--                                targets neutralised (missiles too), missiles
--                                without S-300/S-400, Shaheds without decoys,
--                                daytime waves alone or added, the night
--                                figure of its class, a regional tally;
--     'launched/downed swapped'  the other measure's figure is the figure;
--     'previous/next night'      the night before's or after's is;
--     'no bulletin'              the bulletin has no figure for it;
--     'differs'                  none of these;
--   matched_reading   which reading matched (and its night, if another);
--                     for a figure that differs, a figure of its night
--                     under a third measure it equals, if any ("95 downed"
--                     that is the night's 95 lost);
--   closest_reading   for a figure that differs, the reading of its night
--                     and measure nearest to it (regional tallies aside).
-- `agrees` = exact, within bounds or an alternative reading.
with

news as (
    select
        doc,
        fact_no,
        metric,
        case when metric like 'drones_%' then 'drone' else 'missile' end
            as weapon_class,
        split_part(metric, '_', 2) as measure,  -- launched, downed, lost
        window_end as night,
        value,
        low,
        high,
        qualifier,
        side,
        weapon,
        place,
        period,
        is_part,
        claimant,
        outlet,
        published,
        quote
    from fact_details
    where
        metric in (
            'drones_launched', 'drones_downed', 'drones_lost',
            'missiles_launched', 'missiles_downed'
        )
        and coalesce(side, 'russia') = 'russia'
        and (not is_part or weapon is not null)
        and window_end - window_start <= 1
        and coalesce(period, 'overnight') in ('overnight', 'day')
        and exists (select 1 from bulletin_rows)
),

class_readings as (
    select night, weapon_class, measure, reading, value, is_night_figure
    from bulletin_readings
),

-- the rows of the weapon a fact names, on its night and the nights beside
weapon_rows as (
    select
        news.doc,
        news.fact_no,
        waves.night,
        news.weapon || ' rows' as reading,
        sum(waves.launched) as launched,
        sum(waves.destroyed) as downed,
        sum(waves.lost) as lost
    from news
    inner join bulletin_waves as waves
        on waves.weapon_class = news.weapon_class
        and waves.night between news.night - 1 and news.night + 1
        and list_contains(waves.weapons, news.weapon)
        and waves.counts_for_night
        and waves.wave <> 'day'
        -- a Shahed's rows are the night figure itself
        and not waves.is_shahed_row
    group by news.doc, news.fact_no, waves.night, news.weapon
),

weapon_readings as (
    select doc, fact_no, night, measure, reading, value
    from weapon_rows
    unpivot (value for measure in (launched, downed, lost))
),

readings as (
    select
        news.doc,
        news.fact_no,
        class_readings.night,
        class_readings.measure,
        class_readings.reading,
        class_readings.value,
        class_readings.is_night_figure
    from news
    inner join class_readings
        on class_readings.weapon_class = news.weapon_class
        and class_readings.night between news.night - 1 and news.night + 1
    union all
    select doc, fact_no, night, measure, reading, value, false
    from weapon_readings
),

-- the bulletin's figure for a fact, night and measure: its weapon's rows
-- when the bulletin has them, else the night figure of its class
main_readings as (
    select
        doc,
        fact_no,
        night,
        measure,
        coalesce(
            max(value) filter (where reading like '% rows'),
            max(value) filter (where is_night_figure)
        ) as value,
        case
            when max(value) filter (where reading like '% rows') is not null
                then max(reading) filter (where reading like '% rows')
            when max(value) filter (where is_night_figure) is not null
                then 'night figure'
        end as reading
    from readings
    where value is not null
    group by doc, fact_no, night, measure
),

candidates as (
    select
        news.doc,
        news.fact_no,
        readings.night,
        readings.measure,
        readings.reading,
        readings.value as reading_value,
        main.reading is not distinct from readings.reading as is_main,
        case
            when news.qualifier = 'approx'
                then abs(readings.value - news.value) <= 0.1 * news.value
            when news.low is null and news.high is null
                then readings.value = news.value
            else (news.low is null or readings.value >= news.low)
                and (news.high is null or readings.value <= news.high)
        end as matches,
        readings.value = news.value as is_equal
    from news
    inner join readings
        on readings.doc = news.doc
        and readings.fact_no = news.fact_no
        and readings.value is not null
    left join main_readings as main
        on main.doc = readings.doc
        and main.fact_no = readings.fact_no
        and main.night = readings.night
        and main.measure = readings.measure
),

ranked as (
    select
        news.doc,
        news.fact_no,
        candidates.night as reading_night,
        candidates.measure as reading_measure,
        candidates.reading,
        candidates.reading_value,
        case
            when candidates.night = news.night
                and candidates.measure = news.measure and candidates.is_main
                then case when candidates.is_equal then 1 else 2 end
            when candidates.night = news.night
                and candidates.measure = news.measure then 3
            -- another measure or night only when equal: "about 50" over one
            -- region is not the night before's 54
            when candidates.night = news.night and candidates.is_main
                and candidates.is_equal
                and news.measure <> 'lost' and candidates.measure <> 'lost' then 4
            when candidates.measure = news.measure and candidates.is_main
                and candidates.is_equal then 5
            -- still 'differs', but say what it is: "95 downed" that is the
            -- night's 95 lost
            when candidates.night = news.night and candidates.is_equal then 6
        end as rank
    from news
    inner join candidates
        on candidates.doc = news.doc
        and candidates.fact_no = news.fact_no
        and candidates.matches
),

best as (
    select
        doc,
        fact_no,
        arg_min(reading, rank) as reading,
        arg_min(reading_night, rank) as reading_night,
        arg_min(reading_measure, rank) as reading_measure,
        arg_min(reading_value, rank) as reading_value,
        min(rank) as rank
    from ranked
    where rank is not null
    group by doc, fact_no
),

closest as (
    select
        candidates.doc,
        candidates.fact_no,
        arg_min(candidates.reading, abs(candidates.reading_value - news.value))
            as reading,
        arg_min(candidates.reading_value, abs(candidates.reading_value - news.value))
            as value
    from candidates
    inner join news
        on news.doc = candidates.doc
        and news.fact_no = candidates.fact_no
        and candidates.night = news.night
        and candidates.measure = news.measure
        -- a regional tally is no figure for the night: it may only match
        and candidates.reading not like 'regional tally: %'
    group by candidates.doc, candidates.fact_no
),

flags as (
    select night, weapon_class, is_preliminary
    from bulletin_nights
),

final as (
    select
        news.*,
        main.value as bulletin_value,
        main.reading as bulletin_reading,
        news.value - main.value as difference,
        case best.rank
            when 1 then 'exact'
            when 2 then 'within bounds'
            when 3 then 'alternative reading'
            when 4 then 'launched/downed swapped'
            when 5 then 'previous/next night'
            when 6 then 'differs'
            else case when closest.reading is null then 'no bulletin' else 'differs' end
        end as agreement,
        coalesce(best.rank <= 3, false) as agrees,
        case
            when best.rank in (4, 6) then best.reading_measure || ': ' || best.reading
            when best.rank = 5 then
                case when best.reading_night < news.night
                    then 'previous night' else 'next night' end
                || ' (' || strftime(best.reading_night, '%Y-%m-%d') || '): '
                || best.reading
            else best.reading
        end as matched_reading,
        best.reading_night as matched_night,
        best.reading_value as matched_value,
        case when coalesce(best.rank, 6) = 6 then closest.reading end
            as closest_reading,
        case when coalesce(best.rank, 6) = 6 then closest.value end as closest_value,
        coalesce(flags.is_preliminary, false) as is_preliminary
    from news
    left join main_readings as main
        on main.doc = news.doc
        and main.fact_no = news.fact_no
        and main.night = news.night
        and main.measure = news.measure
    left join best
        on best.doc = news.doc
        and best.fact_no = news.fact_no
    left join closest
        on closest.doc = news.doc
        and closest.fact_no = news.fact_no
    left join flags
        on flags.night = news.night
        and flags.weapon_class = news.weapon_class
)

select * from final
