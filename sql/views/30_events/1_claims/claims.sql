-- One row per fact, as a claim: who says it, when it was reported, and the
-- dates it covers. The window falls back to the article date when the
-- extractor left it null, so every dated claim can be compared in time.
-- Built on the tables (not fact_details) so it loads on its own.
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

joined as (
    select
        -- ids
        fact_rows.doc || ':' || fact_rows.fact_no as claim_id,
        fact_rows.doc,
        fact_rows.fact_no,
        -- the figure
        fact_rows.metric,
        fact_rows.value,
        fact_rows.low,
        fact_rows.high,
        fact_rows.qualifier,
        fact_rows.unit,
        fact_rows.side,
        fact_rows.location,
        fact_rows.weapon,
        fact_rows.period,
        fact_rows.is_part,
        -- who says it; an attribution the normaliser did not know still
        -- names someone, so the raw text stands in for it
        coalesce(fact_rows.claimant, nullif(trim(fact_rows.claimant_raw), ''))
            as claimant,
        fact_rows.claimant_raw,
        -- the source
        article_rows.outlet,
        article_rows.title,
        article_rows.url,
        article_rows.published,
        fact_rows.quote,
        -- dates the figure covers
        coalesce(fact_rows.window_start, article_rows.published)
            as window_start,
        coalesce(fact_rows.window_end, article_rows.published) as window_end,
        fact_rows.window_note,
        fact_rows.window_start is null
        and article_rows.published is not null as is_window_article_date
    from fact_rows
    left join article_rows
        on article_rows.article_id = fact_rows.doc
),

final as (
    select
        joined.*,
        -- which country the claimant speaks for, read from its name
        -- NOTE: keep in sync with the canonical names of etl/claimants.py
        case
            when regexp_matches(
                joined.claimant, '(?i)ukrain|zelensk|syrsk|ihnat|kuleba'
            ) then 'ukraine'
            when regexp_matches(
                joined.claimant,
                '(?i)russia|kremlin|putin|peskov|shoigu|belousov|konashenkov'
            ) then 'russia'
        end as claimant_side,
        -- the window as a time span, for overlap tests. Nights run
        -- 18:00 to 09:00 (the Air Force's bulletins) and days end at 18:00,
        -- so neither consecutive nights (Feb 7-8, Feb 8-9) nor a day and
        -- the night after it overlap; a day and the night before it do.
        -- Null unless both ends are known.
        case
            when joined.window_end is null then null
            when joined.window_end - joined.window_start = 1
                then joined.window_start + interval 18 hour
            else joined.window_start::timestamp
        end as covers_from,
        case
            when joined.window_end - joined.window_start = 1
                then joined.window_end + interval 9 hour
            else joined.window_end + interval 18 hour
        end as covers_until
    from joined
)

select * from final
