-- The 34 provincial-level units (GB/T 2260).
select
    p.province_code,
    p.name,
    p.short_name,
    p.abbreviation,
    nullif(p.alt_abbreviation, '') as alt_abbreviation,
    p.province_type,
    nullif(p.region, '') as region,
    -- orders a pair east first: east, northeast, central, west (ties by code)
    case p.region when 'east' then 0 when 'northeast' then 1 when 'central' then 2 else 3 end as region_rank,
    p.west_development,
    e.name_en
from {{ ref('provinces') }} as p
left join {{ ref('province_names_en') }} as e using (province_code)
