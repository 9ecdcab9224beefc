-- The 34 provincial-level units (GB/T 2260).
select
    province_code,
    name,
    short_name,
    abbreviation,
    nullif(alt_abbreviation, '') as alt_abbreviation,
    province_type,
    nullif(region, '') as region,
    west_development
from {{ ref('provinces') }}
