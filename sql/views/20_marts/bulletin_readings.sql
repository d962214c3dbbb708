-- One row per night x weapon class x measure ('launched', 'downed',
-- 'lost') x reading of the loaded bulletins that has a value: the figures
-- of bulletin_nights one per row, so that a news figure can be held
-- against each. `is_night_figure` marks the night figure itself (drones:
-- the Shahed/decoy rows; missiles: all missile rows); the others are the
-- readings news use (all drone kinds, shot down plus lost, all targets
-- neutralised, missiles
-- without S-300/S-400, Shaheds without decoys, daytime waves alone or
-- added) and, per poster, the regional commands' tallies (`is_regional`:
-- never a night's figure, only something a regional news figure may be).
with

-- the name of each reading of bulletin_nights: (column, measure, reading)
reading_names as (
    select * from (
        values
            ('launched', 'launched', 'night figure'),
            ('destroyed', 'downed', 'night figure'),
            ('lost', 'lost', 'night figure'),
            ('launched_all_kinds', 'launched', 'all drone kinds'),
            ('destroyed_all_kinds', 'downed', 'all drone kinds'),
            ('destroyed_and_lost', 'downed', 'shot down plus lost'),
            ('targets_neutralised', 'downed', 'all targets neutralised (drones and missiles)'),
            ('launched_without_s300', 'launched', 'missiles without S-300/S-400'),
            ('destroyed_without_s300', 'downed', 'missiles without S-300/S-400'),
            ('shaheds_launched', 'launched', 'Shaheds without decoys'),
            ('day_launched', 'launched', 'daytime waves alone'),
            ('day_destroyed', 'downed', 'daytime waves alone'),
            ('launched_with_day', 'launched', 'daytime waves added'),
            ('destroyed_with_day', 'downed', 'daytime waves added')
    ) as names (column_name, measure, reading)
),

night_readings as (
    select
        figures.night,
        figures.weapon_class,
        reading_names.measure,
        reading_names.reading,
        figures.value,
        reading_names.reading = 'night figure' as is_night_figure
    from (
        unpivot (
            select
                night, weapon_class, launched, destroyed, lost, launched_all_kinds,
                destroyed_all_kinds, destroyed_and_lost, targets_neutralised,
                launched_without_s300,
                destroyed_without_s300, shaheds_launched, day_launched,
                day_destroyed, launched_with_day, destroyed_with_day
            from bulletin_nights
        )
        on columns(* exclude (night, weapon_class))
        into name column_name value value
    ) as figures
    inner join reading_names
        on reading_names.column_name = figures.column_name
),

-- a regional command's tally of the night, per poster (listed, never added)
regional_readings as (
    select
        night,
        weapon_class,
        'launched' as measure,
        'regional tally: ' || poster as reading,
        sum(launched) as value,
        false as is_night_figure
    from bulletin_waves
    where scope = 'regional' and weapon_class is not null
    group by night, weapon_class, poster
    union all
    select
        night,
        weapon_class,
        'downed',
        'regional tally: ' || poster,
        sum(destroyed),
        false
    from bulletin_waves
    where scope = 'regional' and weapon_class is not null
    group by night, weapon_class, poster
),

final as (
    select *, false as is_regional from night_readings
    union all
    select *, true from regional_readings
)

select * from final
where value is not null
