-- One row: the number of articles in the briefing's scope.
select count(*) as articles
from scoped_articles
