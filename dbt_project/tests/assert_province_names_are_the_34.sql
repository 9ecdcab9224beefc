-- Every province name anywhere in the marts is one of the 34 provincial-level units.
{{ config(
    meta = {'dagster': {'ref': {'name': 'fact_visit'}}},
    description = 'Every province name in the marts is one of the 34 provincial-level units.',
) }}
with names as (
    select visiting_province as name, 'fact_visit.visiting_province' as col from {{ ref('fact_visit') }}
    union all select host_province, 'fact_visit.host_province' from {{ ref('fact_visit') }}
    union all select province, 'dim_official.province' from {{ ref('dim_official') }} where province is not null
    union all select east_province, 'dim_province_pair.east_province' from {{ ref('dim_province_pair') }}
    union all select west_province, 'dim_province_pair.west_province' from {{ ref('dim_province_pair') }}
)
select n.*
from names as n
left join {{ ref('dim_province') }} as p using (name)
where p.name is null
