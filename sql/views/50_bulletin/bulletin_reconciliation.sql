-- One row per night x weapon class ('drone', 'missile') x measure
-- ('launched', 'downed', 'lost') for which `air_nights` gives the news'
-- figure of Russia's drones or missiles (or of no stated side), when a
-- bulletin is loaded: that figure beside the bulletin's night figure
-- (bulletin_readings), with the same agreement labels as bulletin_checks:
--   'exact'                    the bulletin's night figure;
--   'within bounds'            within the news figure's qualifier ("about"
--                              is +-10%, "over N" at least N, "up to N" at
--                              most N; air_nights keeps no other bounds);
--   'alternative reading'      another reading of the night (all drone
--                              kinds, shot down plus lost, all targets
--                              neutralised, missiles without S-300/S-400,
--                              Shaheds without decoys, daytime
--                              waves; not a regional tally: these are
--                              national figures);
--   'launched/downed swapped'  equal to the night figure of the other measure;
--   'previous/next night'      equal to the night figure of the night before
--                              or after;
--   'no bulletin'              no national figure for that night, class and
--                              measure;
--   'differs'                  none of these.
-- `voice` is who gives the news figure (air_nights' launched_by /
-- downed_by); `agrees` = exact, within bounds or an alternative reading.
with

news as (
    select
        night,
        weapon_class,
        measure,
        value,
        case measure
            when 'launched' then launched_qualifier
            when 'downed' then downed_qualifier
        end as qualifier,
        case measure
            when 'launched' then launched_by
            when 'downed' then downed_by
        end as voice,
        n_sources,
        is_disputed
    from air_nights
    unpivot (value for measure in (launched, downed, lost))
    where
        coalesce(side, 'russia') = 'russia'
        and exists (select 1 from bulletin_rows)
    -- a night with Russia's row and a row of no stated side: Russia's
    qualify row_number() over (
        partition by night, weapon_class, measure order by side nulls last
    ) = 1
),

candidates as (
    select
        news.night,
        news.weapon_class,
        news.measure,
        readings.night as reading_night,
        readings.measure as reading_measure,
        readings.reading,
        readings.value as reading_value,
        readings.is_night_figure,
        readings.is_regional,
        readings.value = news.value as is_equal,
        case coalesce(news.qualifier, 'exact')
            when 'approx' then abs(readings.value - news.value) <= 0.1 * news.value
            when 'at_least' then readings.value >= news.value
            when 'at_most' then readings.value <= news.value
            else readings.value = news.value
        end as matches
    from news
    inner join bulletin_readings as readings
        on readings.weapon_class = news.weapon_class
        and readings.night between news.night - 1 and news.night + 1
),

ranked as (
    select
        *,
        case
            when reading_night = night and reading_measure = measure
                and is_night_figure
                then case when is_equal then 1 else 2 end
            when reading_night = night and reading_measure = measure then 3
            -- another measure or night only when equal
            when reading_night = night and is_night_figure and is_equal
                and 'lost' not in (measure, reading_measure) then 4
            when reading_measure = measure and is_night_figure and is_equal then 5
        end as rank
    from candidates
    -- a night's figure is national: a regional tally it equals is chance
    where matches and not is_regional
),

best as (
    select
        night,
        weapon_class,
        measure,
        min(rank) as rank,
        arg_min(reading, rank) as reading,
        arg_min(reading_night, rank) as reading_night,
        arg_min(reading_measure, rank) as reading_measure,
        arg_min(reading_value, rank) as reading_value
    from ranked
    where rank is not null
    group by night, weapon_class, measure
),

night_figures as (
    select night, weapon_class, measure, value
    from bulletin_readings
    where is_night_figure
),

final as (
    select
        news.night,
        news.weapon_class,
        news.measure,
        news.value as news_value,
        news.qualifier as news_qualifier,
        news.voice,
        news.n_sources,
        news.is_disputed,
        night_figures.value as bulletin_value,
        news.value - night_figures.value as difference,
        case best.rank
            when 1 then 'exact'
            when 2 then 'within bounds'
            when 3 then 'alternative reading'
            when 4 then 'launched/downed swapped'
            when 5 then 'previous/next night'
            else case when night_figures.value is null then 'no bulletin'
                else 'differs' end
        end as agreement,
        coalesce(best.rank <= 3, false) as agrees,
        case
            when best.rank = 4 then best.reading_measure || ': ' || best.reading
            when best.rank = 5 then
                case when best.reading_night < news.night
                    then 'previous night' else 'next night' end
                || ' (' || strftime(best.reading_night, '%Y-%m-%d') || '): '
                || best.reading
            else best.reading
        end as matched_reading,
        best.reading_value as matched_value
    from news
    left join night_figures
        on night_figures.night = news.night
        and night_figures.weapon_class = news.weapon_class
        and night_figures.measure = news.measure
    left join best
        on best.night = news.night
        and best.weapon_class = news.weapon_class
        and best.measure = news.measure
)

select * from final
