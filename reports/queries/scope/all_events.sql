-- One row per event in the whole warehouse (view `events`), unfiltered.
-- Stored once as the temp table `all_events` for the scope queries: the
-- view clusters every claim each time it is read, and they read it twice.
select * from events
