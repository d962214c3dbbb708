-- One row per fact, with its article's title, outlet, url and published date.
with

fact_rows as (
    select * from facts
),

article_rows as (
    select
        id as article_id,
        title,
        outlet,
        url,
        published
    from articles
),

final as (
    select
        fact_rows.*,
        article_rows.title,
        article_rows.outlet,
        article_rows.url,
        article_rows.published
    from fact_rows
    left join article_rows
        on article_rows.article_id = fact_rows.doc
)

select * from final
