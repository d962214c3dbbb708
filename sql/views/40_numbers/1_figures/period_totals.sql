-- One row per period total: a figure for a day, week, month or year (facts
-- of kind 'period_total': "232 civilians killed in June", "over the past
-- week Russia launched 500 drones"), however many articles report it. Reports
-- are one total when metric, side, place, weapon, period and window are the
-- same; its figure is the latest report's (then the most reported, then the
-- larger), `values` lists every figure given. Never added to incidents.
with

totals as (
    select
        claims.*,
        count(*) over (
            partition by metric, side, location, weapon, period, window_start,
                window_end, is_part, published, value
        ) as n_same_figure
    from claims
    where claims.kind = 'period_total'
),

final as (
    select
        -- ids
        min(claim_id) as total_id,
        -- the total
        metric,
        side,
        location as place,
        weapon,
        period,
        window_start,
        window_end,
        is_part,
        arg_max(value, [epoch(coalesce(published, date '1900-01-01')),
            n_same_figure, value]) as value,
        arg_max(qualifier, [epoch(coalesce(published, date '1900-01-01')),
            n_same_figure, value]) as qualifier,
        arg_max(claim_id, [epoch(coalesce(published, date '1900-01-01')),
            n_same_figure, value]) as value_claim_id,
        arg_max(figure_text(value, qualifier, low, high),
            [epoch(coalesce(published, date '1900-01-01')), n_same_figure, value])
            as figure,
        list(distinct value order by value) as values,
        -- sources
        coalesce(
            list(distinct claimant order by claimant)
                filter (where claimant is not null),
            []
        ) as claimants,
        count(distinct doc) as n_sources,
        coalesce(
            list(distinct outlet order by outlet) filter (where outlet is not null),
            []
        ) as outlets,
        max(published) as latest_report,
        list(claim_id order by claim_id) as claim_ids
    from totals
    group by metric, side, location, weapon, period, window_start, window_end,
        is_part
)

select * from final
