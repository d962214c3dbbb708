-- One row per metric and day with a dated incident: what the day adds to
-- the headline's totals. A figure that names no place is the day's
-- national figure, and holds the figures of its places ("6 killed across
-- Ukraine", "5 of them in the Lviv region"): the day adds the greater of
-- the national figure and the sum of its places' figures, never both.
-- Likewise a region's figure holds its towns' (place_regions): "3 killed
-- in the Moscow region" and "2 killed in Domodedovo" add 3, not 5. A
-- city's figure holds no town: "3 killed in Kyiv" and "2 in Bucha" are 5.
-- (Not for swaps and handovers: a day's incidents are that many
-- exchanges, added.) Parts (is_part) are never added, nor an incident
-- that only words give ("scores were injured": headline.n_vague) or only
-- a ceiling ("up to 60 soldiers killed": headline.n_at_most): a total adds
-- what is at least true.
with

counted as (
    select
        incidents.*,
        -- the region the place lies in, by its stem ("Moscow" for the
        -- city and for the Moscow region; "Moscow" for Domodedovo)
        regexp_replace(coalesce(place_regions.region, incidents.place),
            '\s+region$', '') as area,
        -- the figure of the whole region: one that names it, or a region
        -- known by one name (Crimea)
        place_regions.place is null
            and (incidents.names_region
                or incidents.place in (select region from place_regions))
            as is_region
    from incidents
    left join place_regions on place_regions.place = incidents.place
    where incidents.day is not null and not incidents.is_part
        -- words alone ("scores were injured") are no number to add, nor
        -- a ceiling ("up to 60"), which says nothing of how many at least
        and incidents.qualifier not in ('vague', 'at_most')
),

-- one row per region (or place of no known region) and day: the greater of
-- the region's figure and its towns' sum
areas as (
    select
        metric,
        day,
        area,
        sum(value) filter (where is_region) as of_region,
        sum(value) filter (where not is_region) as of_towns,
        count(*) filter (where is_region) as n_region,
        count(*) filter (where not is_region) as n_towns,
        list(value_claim_id order by value_claim_id)
            filter (where is_region) as region_claim_ids,
        list(value_claim_id order by value_claim_id)
            filter (where not is_region) as town_claim_ids
    from counted
    where place is not null
    group by metric, day, area
),

area_totals as (
    select
        metric,
        day,
        greatest(coalesce(of_region, 0), coalesce(of_towns, 0)) as value,
        case when coalesce(of_region, 0) >= coalesce(of_towns, 0)
            then n_region else n_towns end as n_incidents,
        case when coalesce(of_region, 0) >= coalesce(of_towns, 0)
            then region_claim_ids else town_claim_ids end as claim_ids
    from areas
),

national as (
    select
        metric,
        day,
        sum(value) as national,
        count(*) as n_national,
        list(value_claim_id order by value_claim_id) as national_claim_ids
    from counted
    where place is null
    group by metric, day
),

places as (
    select
        metric,
        day,
        sum(value) as of_places,
        sum(n_incidents) as n_places,
        list_sort(flatten(list(claim_ids))) as place_claim_ids
    from area_totals
    group by metric, day
),

days as (
    select *
    from national
    full join places using (metric, day)
),

final as (
    select
        metric,
        day,
        (case when is_exchange then coalesce(national, 0) + coalesce(of_places, 0)
            else greatest(coalesce(national, 0), coalesce(of_places, 0))
        end)::bigint as total,
        case
            when of_places is null then 'national figure'
            when national is null then 'sum of places'
            when is_exchange then 'sum of exchanges'
            when national >= of_places then 'national figure, which holds its places'
            else 'sum of places, more than the national figure'
        end as rule,
        national::bigint as national,
        of_places::bigint as of_places,
        -- the incidents whose figures make the total
        (case
            when is_exchange then coalesce(n_national, 0) + coalesce(n_places, 0)
            when coalesce(national, 0) >= coalesce(of_places, 0) then n_national
            else n_places
        end)::bigint as n_incidents,
        case
            when is_exchange then list_sort(
                coalesce(national_claim_ids, []) || coalesce(place_claim_ids, []))
            when coalesce(national, 0) >= coalesce(of_places, 0) then national_claim_ids
            else place_claim_ids
        end as claim_ids
    from (
        -- a swap's or a handover's place is where it was made, not a share
        -- of a national count: two swaps of one day, one naming a place
        -- ("10 prisoners of war", "19 sailors near Odesa"), are two
        select
            *,
            metric in ('prisoners_swapped', 'bodies_repatriated') as is_exchange
        from days
    )
)

select * from final
