-- One row per dated incident in scope (view `incidents`) of a metric other
-- than drones and missiles (those are counted by night, in air_nights),
-- most recent first: its day, place and side, its figure (the latest
-- report's; earlier or other figures beside it), and how many articles
-- report it. Parts are marked; totals never add them. Undated incidents
-- are listed under Undated figures.
select
    strftime(day, '%Y-%m-%d') as "Day",
    metric as "Metric",
    coalesce(place, '') as "Place",
    coalesce(side, '') as "Side",
    figure as "Figure",
    [value_claim_id] as "Figure__facts",
    case
        when is_updated then 'updated from '
            || array_to_string([format('{:,}', v) for v in values if v <> value], ', ')
        when is_disputed then 'also reported: '
            || array_to_string([format('{:,}', v) for v in values if v <> value], ', ')
        else ''
    end as "Other figures",
    case when is_updated or is_disputed then claim_ids end
        as "Other figures__facts",
    case when is_part then 'part' else '' end as "Part",
    n_sources as "Sources",
    claim_ids as "Sources__facts"
from incidents
where day is not null and metric not similar to '(drones|missiles)_.*'
order by day desc, metric, place nulls last, value desc
