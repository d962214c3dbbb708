-- title: People reported killed and injured, by side
-- value_axis: People (sum of reported figures)
-- kind: barh
-- One row per side with a casualty figure in scope: killed, injured and
-- unsplit casualties, summed over figures that are not stated parts of
-- another. Sums of reports: one event reported twice counts twice.
select
    coalesce(side, 'side not stated') as "Side",
    coalesce(sum(value) filter (where metric = 'people_killed'), 0)
        as "Killed",
    coalesce(sum(value) filter (where metric = 'people_injured'), 0)
        as "Injured",
    coalesce(sum(value) filter (where metric = 'casualties'), 0)
        as "Casualties (not split)"
from scoped_facts
where metric_group = 'casualties' and not is_part
group by side
order by "Killed" + "Injured" + "Casualties (not split)" desc, "Side"
