-- One row: the largest number of drones reported launched in one attack
-- (overnight, in a day, or a single event whose window is at most a night;
-- not weekly or running totals),
-- counted as an event (one figure, however many articles repeat it), when
-- it was, and how many sources (outlets) report it.
with attacks as (
    select *
    from scoped_events
    where
        metric = 'drones_launched'
        and is_counted
        and coalesce(period, 'event') in ('overnight', 'day', 'event')
        -- one attack: a night or a day, not a span since some date
        and coalesce(window_end - window_start, 0) <= 1
),

largest as (
    select * from attacks
    order by value desc, n_sources desc, event_id
    limit 1
)

select
    (select max(value) from attacks) as drones,
    (select fact_keys from largest) as drones__facts,
    coalesce(
        (select date_label || ', reported by ' || sources_text from largest),
        'no drone attack in scope'
    ) as reported
