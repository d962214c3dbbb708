-- One row: drone and missile figures in scope that no night can hold (an
-- undated article, or a window of several days), and the nights charted.
select
    count(*) filter (
        where metric similar to '(drones|missiles)_(launched|downed|lost|returned)'
            and kind in ('incident', 'period_total')
            and (window_end is null or window_end - window_start > 1)
    ) as unplaced,
    (select count(distinct night) from air_nights) as nights
from scoped_facts
