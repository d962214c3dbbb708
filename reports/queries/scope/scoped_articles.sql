-- One row per article in the briefing's scope. Without filters: every
-- article read. With a date filter: articles published in range, or holding
-- a figure in scope. With a metric, side, outlet or place filter: only
-- articles holding a figure in scope. Stored as the temp table `scoped_articles`.
select articles.*
from articles
where
    (
        ($since is null and $until is null)
        or articles.published
        between coalesce($since, articles.published)
        and coalesce($until, articles.published)
        or articles.id in (select doc from scoped_facts)
    )
    and (
        ($metric is null and $side is null and $outlet is null and $place is null)
        or articles.id in (select doc from scoped_facts)
    )
