-- title: People reported killed and injured, by side
-- value_axis: People (sum of reported figures)
-- kind: barh
-- One row per side with a casualty figure in scope: killed, injured and
-- unsplit casualties, summed over figures that are not stated parts of
-- another. Sums of reports: one event reported twice counts twice.
select
    coalesce(side, 'side not stated') as "Side",
    sum(value) filter (where metric = 'people_killed') as "Killed",
    sum(value) filter (where metric = 'people_injured') as "Injured",
    sum(value) filter (where metric = 'casualties') as "Casualties (not split)"
from scoped_facts
where metric_group = 'casualties' and not is_part
group by side
order by
    coalesce("Killed", 0) + coalesce("Injured", 0)
    + coalesce("Casualties (not split)", 0) desc,
    "Side"
