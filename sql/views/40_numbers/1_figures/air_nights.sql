-- One row per night (`night`: the morning it ends, as the Air Force's
-- bulletins date it), attacking side and weapon class ('drone' |
-- 'missile'): how many were launched, downed, lost and returned.
--
-- The night's figures are national ones: a figure scoped to a place
-- ("Kyiv's air defence downed 10 drones", or any figure a mayor or a
-- governor gives) or to one model of missile ("six Kinzhals") is listed
-- beside them in `scoped_figures`, never taken as the night's total. (Drones are counted as Shahed-type and decoys, so a
-- Shahed figure is national; any other drone model is scoped.)
--
-- Each measure comes from one voice (a claimant; an article's unattributed
-- figures take the one claimant it names for that night): the defending
-- side's voice first (it tracks what crossed its airspace), then the voice
-- giving the most measures together, then the most reported. A measure
-- that voice does not give comes from the next voice that does; the
-- interception rate is given only when launched and downed come from the
-- same voice. Within a voice the latest report wins. Where other voices
-- give other figures, `is_disputed` is true and `other_figures` lists them
-- side by side: never a silent max.
--
-- Figures counted: incidents and one-day totals of a night or a day (a
-- day counts as the night into it); parts (is_part) never. Figures with
-- no night (undated, or a span of days) are not here.
with

air_reports as (
    select
        claims.*,
        case when metric like 'drones_%' then 'drone' else 'missile' end
            as weapon_class,
        split_part(metric, '_', 2) as measure,
        claims.window_end as night,
        claims.location is null
        and (
            claims.weapon is null
            or (claims.metric like 'drones_%'
                and claims.weapon in ('Shahed', 'Gerbera'))
        )
        -- a mayor's or a governor's figure is their city's or region's
        and not coalesce(
            regexp_matches(claims.claimant, '(?i)mayor|governor|regional|oblast|city'),
            false
        ) as is_national
    from claims
    where
        claims.metric in (
            'drones_launched', 'drones_downed', 'drones_lost',
            'drones_returned', 'missiles_launched', 'missiles_downed'
        )
        and claims.kind in ('incident', 'period_total')
        and not claims.is_part
        and claims.window_end - claims.window_start <= 1
),

-- a report that names no side takes the night's only one
sided as (
    select
        air_reports.*,
        coalesce(
            side,
            case when count(distinct side) over night_class = 1
                then max(side) over night_class end
        ) as side_key
    from air_reports
    window night_class as (partition by night, weapon_class)
),

-- an article's unattributed figures take the one claimant it names for
-- that night and class
voiced as (
    select
        sided.*,
        coalesce(
            claimant,
            case when count(distinct claimant) over article_night = 1
                then max(claimant) over article_night end,
            'unattributed'
        ) as voice,
        coalesce(
            claimant_side,
            case when count(distinct claimant_side) over article_night = 1
                then max(claimant_side) over article_night end
        ) as voice_side
    from sided
    window article_night as (partition by doc, night, weapon_class)
),

national as (
    select
        voiced.*,
        count(*) over (
            partition by night, side_key, weapon_class, voice, measure,
                published, value
        ) as n_same_figure
    from voiced
    where is_national
),

-- one figure per voice and measure: its latest report's
voice_figures as (
    select
        night,
        side_key as side,
        weapon_class,
        voice,
        any_value(voice_side) as voice_side,
        measure,
        arg_max(value, [epoch(coalesce(published, date '1900-01-01')),
            n_same_figure, value]) as value,
        arg_max(qualifier, [epoch(coalesce(published, date '1900-01-01')),
            n_same_figure, value]) as qualifier,
        arg_max(claim_id, [epoch(coalesce(published, date '1900-01-01')),
            n_same_figure, value]) as claim_id,
        count(distinct doc) as n_sources
    from national
    group by night, side_key, weapon_class, voice, measure
),

