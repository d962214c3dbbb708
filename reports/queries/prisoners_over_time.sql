-- title: Prisoners swapped and bodies repatriated, by month
-- value_axis: People (sum of reported figures)
-- kind: bar
-- One row per month (of the figure's window, else its article's date;
-- undated last) with a prisoner or body figure in scope, summed over
-- figures that are not stated parts of another. Sums of reports: one
-- exchange reported by two articles counts twice.
select
    coalesce(strftime(date_from, '%Y-%m'), 'undated') as "Month",
    sum(value) filter (where metric = 'prisoners_swapped') as "Prisoners swapped",
    sum(value) filter (where metric = 'bodies_repatriated') as "Bodies repatriated"
from scoped_facts
where metric_group = 'prisoners' and not is_part
group by "Month"
order by "Month" = 'undated', "Month"
