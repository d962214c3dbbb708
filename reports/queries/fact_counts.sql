-- One row: figures in scope, the articles they come from, the metrics seen.
select
    count(*) as facts,
    count(distinct doc) as articles,
    count(distinct metric) as metrics
from scoped_facts
