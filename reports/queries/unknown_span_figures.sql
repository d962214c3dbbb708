-- One row per figure in scope whose span is unknown (kind 'unknown': no
-- time and no single event named, e.g. "12,000 civilians have been
-- killed, the UN says"): listed, never added to a total, with the reason.
select
    date_label as "Article date",
    metric as "Metric",
    figure as "Figure",
    [claim_id] as "Figure__facts",
    coalesce(side, '') as "Side",
    coalesce(location, '') as "Place",
    kind_reason as "Why not counted"
from scoped_facts
where kind = 'unknown'
order by date_from desc nulls last, metric, doc, fact_no
