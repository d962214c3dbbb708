-- One row per night (`night`: the morning it ends, as the Air Force's
-- bulletins date it), attacking side and weapon class ('drone' |
-- 'missile'): how many were launched, downed, lost and returned.
--
-- The night's figures are national ones: a figure scoped to a place
-- ("Kyiv's air defence downed 10 drones", or any figure a mayor or a
-- governor gives) or to one model of missile ("six Kinzhals") is listed
-- beside them in `scoped_figures`, never taken as the night's total.
-- (Drones are counted as Shahed-type and decoys, so a Shahed figure is
-- national; any other drone model is scoped.) A downed, lost or returned
-- figure that names no place takes the place of its article's launch for
-- that night, when the launch names exactly one ("launched 40 drones at
-- the Kharkiv region ... shot down 33": both Kharkiv's); never the other
-- way, a nationwide launch does not take one region's place.
--
-- Each measure comes from one voice (a claimant; an article's unattributed
-- figures take the one claimant it names for that night): the defending
-- side's voice first (it tracks what crossed its airspace), then the voice
-- giving the most measures together, then the most reported. A measure
-- that voice does not give comes from the next voice that does; the
-- interception rate is given only when launched and downed come from the
-- same voice, neither is vague, and downed is not more than launched.
-- Within a voice the latest report's figure wins. Every other figure given
-- for the night's measures (by another voice, or by the same voice in
-- another report) is in `other_figures`, with `is_disputed`: never a
-- silent maximum.
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
        (
            claims.weapon is null
            or (claims.metric like 'drones_%'
                and claims.weapon in ('Shahed', 'Gerbera'))
        )
        -- a mayor's or a governor's figure is their city's or region's
        and not coalesce(
            regexp_matches(claims.claimant, '(?i)mayor|governor|regional|oblast|city'),
            false
        ) as is_national_voice
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
-- that night and class; a downed, lost or returned figure naming no place
-- takes the one place of its article's launch
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
        ) as voice_side,
        coalesce(
            location,
            case when measure <> 'launched'
                and count(distinct location) filter (where measure = 'launched')
                    over article_night = 1
                and count(*) filter (where measure = 'launched' and location is null)
                    over article_night = 0
                then max(location) filter (where measure = 'launched')
                    over article_night end
        ) as place
    from sided
    window article_night as (partition by doc, night, weapon_class)
),

national as (
    select *
    from voiced
    where place is null and is_national_voice
),

-- each figure a voice gives for a measure, ranked within the voice: the
-- latest report first, then the one most reports give, then the larger
voice_values as (
    select
        *,
        row_number() over (
            partition by night, side, weapon_class, voice, measure
            order by latest_published desc nulls last, n_reports desc, value desc
        ) as value_rank
    from (
        select
            night,
            side_key as side,
            weapon_class,
            voice,
            any_value(voice_side) as voice_side,
            measure,
            value,
            any_value(qualifier) as qualifier,
            any_value(high) as high,
            -- the latest report of the figure is the one cited
            arg_max(claim_id, coalesce(published, date '1900-01-01')::varchar
                || claim_id) as claim_id,
            max(published) as latest_published,
            count(*) as n_reports,
            count(distinct doc) as n_sources
        from national
        group by night, side_key, weapon_class, voice, measure, value
    )
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
                count(distinct measure) desc,
                sum(n_sources) desc,
                voice
        ) as voice_rank
    from voice_values
    group by night, side, weapon_class, voice
),

-- each measure's figure: the best voice that gives it, its first figure
picked as (
    select
        voice_values.*,
        voice_values.value_rank = 1 and row_number() over (
            partition by voice_values.night, voice_values.side,
                voice_values.weapon_class, voice_values.measure
            order by ranked_voices.voice_rank, voice_values.value_rank
        ) = 1 as is_picked
    from voice_values
    inner join ranked_voices
        on ranked_voices.night = voice_values.night
        and ranked_voices.side is not distinct from voice_values.side
        and ranked_voices.weapon_class = voice_values.weapon_class
        and ranked_voices.voice = voice_values.voice
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
        max(claim_id) filter (where is_picked and measure = 'launched')
            as launched_claim_id,
        max(claim_id) filter (where is_picked and measure = 'downed')
            as downed_claim_id,
        max(claim_id) filter (where is_picked and measure = 'lost')
            as lost_claim_id,
        max(claim_id) filter (where is_picked and measure = 'returned')
            as returned_claim_id,
        max(qualifier) filter (where is_picked and measure = 'launched')
            as launched_qualifier,
        max(qualifier) filter (where is_picked and measure = 'downed')
            as downed_qualifier,
        -- as a table shows them, qualifiers visible ("~36", "≥800")
        max(figure_text(value, qualifier, value, high))
            filter (where is_picked and measure = 'launched') as launched_figure,
        max(figure_text(value, qualifier, value, high))
            filter (where is_picked and measure = 'downed') as downed_figure,
        -- who gives them
        max(voice) filter (where is_picked and measure = 'launched')
            as launched_by,
        max(voice) filter (where is_picked and measure = 'downed')
            as downed_by,
        count(distinct voice) filter (where is_picked) > 1 as mixes_voices,
        -- every other figure given for a measure, by whichever voice
        list({'measure': measure, 'value': value,
            'figure': figure_text(value, qualifier, value, high), 'by': voice,
            'claim_id': claim_id} order by measure, voice, value)
            filter (where not is_picked and value <> picked_value) as other_figures
    from with_picked_value
    group by night, side, weapon_class
),

-- figures of a place or a model: listed, never the night's total
scoped as (
    select
        night,
        side,
        weapon_class,
        list({
            'measure': measure, 'value': value,
            'figure': figure_text(value, qualifier, value, high), 'place': place,
            'weapon': weapon, 'claim_id': claim_id
        } order by measure, value desc, place, weapon) as scoped_figures
    from (
        -- one entry per figure, however many reports repeat it
        select
            night, side_key as side, weapon_class, measure, value, place,
            weapon, min(claim_id) as claim_id, any_value(qualifier) as qualifier,
            any_value(high) as high
        from voiced
        where place is not null or not is_national_voice
        group by all
    )
    group by night, side, weapon_class
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
        nights.launched_figure,
        nights.downed_figure,
        nights.launched_claim_id,
        nights.downed_claim_id,
        nights.lost_claim_id,
        nights.returned_claim_id,
        case
            when nights.launched_by = nights.downed_by
                and nights.downed <= nights.launched
                and nights.launched > 0
                -- "dozens" is no count to divide
                and nights.launched_qualifier <> 'vague'
                and nights.downed_qualifier <> 'vague'
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
        [
            c for c in [nights.launched_claim_id, nights.downed_claim_id,
                nights.lost_claim_id, nights.returned_claim_id]
            if c is not null
        ] as figure_claim_ids,
        sources.claim_ids
    from sources
    left join nights
        on nights.night = sources.night
        and nights.side is not distinct from sources.side
        and nights.weapon_class = sources.weapon_class
    left join scoped
        on scoped.night = sources.night
        and scoped.side is not distinct from sources.side
        and scoped.weapon_class = sources.weapon_class
)

select * from final
