-- Every name a unit goes by within its province (full name, else short name), resolved to one
-- GB/T 2260 unit: a name shared by two units of one province (山西's several 城区) resolves to
-- the higher level, then the lower code.
with names as (
    select province_name, name as unit_name, code, level, 0 as by_short_name
    from {{ ref('admin_divisions') }}
    union all
    select province_name, short_name, code, level, 1
    from {{ ref('admin_divisions') }}
    where short_name is not null and short_name <> name
)

select
    province_name,
    unit_name,
    arg_min(code, (by_short_name, case level when 'province' then 0 when 'prefecture' then 1 else 2 end, code)) as code,
    arg_min(level, (by_short_name, case level when 'province' then 0 when 'prefecture' then 1 else 2 end, code)) as level
from names
group by province_name, unit_name
