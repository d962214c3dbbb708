-- One row: how the figures in scope fold into events (one figure, however
-- many articles repeat it), how many of those more than one source
-- carries, and how many disputes, corrections and undated articles the
-- sections below list.
select
    (select count(*) from scoped_events) as events,
    (select count(*) from scoped_events where n_sources > 1) as repeated,
    (select count(*) from scoped_disputes) as disputes,
    (select count(*) from scoped_tallies where is_correction) as corrections,
    (select count(*) from scoped_undated) as undated_articles
