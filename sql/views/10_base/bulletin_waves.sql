-- One row per row of the loaded bulletin file that has no problem: one
-- attack wave x weapon model as the Air Force posted it, with the night it
-- belongs to, who posted it, and what its model is (bulletin_models).
--
-- The night rule, Kyiv time as written (no zone conversion): `night` is the
-- date of the morning bulletin the wave belongs to, the date it ends.
--   wave 'night'     ends on a later date than it starts, or ends before
--                    15:00 (a night attack that ran into the morning);
--   wave 'evening'   starts at 17:00 or later and ends the same date: it
--                    belongs to the next morning's bulletin (night = date + 1);
--   wave 'day'       starts before 17:00 and ends at 15:00 or later the
--                    same date: a daytime wave, kept apart from the night
--                    figure (night = its date: the day after that night);
--   wave 'date only' no time of day on either side (a daily tally).
-- Only national rows (Air Force, General Staff, Commander-in-Chief) count
-- in a night figure (`counts_for_night`); regional air commands' tallies
-- are listed beside it, never added. A row that breaks down a row of the
-- same post (same source, times and model) whose target is all of Ukraine
-- is `is_breakdown`: it would count its drones twice.
with

good_rows as (
    select
        *,
        -- 'kpszsu/posts/...', 'https://t.me/kpszsu/44624' -> 'kpszsu'
        regexp_extract(
            lower(source),
            '^(?:https?://)?(?:www\.)?(?:facebook\.com/|t\.me/)?([^/?#]+)', 1
        ) as account
    from bulletin_rows
    where problem is null
),

-- "X-101/X-555 and Kalibr": one row may name several models
model_parts as (
    select
        line,
        trim(unnest(string_split(model, ' and '))) as part
    from good_rows
),

row_models as (
    select
        model_parts.line,
        list_distinct(list(bulletin_models.weapon_class)
            filter (where bulletin_models.weapon_class is not null)) as classes,
        list_sort(list_distinct(list(bulletin_models.kind)
            filter (where bulletin_models.kind is not null))) as kinds,
        list_sort(list_distinct(flatten(list(bulletin_models.weapons)
            filter (where bulletin_models.weapons is not null)))) as weapons,
        list(model_parts.part) filter (where bulletin_models.model is null)
            as unknown_models,
        count(*) as n_models
    from model_parts
    left join bulletin_models
        on bulletin_models.model = model_parts.part
    group by model_parts.line
),

timed as (
    select
        good_rows.*,
        case
            when ends_at::date > starts_at::date then 'night'
            when start_has_time and starts_at::time >= time '17:00' then 'evening'
            when end_has_time and ends_at::time >= time '15:00' then 'day'
            when start_has_time or end_has_time then 'night'
            else 'date only'
        end as wave
    from good_rows
),

final as (
    select
        timed.line,
        case timed.wave
            when 'evening' then timed.ends_at::date + 1
            else timed.ends_at::date
        end as night,
        timed.wave,
        timed.time_start,
        timed.time_end,
        timed.starts_at,
        timed.ends_at,
        timed.model,
        -- one class, or null when the models are unknown or of two classes
        case when len(row_models.classes) = 1 then row_models.classes[1] end
            as weapon_class,
        row_models.kinds,
        row_models.weapons,
        coalesce(row_models.unknown_models, []) as unknown_models,
        row_models.n_models > 1 as is_combined,
        -- the Air Force's drone figure is its Shahed/decoy row
        list_contains(row_models.kinds, 'shahed/decoy') as is_shahed_row,
        -- S-300/S-400 fired at ground targets, which news often leave out
        row_models.kinds = ['S-300/S-400'] as is_air_defence_missile,
        timed.launch_place,
        timed.target,
        timed.launched,
        timed.destroyed,
        timed.not_reach_goal as lost,
        timed.still_attacking,
        timed.is_shahed as shaheds,
        timed.source,
        timed.account,
        bulletin_posters.poster,
        coalesce(bulletin_posters.scope, 'unknown') as scope,
        coalesce(timed.target, '') <> 'Ukraine'
        and coalesce(bool_or(timed.target = 'Ukraine') over (
            partition by timed.source, timed.time_start, timed.time_end, timed.model
        ), false) as is_breakdown
    from timed
    left join row_models
        on row_models.line = timed.line
    left join bulletin_posters
        on bulletin_posters.account = timed.account
)

select
    *,
    scope = 'national' and not is_breakdown and weapon_class is not null
        as counts_for_night
from final
