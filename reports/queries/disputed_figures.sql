-- One row per incident or night in scope whose reports disagree: an
-- incident's reports of its latest day give figures that cannot all be
-- true (view `incidents`, is_disputed; drone and missile incidents only
-- where they name a place), or a night's national figure is given
-- otherwise by another voice or report (view `air_nights`, other_figures). Which figure the totals
-- take, and the others side by side: never a silent maximum.
select
    strftime(day, '%Y-%m-%d') as "Day or night into",
    metric as "Metric",
    coalesce(place, '') as "Place",
    format('{:,}', value) as "Figure taken",
    [value_claim_id] as "Figure taken__facts",
    array_to_string([format('{:,}', v) for v in values if v <> value], ', ')
        as "Also reported",
    claim_ids as "Also reported__facts",
    array_to_string(claimants, ', ') as "Claimants",
    n_sources as "Sources",
    claim_ids as "Sources__facts"
from incidents
-- drones and missiles of one place ("over the Belgorod region"): here;
-- national ones: by night, from air_nights below
where is_disputed and day is not null
    and (metric not similar to '(drones|missiles)_.*' or place is not null)

union all

select
    strftime(night, '%Y-%m-%d'),
    weapon_class || 's (night)',
    '',
    concat_ws(', ',
        'launched ' || format('{:,}', launched),
        'downed ' || format('{:,}', downed),
        'lost ' || format('{:,}', lost)
    ),
    figure_claim_ids,
    array_to_string(
        [o.measure || ' ' || o.figure || ' (' || o.by || ')'
            for o in other_figures], '; '
    ),
    [o.claim_id for o in other_figures],
    array_to_string(list_distinct(
        [launched_by, downed_by] || [o.by for o in other_figures]), ', '),
    n_sources,
    claim_ids
from air_nights
where is_disputed

order by 1 desc, 2
