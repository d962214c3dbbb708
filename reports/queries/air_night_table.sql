-- One row per night, attacking side and weapon class in scope (view
-- `air_nights`), most recent first: the national figures with their
-- qualifiers ("over 800", "hundreds"), the interception rate where one
-- voice gives both, who gives them, other voices' figures side by side,
-- and figures of one place or model listed beside, never as the total.
with shown as (
    select
        night,
        side,
        weapon_class,
        -- a figure with its qualifier, as written in a table
        launched_figure as launched_text,
        downed_figure as downed_text,
        lost,
        returned,
        interception_rate,
        case
            when launched_by is null or launched_by = downed_by
                or downed_by is null then coalesce(launched_by, downed_by)
            else launched_by || ' / ' || downed_by
        end as voices,
        array_to_string(
            [o.measure || ' ' || o.figure || ' (' || o.by || ')'
                for o in other_figures], '; '
        ) as others,
        array_to_string(
            [s.measure || ' ' || s.figure
                || coalesce(' ' || s.place, '') || coalesce(' ' || s.weapon, '')
                for s in scoped_figures], '; '
        ) as scoped,
        n_sources,
        launched_claim_id,
        downed_claim_id,
        lost_claim_id,
        returned_claim_id,
        [o.claim_id for o in other_figures] as other_claim_ids,
        [s.claim_id for s in scoped_figures] as scoped_claim_ids,
        claim_ids
    from air_nights
)

select
    strftime(night, '%Y-%m-%d') as "Night into",
    side as "Attacker",
    weapon_class as "Weapon",
    launched_text as "Launched",
    [launched_claim_id] as "Launched__facts",
    downed_text as "Downed",
    [downed_claim_id] as "Downed__facts",
    lost as "Lost",
    [lost_claim_id] as "Lost__facts",
    returned as "Returned",
    [returned_claim_id] as "Returned__facts",
    interception_rate as "Downed %",
    [launched_claim_id, downed_claim_id] as "Downed %__facts",
    voices as "Figures from",
    coalesce(others, '') as "Other voices",
    other_claim_ids as "Other voices__facts",
    coalesce(scoped, '') as "Of one place, model or type",
    scoped_claim_ids as "Of one place, model or type__facts",
    n_sources as "Sources",
    claim_ids as "Sources__facts"
from shown
order by night desc, side, weapon_class
