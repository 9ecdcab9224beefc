-- One row per delegation visit; a visit reported by several articles is one row.
with region_rank as (
    select name, case region when 'east' then 0 when 'northeast' then 1 when 'central' then 2 else 3 end as r, province_code
    from {{ ref('dim_province') }}
)

select
    v.visit_id,
    {{ province_pair_id('vp', 'hp') }} as province_pair_id,
    v.visiting_province,
    v.host_province,
    v.visiting_unit,
    v.host_unit,
    v.start_date,
    v.end_date,
    v.start_md,
    v.end_md,
    v.host_cities,
    v.meeting_name,
    v.programme,
    v.leader_names,
    v.article_ids,
    len(v.article_ids) as report_count
from {{ ref('int_visits') }} as v
left join region_rank as vp on vp.name = v.visiting_province
left join region_rank as hp on hp.name = v.host_province
