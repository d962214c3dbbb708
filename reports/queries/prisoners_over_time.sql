-- title: Prisoners swapped and bodies repatriated, by month
-- value_axis: People (sum of reported figures)
-- kind: bar
-- One row per month from the first to the last with a prisoner or body
-- figure in scope (month of the figure's window, else of its article;
-- undated figures last), summed over figures that are not stated parts of
-- another. Months without a report are kept, empty, so time is not
-- squeezed. Sums of reports: an exchange reported twice counts twice.
with figures as (
    select
        date_trunc('month', date_from)::date as month,
        metric,
        value
    from scoped_facts
    where metric_group = 'prisoners' and not is_part
),

months as (
    select unnest(generate_series(min(month), max(month), interval 1 month))
        ::date as month
    from figures
),

dated as (
    select
        strftime(months.month, '%Y-%m') as month_label,
        sum(value) filter (where metric = 'prisoners_swapped') as swapped,
        sum(value) filter (where metric = 'bodies_repatriated') as bodies
    from months
    left join figures on figures.month = months.month
    group by months.month
),

undated as (
    select
        'undated' as month_label,
        sum(value) filter (where metric = 'prisoners_swapped') as swapped,
        sum(value) filter (where metric = 'bodies_repatriated') as bodies
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
