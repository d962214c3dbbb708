-- One row per metric and day with a dated incident: what the day adds to
-- the headline's totals. A figure that names no place is the day's
-- national figure, and holds the figures of its places ("6 killed across
-- Ukraine", "5 of them in the Lviv region"): the day adds the greater of
-- the national figure and the sum of its places' figures, never both.
-- Parts (is_part) are never added.
with

counted as (
    select * from incidents
    where day is not null and not is_part
),

days as (
    select
        metric,
        day,
        sum(value) filter (where place is null) as national,
        sum(value) filter (where place is not null) as of_places,
        count(*) filter (where place is null) as n_national,
        count(*) filter (where place is not null) as n_places,
        list(value_claim_id order by value_claim_id)
            filter (where place is null) as national_claim_ids,
        list(value_claim_id order by value_claim_id)
            filter (where place is not null) as place_claim_ids
    from counted
    group by metric, day
),

final as (
    select
        metric,
        day,
        greatest(coalesce(national, 0), coalesce(of_places, 0))::bigint as total,
        case
            when of_places is null then 'national figure'
            when national is null then 'sum of places'
            when national >= of_places then 'national figure, which holds its places'
            else 'sum of places, more than the national figure'
        end as rule,
        national::bigint as national,
        of_places::bigint as of_places,
        -- the incidents whose figures make the total
        case when coalesce(national, 0) >= coalesce(of_places, 0)
            then n_national else n_places end as n_incidents,
        case when coalesce(national, 0) >= coalesce(of_places, 0)
            then national_claim_ids else place_claim_ids end as claim_ids
    from days
)

select * from final
