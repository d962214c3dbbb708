-- One row per cited fact ($keys: the fact_keys the briefing cites): what
-- a footnote shows. The renderer binds $keys; the columns are its contract.
select
    fact_key,
    doc,
    fact_no,
    outlet,
    published,
    title,
    url,
    quote
from scoped_facts
where fact_key in (select unnest($keys::bigint[]))
