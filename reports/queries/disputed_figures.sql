-- newest_first: Date
-- One row per disputed figure in scope (view `disputed_claims`): sources
-- giving different figures, or different claimants, for one metric, side,
-- weapon, place and window. The figures side by side with who gives them
-- and in how many sources, whether they contradict each other, and the
-- figure totals and charts use under the policy named beside it.
select
    date_label as "Date",
    metric as "Metric",
    coalesce(side, '') as "Side",
    coalesce(weapon, '') as "Weapon",
    coalesce(location, '') as "Location",
    figures_text as "Figures (claimant; sources)",
    fact_keys as "Figures (claimant; sources)__facts",
    case when is_contested then 'yes' else 'no' end as "Contested",
    chart_value as "Charts use",
    chart_fact_keys as "Charts use__facts",
    policy_text as "Policy"
from scoped_disputes
order by window_start, window_end, metric, side, weapon, location
