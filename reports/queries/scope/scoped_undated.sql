-- One row per article with no publication date (view `undated_articles`),
-- listed so that it stays visible: its "overnight" or "on Sunday" cannot be
-- placed, so its figures have no window and are never guessed into one.
-- $metric, $side, $outlet and $place (lists; null = no filter) keep the
-- articles with a figure of one of those metrics / sides / outlets / places. $since and $until are not applied: an undated
-- article cannot be shown to fall inside or outside them. Stored as the
-- temp table `scoped_undated`; `claim_ids` cites its figures in scope,
-- `undated_claim_ids` those of them with no window.
with

matching as (
    select distinct doc as article_id
    from fact_details
    where
        ($metric is null or list_contains($metric, metric))
        and ($side is null or list_contains($side, side))
        and ($outlet is null or list_contains($outlet, lower(outlet)))
        and ($place is null or list_contains($place, lower(place))
            or list_contains($place, lower(location)))
),

keys as (
    select
        doc as article_id,
        list(claim_id order by claim_id) as claim_ids,
        list(claim_id order by claim_id) filter (
            where window_end is null   -- as in undated_articles
        ) as undated_claim_ids
    from scoped_facts
    group by doc
),

final as (
    select
        undated_articles.*,
        keys.claim_ids,
        keys.undated_claim_ids
    from undated_articles
    left join keys
        on keys.article_id = undated_articles.article_id
    where
        ($metric is null and $side is null and $outlet is null and $place is null)
        or undated_articles.article_id in (select article_id from matching)
)

select * from final
