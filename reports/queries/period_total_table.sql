-- One row per period total in scope (view `period_totals`: a day, week,
-- month or year), most recent first, with who gives it. Never added to
-- the incidents' totals.
select
    coalesce(
        strftime(window_start, '%Y-%m-%d')
            || case when window_end <> window_start
                then ' to ' || strftime(window_end, '%Y-%m-%d') else '' end,
        'undated'
    ) as "Period",
    period as "Kind",
    metric as "Metric",
    coalesce(place, '') as "Place",
    coalesce(side, '') as "Side",
    figure as "Figure",
    [value_claim_id] as "Figure__facts",
    array_to_string(claimants, ', ') as "Claimant",
    case when is_part then 'part' else '' end as "Part",
    n_sources as "Sources",
    claim_ids as "Sources__facts"
from period_totals
order by window_end desc nulls last, metric, value desc
