-- One row: the first and last date the figures in scope cover, and how
-- many figures have no date at all (undated article, no window).
select
    coalesce(strftime(min(date_from), '%Y-%m-%d'), 'no dated figure') as first,
    coalesce(strftime(max(date_to), '%Y-%m-%d'), 'no dated figure') as last,
    count(*) filter (where date_from is null) as undated
from scoped_facts
