-- One row per figure of the briefing's headline, exactly as it prints it:
-- people killed and injured, prisoners swapped and bodies repatriated are
-- the sum of their incidents' days (incident_days: one figure per incident,
-- dated, never a part, never a figure only words or a ceiling give
-- ("scores", "up to 60"), never a
-- period total, a running tally or a figure
-- whose span is unknown; a day's national figure holds its places'); the
-- largest drone and missile attacks are the largest night of air_nights.
-- `rule` says which; `n_not_counted` how many figures of the metric were
-- left out, and why, so that a reader can check the total; `claim_ids` the
-- reports whose figures make the total (one per incident).
with

summed as (
    select
        metric,
        sum(total)::bigint as total,
        sum(n_incidents) as n_incidents,
        min(day) as first_day,
        max(day) as last_day,
        flatten(list(claim_ids order by day)) as claim_ids
    from incident_days
    group by metric
),

largest as (
    select
        weapon_class || 's_launched' as metric,
        max(launched)::bigint as total,
        count(launched) as n_incidents,
        arg_max(night, launched) as first_day,
        arg_max(night, launched) as last_day,
        [arg_max(launched_claim_id, launched)] as claim_ids
    from air_nights
    group by weapon_class
),

-- why the metric's other figures are not in the total
left_out as (
    select
        metric,
        count(*) filter (where kind = 'period_total') as n_period_totals,
        count(*) filter (where kind = 'running_tally') as n_running_tallies,
        count(*) filter (where kind = 'unknown') as n_unknown_span,
        count(*) filter (where kind = 'incident' and is_part) as n_parts
    from claims
    group by metric
),

-- reports of incidents no day holds (an undated copy of a dated incident
-- is one of its sources, not left out)
undated as (
    select metric, sum(len(claim_ids)) as n_undated
    from incidents
    where day is null and not is_part
    group by metric
),

-- reports of dated incidents that only words give ("scores injured") or
-- only a ceiling ("up to 60 killed")
vague as (
    select
        metric,
        sum(len(claim_ids)) filter (where qualifier = 'vague') as n_vague,
        sum(len(claim_ids)) filter (where qualifier = 'at_most') as n_at_most
    from incidents
    where day is not null and not is_part and qualifier in ('vague', 'at_most')
    group by metric
),

rules as (
    select * from (
        values
            ('people_killed', 1, 'sum of incidents'),
            ('people_injured', 2, 'sum of incidents'),
            ('prisoners_swapped', 3, 'sum of incidents'),
            ('bodies_repatriated', 4, 'sum of incidents'),
            ('drones_launched', 5, 'largest night'),
            ('missiles_launched', 6, 'largest night')
    ) as r (metric, line_no, rule)
),

final as (
    select
        rules.line_no,
        rules.metric,
        coalesce(summed.total, largest.total) as total,
        coalesce(summed.n_incidents, largest.n_incidents, 0) as n_incidents,
        rules.rule,
        coalesce(summed.first_day, largest.first_day) as first_day,
        coalesce(summed.last_day, largest.last_day) as last_day,
        -- figures of the metric left out of the total (for the largest
        -- night, the other nights are simply smaller)
        case when rules.rule = 'sum of incidents' then
            coalesce(left_out.n_period_totals, 0)
            + coalesce(left_out.n_running_tallies, 0)
            + coalesce(left_out.n_unknown_span, 0)
            + coalesce(left_out.n_parts, 0)
            + coalesce(undated.n_undated, 0)
            + coalesce(vague.n_vague, 0)
            + coalesce(vague.n_at_most, 0)
        end as n_not_counted,
        left_out.n_period_totals,
        left_out.n_running_tallies,
        left_out.n_unknown_span,
        left_out.n_parts,
        coalesce(undated.n_undated, 0)::bigint as n_undated,
        coalesce(vague.n_vague, 0)::bigint as n_vague,
        coalesce(vague.n_at_most, 0)::bigint as n_at_most,
        coalesce(summed.claim_ids, largest.claim_ids, []) as claim_ids
    from rules
    left join summed
        on summed.metric = rules.metric and rules.rule = 'sum of incidents'
    left join largest
        on largest.metric = rules.metric and rules.rule = 'largest night'
    left join left_out on left_out.metric = rules.metric
    left join undated on undated.metric = rules.metric
    left join vague on vague.metric = rules.metric
)

select * from final
