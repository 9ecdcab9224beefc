-- One row per delegation visit; a visit reported by several articles is one row.
{#- The year steps, most trusted first (macros/visit_year_columns.sql): the year the
    reports give (the text's, else the page's date; int_visits), then the officeholders'. -#}
{%- set year_steps = [
    ("v.inferred_year", "v.year_source"),
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
    v.evidence,
    v.basis,
    {{ visit_year_columns(year_steps, 'oh.year_min', 'oh.year_max') }}
from {{ ref('int_visits') }} as v
left join {{ ref('dim_province') }} as vp on vp.name = v.visiting_province
left join {{ ref('dim_province') }} as hp on hp.name = v.host_province
left join {{ ref('int_visit_officeholder_years') }} as oh on oh.visit_id = v.visit_id
