-- One row per incident and metric: every report of one strike, night, swap
-- or handover (facts of kind 'incident'), whether it repeats the figure or
-- updates it ("12 killed" on Monday, "the toll has risen to 14" on Tuesday
-- is one incident of 14, with both reports as sources).
--
-- Reports are one incident when they are of the same metric and the same
-- day (a night counts as the morning it ends: its `day`), their places
-- and sides agree and neither is a part (is_part) where the other is not.
-- A city and the region named after it agree ("Moscow", "Moscow region").
-- (A swap's or a handover's reports need not agree on the side: each
-- side's count is a figure of the one event.)
-- A report that names no side or weapon takes the one the day's other
-- reports name, if they name exactly one; one that names no place, the
-- day's one place if that place has its figure (another figure naming no
-- place is the day's national figure: see incident_days). Never across
-- days: a year-to-date "80" and a night's "80" are not one incident.
--
-- An undated report (no day) joins the one dated incident of the same
-- metric and figure whose side, place and weapon it does not contradict,
-- if there is exactly one, and the figure is 10 or more or names that
-- place; otherwise it is an incident of its own with no day, which dated
-- totals leave out.
--
-- The incident's figure is its largest stated report's: a toll only
-- rises ("12 killed", then "the toll has risen to 14": 14), and a later
-- article's "at least two" recalls the toll, it does not lower an earlier
-- "at least three" (a stated figure before a vague one, and before an
-- "about" that rounds it); `values` lists every
-- figure reported, `is_updated` says the figure changed from an earlier
-- day's report, `is_disputed` that reports of the latest day differ.
with

reports as (
    select
        claims.*,
        -- a city and the region named after it are one place for an
        -- incident ("Moscow", "Moscow region"): its reports name either
        regexp_replace(claims.location, '\s+region$', '') as place_stem,
        -- a night or one day; a longer window is no one day
        case
            when claims.window_end - claims.window_start <= 1
                then claims.window_end
        end as day
    from claims
    where claims.kind = 'incident'
),

-- side, then place, then weapon: a report naming none takes the day's
-- only one. A swap or a handover is one event whichever side's people a
-- report counts ("Ukraine brought home 150", "Russia got back 150"), so
-- its side does not split it.
sided as (
    select
        reports.*,
        case when metric not in ('prisoners_swapped', 'bodies_repatriated') then
            coalesce(
                side,
                case when count(distinct side) over same_day = 1
                    then max(side) over same_day end
            )
        end as side_key
    from reports
    where day is not null
    window same_day as (partition by metric, is_part, day)
),

placed as (
    select
        sided.*,
        -- (not drones and missiles: a night's national figure names no
        -- place, and is not one region's figure; see air_nights)
        case when metric similar to '(drones|missiles)_.*' then location
        else coalesce(
            place_stem,
            -- the same figure, named without its place; another figure
            -- naming no place is the day's national one (incident_days)
            case when count(distinct place_stem) over same_side = 1
                and list_contains(
                    list(value) filter (where place_stem is not null) over same_side,
                    value
                )
                then max(place_stem) over same_side end
        ) end as place_key
    from sided
    window same_side as (partition by metric, is_part, day, side_key)
),

armed as (
    select
        placed.*,
        coalesce(
            weapon,
            case when count(distinct weapon) over same_place = 1
                -- drones and missiles: the same figure named without its
                -- model ("88 drones", "88 Shaheds"); another figure is the
                -- night's total, not one model's
                and (metric not similar to '(drones|missiles)_.*'
                    or list_contains(
                        list(value) filter (where weapon is not null) over same_place,
                        value
                    ))
                then max(weapon) over same_place end
        ) as weapon_key
    from placed
    window same_place as (
        partition by metric, is_part, day, side_key, place_key
    )
),

-- A vague report ("scores of prisoners") beside a stated figure of the same
-- day is that figure's incident, not one of its own: it joins the day's
-- one incident with a stated figure whose side and place do not
-- contradict it.
stated as (
    select
        metric,
        is_part,
        day,
        side_key,
        place_key,
        weapon_key
    from armed
    where qualifier <> 'vague'
    group by all
),

keyed as (
    select
        armed.* exclude (side_key, place_key, weapon_key),
        coalesce(only_stated.side_key, armed.side_key) as side_key,
        coalesce(only_stated.place_key, armed.place_key) as place_key,
        coalesce(only_stated.weapon_key, armed.weapon_key) as weapon_key
    from armed
    left join (
        select
            vague.claim_id,
            any_value(stated.side_key) as side_key,
            any_value(stated.place_key) as place_key,
            any_value(stated.weapon_key) as weapon_key
        from armed as vague
        inner join stated
            on vague.metric = stated.metric
            and vague.is_part = stated.is_part
            and vague.day = stated.day
            and (vague.side is null or stated.side_key is null
                or vague.side = stated.side_key)
            -- "dozens in Odesa" is no part of a Kharkiv toll
            and (vague.place_key is null or stated.place_key is null
                or vague.place_key = stated.place_key)
        where vague.qualifier = 'vague'
        group by vague.claim_id
        having count(*) = 1
    ) as only_stated on only_stated.claim_id = armed.claim_id
),

dated_members as (
    select
        claim_id,
        min(claim_id) over incident as incident_id,
        metric,
        is_part,
        day,
        side_key,
        place_key,
        weapon_key,
        value
    from keyed
    window incident as (
        partition by metric, is_part, day, side_key, place_key, weapon_key
    )
),

dated_incidents as (
    select
        incident_id,
        any_value(metric) as metric,
        any_value(is_part) as is_part,
        any_value(side_key) as side,
        any_value(place_key) as place,
        any_value(weapon_key) as weapon,
        list(distinct value) as values
    from dated_members
    group by incident_id
),

undated as (
    select * from reports where day is null
),

-- the dated incidents an undated report could belong to
candidates as (
    select
        undated.claim_id,
        dated_incidents.incident_id
    from undated
    inner join dated_incidents
        on undated.metric = dated_incidents.metric
        and undated.is_part = dated_incidents.is_part
        and list_contains(dated_incidents.values, undated.value)
        and (undated.side is null or dated_incidents.side is null
            or undated.side = dated_incidents.side)
        and (undated.place_stem is null or dated_incidents.place is null
            or undated.place_stem = dated_incidents.place)
        and (undated.weapon is null or dated_incidents.weapon is null
            or undated.weapon = dated_incidents.weapon)
        and (undated.value >= 10 or undated.place_stem = dated_incidents.place)
),

linked as (
    select
        claim_id,
        min(incident_id) as incident_id
    from candidates
    group by claim_id
    having count(*) = 1
),

-- undated reports of no dated incident: one incident per figure, place,
-- side and weapon
alone as (
    select
        undated.claim_id,
        min(undated.claim_id) over (
            partition by undated.metric, undated.is_part, undated.value,
                undated.side, undated.place_stem, undated.weapon
        ) as incident_id
    from undated
    where undated.claim_id not in (select claim_id from linked)
),

members as (
    select claim_id, incident_id from dated_members
    union all
    select claim_id, incident_id from linked
    union all
    select claim_id, incident_id from alone
),

-- each report with its incident, ranked: a stated figure before a vague
-- one, an exact or bounded one before a rounded one ("95" before "about
-- 100"), then the larger, then the latest publication. Each stated report
-- also gets the bounds its qualifier allows ("about 100": 90 to 110;
-- "over 300": 300 and up), so that figures that can both be true are no
-- dispute.
member_reports as (
    select
        *,
        row_number() over (
            partition by incident_id
            order by is_stated desc, qualifier = 'approx', value desc,
                published desc nulls last, claim_id
        ) as rank
    from (
        select
            members.incident_id,
            reports.*,
            max(reports.published) filter (where reports.qualifier <> 'vague')
                over incident as latest_published,
            case when reports.qualifier = 'vague' then 0 else 1 end as is_stated,
            case reports.qualifier
                when 'approx' then reports.value * 0.9
                when 'at_most' then 0
                when 'range' then coalesce(reports.low, reports.value)
                else reports.value
            end as lowest,
            case reports.qualifier
                when 'approx' then reports.value * 1.1
                when 'at_least' then 1e18
                when 'range' then coalesce(reports.high, 1e18)
                else reports.value
            end as highest
        from members
        inner join reports on reports.claim_id = members.claim_id
        window incident as (partition by members.incident_id)
    )
),

final as (
    select
        -- ids
        incident_id,
        -- the incident
        any_value(metric) as metric,
        coalesce(any_value(keys.key_side), max(side) filter (where rank = 1))
            as side,
        -- the place as the reports name it: the city, where one names it
        arg_min(location, length(location)) as place,
        -- a report names its region ("the Moscow region"), not the city
        -- alone: its figure holds the region's towns' (incident_days)
        coalesce(bool_or(location like '% region'), false) as names_region,
        coalesce(any_value(keys.key_weapon), max(weapon) filter (where rank = 1))
            as weapon,
        any_value(is_part) as is_part,
        max(day) as day,
        min(window_start) filter (where day is not null) as window_start,
        max(window_end) filter (where day is not null) as window_end,
        -- its figure, from its first-ranked report
        max(value) filter (where rank = 1) as value,
        max(qualifier) filter (where rank = 1) as qualifier,
        max(low) filter (where rank = 1) as low,
        max(high) filter (where rank = 1) as high,
        max(claim_id) filter (where rank = 1) as value_claim_id,
        -- as a table shows it, its qualifier visible ("~36", "≥300")
        max(figure_text(value, qualifier, low, high)) filter (where rank = 1)
            as figure,
        list(distinct value order by value) as values,
        -- an earlier report's figure cannot be the figure taken: updated
        coalesce(bool_or(
            is_stated = 1 and published < latest_published
            and not (lowest <= chosen_value and chosen_value <= highest)
        ), false) as is_updated,
        -- stated reports of the latest date, of two articles at least,
        -- that cannot all be true (one article's figures are a total and
        -- its parts, or each side's count of a swap: not a dispute)
        coalesce(
            max(lowest) filter (where is_stated = 1 and published = latest_published)
            > min(highest) filter (where is_stated = 1 and published = latest_published)
            and count(distinct doc) filter (
                where is_stated = 1 and published = latest_published) > 1,
            false
        ) as is_disputed,
        -- sources
        count(distinct doc) as n_sources,
        count(distinct doc) filter (where day is null) as n_undated_sources,
        count(distinct outlet) as n_outlets,
        coalesce(
            list(distinct outlet order by outlet) filter (where outlet is not null),
            []
        ) as outlets,
        coalesce(
            list(distinct claimant order by claimant)
                filter (where claimant is not null),
            []
        ) as claimants,
        min(published) as earliest_report,
        max(published) as latest_report,
        list(claim_id order by claim_id) as claim_ids
    from (
        select
            member_reports.*,
            max(value) filter (where rank = 1) over (partition by incident_id)
                as chosen_value
        from member_reports
    ) as member_reports
    left join (
        select
            incident_id as key_incident_id,
            side as key_side,
            place as key_place,
            weapon as key_weapon
        from dated_incidents
    ) as keys on keys.key_incident_id = member_reports.incident_id
    group by incident_id
)

select * from final
