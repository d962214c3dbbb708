-- One row per event (view `events`: one figure, however many articles
-- repeat it) with a claim in `scoped_facts`, so the briefing's filters
-- reach it through the facts. Stored as the temp table `scoped_events`.
-- `fact_keys` cites the event's facts in scope. `is_counted` says whether
-- totals and charts count it: not a stated part of another figure, and,
-- where sources disagree (view `disputed_claims`), only the event holding
-- the dispute's `chart_value` (the defending side's figure, else the most
-- reported), so contested figures are never summed.
with

claim_keys as (
    select doc || ':' || fact_no as claim_id, fact_key
    from scoped_facts
),

event_claims as (
    select event_id, unnest(claim_ids) as claim_id
    from all_events
),

in_scope as (
    select
        event_claims.event_id,
        list(claim_keys.fact_key order by claim_keys.fact_key) as fact_keys
    from event_claims
    inner join claim_keys
        on claim_keys.claim_id = event_claims.claim_id
    group by event_claims.event_id
),

dispute_claims as (
    select dispute_id, chart_value, unnest(claim_ids) as claim_id
    from all_disputes
),

-- the dispute an event's claims belong to, if any (the first, should a
-- claimless copy of the figure sit in two)
event_disputes as (
    select
        event_claims.event_id,
        min(dispute_claims.dispute_id) as dispute_id,
        arg_min(dispute_claims.chart_value, dispute_claims.dispute_id)
            as chart_value
    from event_claims
    inner join dispute_claims
        on dispute_claims.claim_id = event_claims.claim_id
    group by event_claims.event_id
),

joined as (
    select
        events.*,
        in_scope.fact_keys,
        event_disputes.dispute_id,
        event_disputes.chart_value as dispute_chart_value,
        -- within a dispute, one event stands for it: the chart's figure,
        -- the most reported copy of it
        row_number() over (
            partition by event_disputes.dispute_id
            order by
                events.value = event_disputes.chart_value desc,
                events.n_sources desc,
                events.event_id
        ) as dispute_rank
    from all_events as events
    inner join in_scope
        on in_scope.event_id = events.event_id
    left join event_disputes
        on event_disputes.event_id = events.event_id
),

final as (
    select
        joined.* exclude (dispute_rank),
        not joined.is_part
        and (
            joined.dispute_id is null
            or (joined.value = joined.dispute_chart_value
                and joined.dispute_rank = 1)
        ) as is_counted,
        -- the figure and dates as a reader says them
        case when joined.value = round(joined.value)
            then format('{:,}', joined.value::bigint)
            else format('{:,.1f}', joined.value) end as value_text,
        case
            when joined.window_start is null then 'undated'
            when joined.window_start = joined.window_end
                then strftime(joined.window_start, '%Y-%m-%d')
            when joined.window_end - joined.window_start = 1
                then 'night into ' || strftime(joined.window_end, '%Y-%m-%d')
            else strftime(joined.window_start, '%Y-%m-%d') || ' to '
                || strftime(joined.window_end, '%Y-%m-%d')
        end as date_label,
        -- "4 sources (AP, Reuters, ...)", "3 sources (1 outlet: AP)": who
        -- carries it, five outlets at most
        joined.n_sources || case when joined.n_sources = 1 then ' source'
            else ' sources' end
        || case
            when len(joined.outlets) = 0 then ''
            else ' ('
                || case when joined.n_outlets < joined.n_sources
                    then joined.n_outlets || case when joined.n_outlets = 1
                        then ' outlet: ' else ' outlets: ' end
                    else '' end
                || array_to_string(joined.outlets[1:5], ', ')
                || case when len(joined.outlets) > 5
                    then ', ' || (len(joined.outlets) - 5) || ' more'
                    else '' end
                || ')'
        end as sources_text
    from joined
)

select * from final
