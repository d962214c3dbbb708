-- One row per metric of the closed vocabulary, with the briefing table
-- (metric_group) it is shown in. Used to check the `metric` filter.
-- NOTE: keep in sync with ../shared/spec/FACTS.md (Metrics table).
select *
from (
    values
        -- air: drones and missiles, by weapon class
        ('drones_launched', 'air', 'drone'),
        ('drones_downed', 'air', 'drone'),
        ('drones_lost', 'air', 'drone'),
        ('drones_returned', 'air', 'drone'),
        ('missiles_launched', 'air', 'missile'),
        ('missiles_downed', 'air', 'missile'),
        -- prisoner exchanges and bodies
        ('prisoners_swapped', 'prisoners', null),
        ('bodies_repatriated', 'prisoners', null),
        -- troops
        ('troops_deployed', 'troops', null),
        ('troops_mobilized', 'troops', null),
        ('troops_deserted', 'troops', null),
        -- casualties
        ('people_killed', 'casualties', null),
        ('people_injured', 'casualties', null),
        ('casualties', 'casualties', null),
        -- everything else
        ('bombs_dropped', 'other', null),
        ('shells_fired', 'other', null),
        ('attacks', 'other', null),
        ('people_without_power', 'other', null),
        ('people_evacuated', 'other', null),
        ('buildings_damaged', 'other', null),
        ('settlements_captured', 'other', null),
        ('territory_captured', 'other', null),
        ('equipment_destroyed', 'other', null),
        ('weapons_supplied', 'other', null),
        ('weapons_requested', 'other', null)
) as vocabulary (metric, metric_group, weapon_class)
