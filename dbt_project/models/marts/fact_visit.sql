-- One row per delegation visit; a visit reported by several articles is one row.
{#- The year steps, most trusted first (macros/visit_year_columns.sql). The published-date
    step goes between the two as one more pair: ("<its published year>", "'published_date'"). -#}
{%- set year_steps = [
    ("year(v.start_date)", "'text'"),
    ("oh.oh_year", "oh.oh_year_source"),
] %}
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
    len(v.article_ids) as report_count,
    {{ visit_year_columns(year_steps, 'oh.year_min', 'oh.year_max') }}
from {{ ref('int_visits') }} as v
left join {{ ref('dim_province') }} as vp on vp.name = v.visiting_province
left join {{ ref('dim_province') }} as hp on hp.name = v.host_province
left join {{ ref('int_visit_officeholder_years') }} as oh on oh.visit_id = v.visit_id
