-- One row per running tally series and claimant in scope (view
-- `running_tallies`): its latest figure, the date it runs to, and the
-- change since the series' previous report (a drop is flagged: a
-- correction, or two counts under one name). Never added to incidents.
select
    metric
        || coalesce(' · ' || weapon, '')
        || coalesce(' · ' || place, '')
        || case when is_part then ' (part)' else '' end as "Series",
    coalesce(side, '') as "Side",
    coalesce(claimant, '') as "Claimant",
    strftime(as_of, '%Y-%m-%d') as "As of",
    figure as "Latest figure",
    claim_ids as "Latest figure__facts",
    case
        when change is null then ''
        when change > 0 then '+' || format('{:,}', change)
        when change < 0 then '-' || format('{:,}', -change)
        else '0'
    end
        || case when previous_as_of is not null
            then ' since ' || strftime(previous_as_of, '%Y-%m-%d') else '' end
        as "Change",
    case when is_correction then 'correction' else '' end as "Flag",
    n_reports as "Reports"
from running_tallies
order by as_of desc, metric, side, claimant
