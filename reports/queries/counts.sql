-- One row: articles and figures in scope, and how the figures divide into
-- kinds (an incident, a period's total, a running tally, a span unknown).
select
    (select count(*) from scoped_articles) as articles,
    count(distinct doc) as articles_with_figures,
    (select count(*) from scoped_articles where published is null)
        as undated_articles,
    count(*) as figures,
    count(*) filter (where kind = 'incident') as incident_figures,
    count(*) filter (where kind = 'period_total') as period_figures,
    count(*) filter (where kind = 'running_tally') as tally_figures,
    count(*) filter (where kind = 'unknown') as unknown_figures,
    (select count(*) from incidents) as incidents,
    (select count(*) from incidents where n_sources > 1) as repeated_incidents
from scoped_facts
