-- The provincial top posts the reference table gives each official: same name and same
-- province (a namesake serving elsewhere is another person, not linked).
-- Months become an index (year * 12 + month - 1) so tenures compare and subtract simply.
with officials as (
    select distinct official_id, name, province
    from {{ ref('int_official_mentions') }}
    where province is not null
)

select
    o.official_id,
    o.name,
    o.province,
    l.post,
    l.post_title,
    l.start_month,
    nullif(l.end_month, '') as end_month,
    l.is_verified,
    {{ month_index('l.start_month') }} as start_index,
    {{ month_index("nullif(l.end_month, '')") }} as end_index
from officials as o
inner join {{ ref('provincial_leaders') }} as l
    on l.name = o.name and l.province = o.province
