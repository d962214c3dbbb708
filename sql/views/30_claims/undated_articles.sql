-- One row per article with no publication date: its relative time
-- expressions ("overnight", "on Sunday") cannot be placed, so its claims
-- have no window and stay out of dated incidents, nights and tallies.
with

undated as (
    select
        id as article_id,
        title,
        outlet,
        url,
        origin
    from articles
    where published is null
),

fact_counts as (
    select
        doc as article_id,
        count(*) as n_facts,
        count(*) filter (where window_end is null) as n_facts_without_window
    from facts
    group by doc
),

final as (
    select
        undated.*,
        coalesce(fact_counts.n_facts, 0) as n_facts,
        coalesce(fact_counts.n_facts_without_window, 0)
            as n_facts_without_window
    from undated
    left join fact_counts
        on fact_counts.article_id = undated.article_id
)

select * from final
order by article_id
