-- One row per article in scope with no publication date (view
-- `undated_articles`): id, title and outlet, how many figures it holds and
-- how many of them have no window, since "overnight" in an undated article
-- cannot be placed. Listed whatever the date filters.
select
    article_id as "Article",
    coalesce(title, '') as "Title",
    coalesce(outlet, '') as "Source",
    n_facts as "Figures",
    claim_ids as "Figures__facts",
    n_facts_without_window as "Figures without a window",
    undated_claim_ids as "Figures without a window__facts"
from scoped_undated
order by article_id
