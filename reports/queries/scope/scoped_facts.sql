-- One row per fact in the briefing's scope: `fact_details` filtered by the
-- bound parameters $since, $until and the lists $metric, $side, $outlet,
-- $place (null = no filter; a fact matching any value of a list is kept;
-- outlets and places lower-cased, a place as written or in its one spelling).
-- Stored as the temp table `scoped_facts`; every other query reads it.
-- Dates: a fact covers its window, else its article's published date; a
-- running tally is of the date it runs to (its window reaches back to
-- 2022: "9,108 as of September 3" is no figure of September 2); a fact
-- with no date is left out as soon as a date filter is given.
with dated as (
    select
        fact_details.*,
        case when kind = 'running_tally' then coalesce(window_end, published)
            else coalesce(window_start, window_end, published) end as date_from,
        coalesce(window_end, window_start, published) as date_to
    from fact_details
),

final as (
    select
        -- ids: claim_id ("doc:fact_no", as in the views) cites the fact
        dated.doc || ':' || dated.fact_no as claim_id,
        dated.*,
        coalesce(vocabulary.metric_group, 'other') as metric_group,
        vocabulary.weapon_class,
        -- the figure as written in a table, with its qualifier
        figure_text(dated.value, dated.qualifier, dated.low, dated.high) as figure,
        coalesce(strftime(date_from, '%Y-%m-%d'), 'undated') as date_label
    from dated
    left join metric_vocabulary as vocabulary
        on dated.metric = vocabulary.metric
    where
        ($since is null or date_to >= $since)
        and ($until is null or date_from <= $until)
        and ($metric is null or list_contains($metric, dated.metric))
        and ($side is null or list_contains($side, dated.side))
        and ($outlet is null or list_contains($outlet, lower(dated.outlet)))
        and ($place is null or list_contains($place, lower(dated.place))
            or list_contains($place, lower(dated.location)))
)

select * from final
