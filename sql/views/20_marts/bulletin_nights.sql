-- One row per night (the date of the morning bulletin) x weapon class
-- ('drone', 'missile', 'bomb') that the loaded bulletins name, from
-- bulletin_waves. The night figure counts national rows only, breakdown
-- rows left out:
--   drones   = the Shahed/decoy row(s) (the figure the Air Force leads with);
--   missiles = every missile model's row, S-300/S-400 included;
--   bombs    = every bomb row.
-- launched / destroyed / lost (not_reach_goal) are null when no such row
-- was posted: a night with no row has no figure, never 0. Beside them, the
-- other readings news use: all drone kinds (recon, Lancet, unknown UAV
-- added), shot down plus lost, missiles without S-300/S-400, the Shaheds
-- alone (without decoys), the daytime waves of that date alone and added,
-- and (drones) all targets neutralised, missiles shot down included.
-- Regional commands' tallies are listed (`regional_tallies`), never added.
-- `is_preliminary`: the post said some were still in the air (an interim
-- count).
with

waves as (
    select
        *,
        weapon_class <> 'drone' or is_shahed_row as is_main_row
    from bulletin_waves
    where weapon_class is not null
),

national as (
    select
        night,
        weapon_class,
        -- the night figure
        sum(launched) filter (where wave <> 'day' and is_main_row)::bigint as launched,
        sum(destroyed) filter (where wave <> 'day' and is_main_row)::bigint as destroyed,
        sum(lost) filter (where wave <> 'day' and is_main_row)::bigint as lost,
        sum(still_attacking) filter (where wave <> 'day' and is_main_row)::bigint
            as still_attacking,
        -- other readings
        sum(launched) filter (where wave <> 'day')::bigint as launched_all_kinds,
        sum(destroyed) filter (where wave <> 'day')::bigint as destroyed_all_kinds,
        sum(launched) filter (
            where wave <> 'day' and weapon_class = 'missile'
            and not is_air_defence_missile
        )::bigint as launched_without_s300,
        sum(destroyed) filter (
            where wave <> 'day' and weapon_class = 'missile'
            and not is_air_defence_missile
        )::bigint as destroyed_without_s300,
        sum(shaheds) filter (where wave <> 'day' and is_shahed_row)::bigint as shaheds_launched,
        sum(launched) filter (where wave = 'day' and is_main_row)::bigint as day_launched,
        sum(destroyed) filter (where wave = 'day' and is_main_row)::bigint as day_destroyed,
        -- where the figure comes from
        count(*) filter (where wave <> 'day') as n_rows,
        count(*) filter (where wave = 'day') as n_day_rows,
        min(starts_at) filter (where wave <> 'day') as first_start,
        max(ends_at) filter (where wave <> 'day') as last_end,
        list_sort(list_distinct(list(model))) as models,
        bool_or(is_combined) as has_combined_models,
        list_sort(list_distinct(list(source))) as posts
    from waves
    where counts_for_night
    group by night, weapon_class
),

regional as (
    select
        night,
        weapon_class,
        list({
            'poster': poster, 'target': target, 'model': model,
            'launched': launched, 'destroyed': destroyed
        } order by line) as regional_tallies
    from waves
    where scope = 'regional'
    group by night, weapon_class
),

others as (
    select
        night,
        weapon_class,
        count(*) filter (where is_breakdown and scope = 'national')
            as n_breakdown_rows,
        count(*) filter (where scope not in ('national', 'regional'))
            as n_other_rows
    from waves
    group by night, weapon_class
),

unknown as (
    select
        night,
        list_sort(list_distinct(flatten(list(unknown_models)))) as unknown_models
    from bulletin_waves
    where len(unknown_models) > 0
    group by night
),

final as (
    select
        others.night,
        others.weapon_class,
        national.launched,
        national.destroyed,
        national.lost,
        national.still_attacking,
        coalesce(national.still_attacking, 0) > 0 as is_preliminary,
        national.launched_all_kinds,
        national.destroyed_all_kinds,
        case when national.lost is not null
            then national.destroyed + national.lost end as destroyed_and_lost,
        -- the Air Force's headline: "718 air attack means neutralised" counts
        -- drones shot down and lost and missiles shot down together, and
        -- news print it as drones downed
        case when others.weapon_class = 'drone' and national.destroyed is not null
            then national.destroyed + coalesce(national.lost, 0)
                + coalesce(missiles.destroyed, 0)
        end as targets_neutralised,
        national.launched_without_s300,
        national.destroyed_without_s300,
        national.shaheds_launched,
        national.day_launched,
        national.day_destroyed,
        case when national.day_launched is not null
            then coalesce(national.launched, 0) + national.day_launched
        end as launched_with_day,
        case when national.day_destroyed is not null
            then coalesce(national.destroyed, 0) + national.day_destroyed
        end as destroyed_with_day,
        coalesce(regional.regional_tallies, []) as regional_tallies,
        coalesce(national.n_rows, 0) as n_rows,
        coalesce(national.n_day_rows, 0) as n_day_rows,
        others.n_breakdown_rows,
        others.n_other_rows,
        national.first_start,
        national.last_end,
        coalesce(national.models, []) as models,
        coalesce(national.has_combined_models, false) as has_combined_models,
        coalesce(unknown.unknown_models, []) as unknown_models,
        coalesce(national.posts, []) as posts
    from others
    left join national
        on national.night = others.night
        and national.weapon_class = others.weapon_class
    left join regional
        on regional.night = others.night
        and regional.weapon_class = others.weapon_class
    left join unknown
        on unknown.night = others.night
    left join national as missiles
        on missiles.night = others.night
        and missiles.weapon_class = 'missile'
)

select * from final
