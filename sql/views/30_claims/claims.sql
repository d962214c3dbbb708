-- One row per fact, as a claim: who says it, when it was reported, and the
-- dates it covers. The window falls back to the article date when the
-- extractor left it null, so every dated claim can be compared in time.
with

claimed as (
    select
        -- ids
        fact_details.doc || ':' || fact_details.fact_no as claim_id,
        fact_details.doc,
        fact_details.fact_no,
        -- the figure
        fact_details.metric,
        fact_details.value,
        fact_details.low,
        fact_details.high,
        fact_details.qualifier,
        fact_details.unit,
        fact_details.side,
        -- one spelling per place, so that "Kiev region" (TASS) and "Kyiv
        -- region" (Ukrinform) are one place when claims are compared
        coalesce(fact_details.place, fact_details.location) as location,
        fact_details.location as location_as_written,
        fact_details.weapon,
        fact_details.period,
        fact_details.is_part,
        -- incident | period_total | running_tally | unknown, and why
        fact_details.kind,
        fact_details.kind_reason,
        -- who says it; an attribution the normaliser did not know still
        -- names someone, so the raw text stands in for it
        coalesce(fact_details.claimant, nullif(trim(fact_details.claimant_raw), ''))
            as claimant,
        fact_details.claimant_raw,
        -- the source
        fact_details.outlet,
        fact_details.title,
        fact_details.url,
        fact_details.published,
        fact_details.quote,
        -- dates the figure covers; with no window at all, its article's
        -- date (a tally "since <event>" keeps its unknown start)
        case
            when fact_details.window_start is null
                and fact_details.window_end is null
                then fact_details.published
            else fact_details.window_start
        end as window_start,
        coalesce(fact_details.window_end, fact_details.published) as window_end,
        fact_details.window_note,
        fact_details.window_start is null
        and fact_details.published is not null as is_window_article_date
    from fact_details
),

final as (
    select
        claimed.*,
        -- which country the claimant speaks for, read from its name
        -- NOTE: keep in sync with the canonical names of etl/extract/claimants.py
        case
            when regexp_matches(
                claimed.claimant, '(?i)ukrain|zelensk|syrsk|ihnat|kuleba'
            ) then 'ukraine'
            when regexp_matches(
                claimed.claimant,
                '(?i)russia|kremlin|putin|peskov|shoigu|belousov|konashenkov'
            ) then 'russia'
        end as claimant_side,
        -- the window as a time span, for overlap tests. Nights run
        -- 18:00 to 09:00 (the Air Force's bulletins) and days end at 18:00,
        -- so neither consecutive nights (Feb 7-8, Feb 8-9) nor a day and
        -- the night after it overlap; a day and the night before it do.
        -- Null unless both ends are known.
        case
            when claimed.window_end is null then null
            when claimed.window_end - claimed.window_start = 1
                then claimed.window_start + interval 18 hour
            else claimed.window_start::timestamp
        end as covers_from,
        case
            when claimed.window_end - claimed.window_start = 1
                then claimed.window_end + interval 9 hour
            else claimed.window_end + interval 18 hour
        end as covers_until
    from claimed
)

select * from final
