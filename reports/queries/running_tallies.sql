-- One row per running total in scope (view `tally_deltas`): series (metric,
-- weapon, place), side and claimant, the date it runs to, the total, the
-- change since the series' previous date, and a drop flagged as a
-- correction (or two counts under one name: read the quotes).
select
    series_label as "Series",
    coalesce(side, '') as "Side",
    coalesce(claimant, '') as "Claimant",
    as_of as "As of",
    value as "Total",
    fact_keys as "Total__facts",
    case
        when delta is null then null
        when delta > 0 then '+' || format('{:,}', delta::bigint)
        when delta < 0 then '-' || format('{:,}', (-delta)::bigint)
        else '0'
    end as "Change",
    delta_fact_keys as "Change__facts",
    case when is_correction then 'correction' else '' end as "Correction",
    n_sources || case when n_sources = 1 then ' source' else ' sources' end
        as "Reported by"
from scoped_tallies
order by metric, side, claimant, weapon, location, is_part, as_of, value