ranked_voices as (
    select
        night,
        side,
        weapon_class,
        voice,
        row_number() over (
            partition by night, side, weapon_class
            order by
                -- the defending side speaks first
                coalesce(any_value(voice_side) <> side, false) desc,
                count(*) desc,
                sum(n_sources) desc,
                voice
        ) as voice_rank
    from voice_figures
    group by night, side, weapon_class, voice
),

picked as (
    select
        voice_figures.*,
        ranked_voices.voice_rank,
        row_number() over (
            partition by voice_figures.night, voice_figures.side,
                voice_figures.weapon_class, voice_figures.measure
            order by ranked_voices.voice_rank
        ) = 1 as is_picked
    from voice_figures
    inner join ranked_voices using (night, side, weapon_class, voice)
),

with_picked_value as (
    select
        picked.*,
        max(value) filter (where is_picked) over (
            partition by night, side, weapon_class, measure
        ) as picked_value
    from picked
),

nights as (
    select
        night,
        side,
        weapon_class,
        -- the figures
        max(value) filter (where is_picked and measure = 'launched')
            as launched,
        max(value) filter (where is_picked and measure = 'downed') as downed,
        max(value) filter (where is_picked and measure = 'lost') as lost,
        max(value) filter (where is_picked and measure = 'returned')
            as returned,
        max(qualifier) filter (where is_picked and measure = 'launched')
            as launched_qualifier,
        max(qualifier) filter (where is_picked and measure = 'downed')
            as downed_qualifier,
        -- who gives them
        max(voice) filter (where is_picked and measure = 'launched')
            as launched_by,
        max(voice) filter (where is_picked and measure = 'downed')
            as downed_by,
        count(distinct voice) filter (where is_picked) > 1 as mixes_voices,
        -- other voices' figures that differ from the one taken
        list({'measure': measure, 'value': value, 'by': voice}
            order by measure, voice)
            filter (where not is_picked and value <> picked_value) as other_figures,
        list(claim_id order by claim_id) filter (where is_picked)
            as figure_claim_ids
    from with_picked_value
    group by night, side, weapon_class
),

-- figures of a place or a model: listed, never the night's total
scoped as (
    select
        night,
        side_key as side,
        weapon_class,
        list({
            'measure': measure, 'value': value, 'place': location,
            'weapon': weapon, 'claim_id': claim_id
        } order by measure, value desc) as scoped_figures
    from voiced
    where not is_national
    group by night, side_key, weapon_class
),

sources as (
    select
        night,
        side_key as side,
        weapon_class,
        count(distinct doc) as n_sources,
        count(distinct outlet) as n_outlets,
        coalesce(
            list(distinct outlet order by outlet) filter (where outlet is not null),
            []
        ) as outlets,
        list(claim_id order by claim_id) as claim_ids
    from voiced
    group by night, side_key, weapon_class
),

final as (
    select
        sources.night,
        sources.side,
        sources.weapon_class,
        -- counts
        nights.launched,
        nights.downed,
        nights.lost,
        nights.returned,
        nights.launched_qualifier,
        nights.downed_qualifier,
        case
            when nights.launched_by = nights.downed_by
                and nights.downed <= nights.launched
                and nights.launched > 0
                then round(100.0 * nights.downed / nights.launched, 1)
        end as interception_rate,
        -- voices
        nights.launched_by,
        nights.downed_by,
        coalesce(nights.mixes_voices, false) as mixes_voices,
        coalesce(len(nights.other_figures) > 0, false) as is_disputed,
        coalesce(nights.other_figures, []) as other_figures,
        coalesce(scoped.scoped_figures, []) as scoped_figures,
        -- sources
        sources.n_sources,
        sources.n_outlets,
        sources.outlets,
        coalesce(nights.figure_claim_ids, []) as figure_claim_ids,
        sources.claim_ids
    from sources
    left join nights using (night, side, weapon_class)
    left join scoped using (night, side, weapon_class)
)

select * from final
