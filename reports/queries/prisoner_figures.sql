-- newest_first: Date
-- One row per fact in scope in the 'prisoners' table (Prisoner exchanges and bodies repatriated),
-- with its figure as written (~ about, ≥ at least, ≤ at most, low–high).
select
    date_label as "Date",
    coalesce(outlet, doc) as "Source",
    metric as "Metric",
    figure as "Figure",
    [fact_key] as "Figure__facts",
    side as "Side",
    period as "Period",
    case when is_part then 'yes' else '' end as "Part of another"
from scoped_facts
where metric_group = 'prisoners'
order by date_from nulls last, doc, fact_no
