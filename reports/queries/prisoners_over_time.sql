-- title: Prisoners swapped and bodies repatriated, by month (events)
-- value_axis: People (sum of events)
-- kind: bar
-- One row per month from the first to the last with a prisoner or body
-- event in scope (month of the event's first date; undated events last),
-- summed over the events totals count (`is_counted`: an exchange repeated
-- by several articles counts once; no stated parts; one figure per
-- dispute), running totals left out. Months without a report are kept,
-- empty, so time is not squeezed.
with figures as (
    select
        date_trunc('month', scoped_events.window_start)::date as month,
        scoped_events.metric,
        scoped_events.value
    from scoped_events
    inner join metric_vocabulary as vocabulary
        on vocabulary.metric = scoped_events.metric
    where
        vocabulary.metric_group = 'prisoners'
        and scoped_events.is_counted
        and coalesce(scoped_events.period, '') <> 'cumulative'
),

months as (
    select unnest(generate_series(min(month), max(month), interval 1 month))
        ::date as month
    from figures
),

dated as (
    select
        strftime(months.month, '%Y-%m') as month_label,
        sum(value) filter (where metric = 'prisoners_swapped')::bigint as swapped,
        sum(value) filter (where metric = 'bodies_repatriated')::bigint as bodies
    from months
    left join figures on figures.month = months.month
    group by months.month
),

undated as (
    select
        'undated' as month_label,
        sum(value) filter (where metric = 'prisoners_swapped')::bigint as swapped,
        sum(value) filter (where metric = 'bodies_repatriated')::bigint as bodies
    from figures
    where month is null
    having count(*) > 0
)

select
    month_label as "Month",
    swapped as "Prisoners swapped",
    bodies as "Bodies repatriated"
from (select * from dated union all select * from undated)
order by "Month" = 'undated', "Month"
