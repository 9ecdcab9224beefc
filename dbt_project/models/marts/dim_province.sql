-- The 34 provincial-level units (GB/T 2260).
select
    province_code,
    name,
    short_name,
    abbreviation,
    nullif(alt_abbreviation, '') as alt_abbreviation,
    province_type,
    nullif(region, '') as region,
    -- orders a pair east first: east, northeast, central, west (ties by code)
    case region when 'east' then 0 when 'northeast' then 1 when 'central' then 2 else 3 end as region_rank,
    west_development
from {{ ref('provinces') }}
