-- One row per agreement label of `bulletin_checks` that figures in scope
-- carry: how many, their share of the figures that had a bulletin, and
-- what the label means. Labels in the order they are tried.
with checks as (
    select bulletin_checks.*
    from bulletin_checks
    inner join scoped_facts using (doc, fact_no)
),

labels as (
    select * from (
        values
            (1, 'exact', 'the bulletin''s figure for the night'),
            (2, 'within bounds', 'inside the figure''s bounds ("over 800"; "about" is ±10%)'),
            (3, 'alternative reading', 'another figure of the bulletin: all drone kinds, shot down plus lost, all targets neutralised, missiles without S-300/S-400, Shaheds without decoys, daytime waves, a regional tally'),
            (4, 'launched/downed swapped', 'the bulletin''s other measure: launched read as downed, or the reverse'),
            (5, 'previous/next night', 'the figure of the night before or after: the night is misdated'),
            (6, 'differs', 'none of the above'),
            (7, 'no bulletin', 'the bulletin has no national figure for that night')
    ) as labels (rank, agreement, meaning)
),

counted as (
    select
        agreement,
        count(*) as figures
    from checks
    group by agreement
)

select
    labels.agreement as "Agreement",
    counted.figures as "Figures",
    case when labels.agreement <> 'no bulletin'
        then format('{:.1f}%', 100.0 * counted.figures
            / nullif(sum(counted.figures) filter (
                where labels.agreement <> 'no bulletin') over (), 0))
        else ''
    end as "Share (with a bulletin)",
    labels.meaning as "Meaning"
from labels
inner join counted using (agreement)
order by labels.rank
