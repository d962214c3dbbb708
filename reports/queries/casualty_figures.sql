-- newest_first: Date
-- One row per fact in scope in the 'casualties' table (People killed and injured),
-- with its figure as written (~ about, ≥ at least, ≤ at most, low–high).
select
    date_label as "Date",
    coalesce(outlet, doc) as "Source",
    metric as "Metric",
    figure as "Figure",
    [fact_key] as "Figure__facts",
    side as "Side",
    location as "Location",
    period as "Period",
    case when is_part then 'yes' else '' end as "Part of another"
from scoped_facts
where metric_group = 'casualties'
order by date_from nulls last, doc, fact_no
