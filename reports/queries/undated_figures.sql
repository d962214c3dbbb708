-- One row per incident in scope that no day can hold (view `incidents`
-- with no day: an undated article's "overnight", an "earlier in the week"),
-- and that no dated report of the same figure claims: listed, left out of
-- the dated totals and charts.
select
    metric as "Metric",
    coalesce(place, '') as "Place",
    coalesce(side, '') as "Side",
    figure as "Figure",
    [value_claim_id] as "Figure__facts",
    case when is_part then 'part' else '' end as "Part",
    n_sources as "Sources",
    claim_ids as "Sources__facts"
from incidents
where day is null
order by metric, value desc
