-- One row per disputed figure in the whole warehouse (view
-- `disputed_claims`), unfiltered. Stored once as the temp table
-- `all_disputes` for the scope queries: the view groups every claim each
-- time it is read, and they read it three times.
select * from disputed_claims
