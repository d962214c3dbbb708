-- One row per reason a number in the articles in scope was not taken as a
-- figure (table `rejections`), the commonest first, with an example.
select
    reason as "Reason",
    count(*) as "Numbers",
    any_value(surface) as "Example"
from rejections
where doc in (select id from scoped_articles)
group by reason
order by "Numbers" desc, "Reason"
limit 20
