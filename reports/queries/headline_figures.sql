-- One row: the headline's figures as the view `headline` gives them (so a
-- SQL user gets the same numbers), each with the reports behind it, how
-- many incidents it adds and how many figures of its metric it leaves out.
with h as (
    select * from headline
)

select
    -- people killed and injured: sums of incidents
    max(total) filter (where metric = 'people_killed') as killed,
    max(claim_ids) filter (where metric = 'people_killed') as killed__facts,
    max(n_incidents) filter (where metric = 'people_killed') as killed_incidents,
    max(n_not_counted) filter (where metric = 'people_killed') as killed_left_out,
    max(total) filter (where metric = 'people_injured') as injured,
    max(claim_ids) filter (where metric = 'people_injured') as injured__facts,
    max(n_incidents) filter (where metric = 'people_injured') as injured_incidents,
    max(n_not_counted) filter (where metric = 'people_injured') as injured_left_out,
    -- swaps and handovers: sums of incidents
    max(total) filter (where metric = 'prisoners_swapped') as swapped,
    max(claim_ids) filter (where metric = 'prisoners_swapped') as swapped__facts,
    max(n_incidents) filter (where metric = 'prisoners_swapped') as swaps,
    max(n_not_counted) filter (where metric = 'prisoners_swapped')
        as swapped_left_out,
    max(total) filter (where metric = 'bodies_repatriated') as bodies,
    max(claim_ids) filter (where metric = 'bodies_repatriated') as bodies__facts,
    max(n_incidents) filter (where metric = 'bodies_repatriated') as handovers,
    max(n_not_counted) filter (where metric = 'bodies_repatriated')
        as bodies_left_out,
    -- the largest nights
    max(total) filter (where metric = 'drones_launched') as largest_drones,
    max(claim_ids) filter (where metric = 'drones_launched')
        as largest_drones__facts,
    -- when the largest night was, or that none was reported
    coalesce('the night into ' || strftime(
        max(last_day) filter (where metric = 'drones_launched'), '%Y-%m-%d'),
        'no night reported') as largest_drones_night,
    max(total) filter (where metric = 'missiles_launched') as largest_missiles,
    max(claim_ids) filter (where metric = 'missiles_launched')
        as largest_missiles__facts,
    coalesce('the night into ' || strftime(
        max(last_day) filter (where metric = 'missiles_launched'), '%Y-%m-%d'),
        'no night reported') as largest_missiles_night
from h
