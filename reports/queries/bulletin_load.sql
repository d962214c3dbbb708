-- One row: the Air Force bulletin file loaded (`warstats load-bulletins`),
-- its rows and nights, or, when none is, how to load one. The file's name
-- only: a briefing is shared, the folder it sat in is the user's own.
with latest as (
    select * from bulletin_loads
    order by load_id desc
    limit 1
),

nights as (
    select count(distinct night) as n, min(night) as first, max(night) as last
    from bulletin_nights
    where launched is not null or destroyed is not null
)

select
    coalesce(
        (
            select format(
                'Loaded: {} ({:,} rows{}; national figures for {:,} nights, {} to {}; loaded {}).',
                regexp_extract(latest.path, '[^/\\]+$'),
                latest.n_rows,
                case when latest.n_bad > 0
                    then format(', {:,} with a problem, left out', latest.n_bad)
                    else '' end,
                nights.n,
                strftime(nights.first, '%Y-%m-%d'),
                strftime(nights.last, '%Y-%m-%d'),
                strftime(latest.loaded_at, '%Y-%m-%d')
            )
            from latest, nights
        ),
        'No bulletin loaded, so nothing is compared. Load one with: warstats '
        || 'load-bulletins missile_attacks_daily.csv (the public "Massive Missile '
        || 'Attacks on Ukraine" dataset, compiled from the Air Force''s posts), '
        || 'then build the briefing again.'
    ) as loaded
