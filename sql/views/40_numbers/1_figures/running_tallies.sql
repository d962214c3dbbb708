-- One row per running tally series and claimant: its latest figure (as of
-- the date it runs to) and the change since the series' previous report.
-- A series is one metric, side, claimant, weapon, place and part-ness
-- (tally_deltas holds every report date). Two different figures on the
-- latest date are two things (tanks and guns with no weapon named): both
-- are listed, with no change. Tallies are never added to incidents.
with

latest as (
    select
        tally_deltas.*,
        max(as_of) over (
            partition by metric, side, claimant, weapon, location, is_part
        ) as latest_as_of,
        count(*) over (
            partition by metric, side, claimant, weapon, location, is_part
        ) as n_reports
    from tally_deltas
),

final as (
    select
        -- the series
        metric,
        side,
        claimant,
        weapon,
        location as place,
        is_part,
        -- its latest figure
        as_of,
        value,
        -- as a table shows it, its qualifier visible ("~1,100", "≥300")
        (
            select figure_text(claims.value, claims.qualifier, claims.low, claims.high)
            from claims
            where claims.claim_id = latest.claim_ids[1]
        ) as figure,
        delta as change,
        previous_as_of,
        is_correction,
        n_values_on_date,
        -- sources
        n_reports,
        n_sources,
        doc_ids,
        claim_ids
    from latest
    where as_of = latest_as_of
)

select * from final
