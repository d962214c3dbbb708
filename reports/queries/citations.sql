-- One row per cited fact ($keys: the claim ids, "doc:fact_no", the briefing
-- cites): what its footnote shows, and whether a headline total counts it.
-- The renderer binds $keys; the columns are its contract (the first is the
-- key; `note` is optional).
with counted as (
    select value_claim_id as claim_id, metric
    from incidents
    where
        day is not null
        and not is_part
        and metric in (
            select metric from headline where rule = 'sum of incidents'
        )
)

select
    scoped_facts.claim_id,
    scoped_facts.doc,
    scoped_facts.fact_no,
    scoped_facts.outlet,
    scoped_facts.published,
    scoped_facts.title,
    scoped_facts.url,
    scoped_facts.quote,
    replace(scoped_facts.kind, '_', ' ') || ' (' || scoped_facts.kind_reason || ')'
        || case when counted.claim_id is not null
            then '; counted in the headline total of '
                || replace(counted.metric, '_', ' ')
            else '' end as note
from scoped_facts
left join counted on counted.claim_id = scoped_facts.claim_id
where scoped_facts.claim_id in (select unnest($keys::varchar[]))
