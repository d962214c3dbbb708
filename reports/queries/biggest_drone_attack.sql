-- One row: the largest number of drones reported launched in one attack
-- (overnight, in a day, or a single event; not weekly or running totals),
-- and when and by whom it was reported.
with attacks as (
    select *
    from scoped_facts
    where
        metric = 'drones_launched'
        and coalesce(period, 'event') in ('overnight', 'day', 'event')
)

select
    max(value) as drones,
    [arg_max(fact_key, value)] as drones__facts,
    coalesce(
        arg_max(date_label || ', ' || coalesce(outlet, doc), value),
        'no drone attack in scope'
    ) as reported
from attacks
