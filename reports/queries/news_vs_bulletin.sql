-- title: Launched per night: news against the Air Force bulletin
-- value_axis: Drones or missiles launched
-- kind: barh
-- One row per night x weapon class with a launched figure in scope that
-- was held against the bulletin (`bulletin_checks`), the 25 latest nights:
-- the figure most news reports give for the whole night (not a place's or
-- one model's; ties to the lower, as `most_reported_value`) beside the bulletin's night figure
-- (null: no bulletin for that night).
with checks as (
    select bulletin_checks.*
    from bulletin_checks
    inner join scoped_facts using (doc, fact_no)
    where
        bulletin_checks.measure = 'launched'
        and bulletin_checks.place is null
        -- a drone figure naming the Shahed is the night's figure too
        and (bulletin_checks.weapon is null
            or bulletin_checks.weapon in ('Shahed', 'Gerbera'))
),

per_value as (
    select
        night,
        weapon_class,
        value,
        count(*) as n_reports,
        any_value(bulletin_value) as bulletin_value
    from checks
    group by night, weapon_class, value
),

per_night as (
    select
        night,
        weapon_class,
        arg_max(value, [n_reports, -value]) as news_value,
        max(bulletin_value) as bulletin_value
    from per_value
    group by night, weapon_class
)

select
    strftime(night, '%Y-%m-%d') || ' · ' || weapon_class || 's' as "Night",
    news_value as "News (most reported)",
    bulletin_value as "Air Force bulletin"
from per_night
order by night desc, weapon_class
limit 25
