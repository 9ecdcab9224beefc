-- Unordered province pairs that are a reference pairing or have a visit.
with provinces as (
    select * from {{ ref('dim_province') }}
),

reference as (
    -- Prefecture-level pairings count for their provinces; a pairing that has ended
    -- (until_year) still is one, and is_current_pairing tells them apart.
    select
        {{ province_pair_id('e', 'w') }} as province_pair_id,
        arg_max(p.programme, p.since_year) as reference_list,
        bool_or(p.until_year is null) as is_current_pairing
    from {{ ref('reference_pairings') }} as p
    inner join provinces as e on e.name = p.east_province
    inner join provinces as w on w.name = p.west_province
    where p.east_province <> p.west_province
    group by 1
),

visits as (
    select
        v.province_pair_id,
        v.start_date,
        v.end_date,
        vp.province_code = split_part(v.province_pair_id, '-', 1) as from_east
    from {{ ref('fact_visit') }} as v
    inner join provinces as vp on vp.name = v.visiting_province
),

pairs as (
    select province_pair_id from reference
    union
    select province_pair_id from visits
)

select
    p.province_pair_id,
    e.name as east_province,
    w.name as west_province,
    -- the programme in Chinese, as articles name it; the list's own key beside it
    case
        when r.reference_list like 'east_west_poverty_%' or r.reference_list like 'guizhou_pairing_%' then '东西部扶贫协作'
        when r.reference_list like 'east_west_%' then '东西部协作'
        when r.reference_list like 'aid_%' then '对口支援'
    end as programme,
    r.province_pair_id is not null as is_reference_pairing,
    coalesce(r.is_current_pairing, false) as is_current_pairing,
    r.reference_list,
    count(v.province_pair_id) filter (where v.from_east)::integer as visits_east_to_west,
    count(v.province_pair_id) filter (where not v.from_east)::integer as visits_west_to_east,
    min(v.start_date) as first_visit_date,
    max(coalesce(v.end_date, v.start_date)) as last_visit_date
from pairs as p
inner join provinces as e on e.province_code = split_part(p.province_pair_id, '-', 1)
inner join provinces as w on w.province_code = split_part(p.province_pair_id, '-', 2)
left join reference as r using (province_pair_id)
left join visits as v using (province_pair_id)
group by all
