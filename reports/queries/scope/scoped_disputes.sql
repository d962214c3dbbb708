-- One row per disputed figure (view `disputed_claims`: sources giving
-- different figures, or different claimants, for one metric, side, weapon,
-- location and window) with a claim in `scoped_facts`, so the briefing's
-- filters reach it through the facts. Stored as the temp table
-- `scoped_disputes`, with the figures side by side as text, the chart
-- policy in words, and `fact_keys` / `chart_fact_keys` for citations.
with

claim_keys as (
    select doc || ':' || fact_no as claim_id, fact_key
    from scoped_facts
),

dispute_claims as (
    select
        disputed_claims.dispute_id,
        claims.value,
        claims.outlet,
        claim_keys.fact_key
    from all_disputes as disputed_claims, unnest(disputed_claims.claim_ids) as u(claim_id)
    inner join claims
        on claims.claim_id = u.claim_id
    left join claim_keys
        on claim_keys.claim_id = u.claim_id
),

in_scope as (
    select
        dispute_claims.dispute_id,
        list(fact_key order by fact_key) filter (where fact_key is not null)
            as fact_keys,
        list(fact_key order by fact_key) filter (
            where fact_key is not null
            and dispute_claims.value = disputed_claims.chart_value
        ) as chart_fact_keys
    from dispute_claims
    inner join all_disputes as disputed_claims
        on disputed_claims.dispute_id = dispute_claims.dispute_id
    group by dispute_claims.dispute_id
    having count(fact_key) > 0
),

figure_outlets as (
    select
        dispute_id,
        value,
        coalesce(list(distinct outlet order by outlet)
            filter (where outlet is not null), []) as outlets
    from dispute_claims
    group by dispute_id, value
),

dispute_figures as (
    select dispute_id, unnest(figures) as figure
    from all_disputes
),

-- each figure: its value, who gives it, how many articles, which outlets
-- (unnested apart, then joined: joined to the unnest itself, DuckDB
-- planned a join that took seconds over a large warehouse)
figures as (
    select
        d.dispute_id,
        d.figure.value as value,
        d.figure.claimants as claimants,
        d.figure.n_sources as n_sources,
        coalesce(figure_outlets.outlets, []) as outlets
    from dispute_figures as d
    left join figure_outlets
        on figure_outlets.dispute_id = d.dispute_id
        and figure_outlets.value = d.figure.value
),

figure_texts as (
    select
        dispute_id,
        -- "30 (Russian Defence Ministry; 1 source: TASS)"
        string_agg(
            case when value = round(value) then format('{:,}', value::bigint)
                else format('{:,.1f}', value) end
            || ' ('
            || coalesce(nullif(array_to_string(claimants, ', '), ''),
                'no claimant named')
            || '; ' || n_sources
            || case when n_sources = 1 then ' source' else ' sources' end
            || case when len(outlets) = 0 then ''
                else ': ' || array_to_string(outlets[1:5], ', ')
                    || case when len(outlets) > 5
                        then ', ' || (len(outlets) - 5) || ' more'
                        else '' end
            end
            || ')',
            ' vs '
            order by value desc
        ) as figures_text
    from figures
    group by dispute_id
),

final as (
    select
        disputed_claims.*,
        in_scope.fact_keys,
        in_scope.chart_fact_keys,
        figure_texts.figures_text,
        -- NOTE: keep in sync with chart_value in disputed_claims.sql
        case
            when disputed_claims.defender_value is not null
                then 'defending side''s figure ('
                    || disputed_claims.defending_side || ')'
            else 'most reported figure'
        end as policy_text,
        case
            when disputed_claims.window_start is null then 'undated'
            when disputed_claims.window_start = disputed_claims.window_end
                then strftime(disputed_claims.window_start, '%Y-%m-%d')
            when disputed_claims.window_end - disputed_claims.window_start = 1
                then 'night into '
                    || strftime(disputed_claims.window_end, '%Y-%m-%d')
            else strftime(disputed_claims.window_start, '%Y-%m-%d') || ' to '
                || strftime(disputed_claims.window_end, '%Y-%m-%d')
        end as date_label
    from all_disputes as disputed_claims
    inner join in_scope
        on in_scope.dispute_id = disputed_claims.dispute_id
    inner join figure_texts
        on figure_texts.dispute_id = disputed_claims.dispute_id
)

select * from final
