-- title: People reported killed and injured, by side (events)
-- value_axis: People (sum of events)
-- kind: barh
-- One row per side with a casualty event in scope: killed, injured and
-- unsplit casualties, summed over the events totals count (`is_counted`:
-- a strike repeated by several articles counts once; no stated parts; one
-- figure per dispute), running totals left out.
with people as (
    select scoped_events.*
    from scoped_events
    inner join metric_vocabulary as vocabulary
        on vocabulary.metric = scoped_events.metric
    where
        vocabulary.metric_group = 'casualties'
        and scoped_events.is_counted
        and coalesce(scoped_events.period, '') <> 'cumulative'
)

select
    coalesce(side, 'side not stated') as "Side",
    sum(value) filter (where metric = 'people_killed')::bigint as "Killed",
    sum(value) filter (where metric = 'people_injured')::bigint as "Injured",
    sum(value) filter (where metric = 'casualties')::bigint as "Casualties (not split)"
from people
group by side
order by
    coalesce("Killed", 0) + coalesce("Injured", 0)
    + coalesce("Casualties (not split)", 0) desc,
    "Side"
