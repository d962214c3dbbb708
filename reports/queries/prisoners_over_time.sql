-- title: Prisoners swapped and bodies repatriated, by date reported
-- value_axis: People (sum of reported figures)
-- kind: bar
-- One row per date (figure window, else article date; undated last) with a
-- prisoner or body figure in scope, summed over figures that are not
-- stated parts of another.
select
    date_label as "Date",
    sum(value) filter (where metric = 'prisoners_swapped') as "Prisoners swapped",
    sum(value) filter (where metric = 'bodies_repatriated') as "Bodies repatriated"
from scoped_facts
where metric_group = 'prisoners' and not is_part
group by date_label
order by date_label = 'undated', date_label
