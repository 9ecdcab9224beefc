-- One row per delegation visit; a visit reported by several articles is one row.
-- Units resolve to GB/T 2260 within the visit's own province (和平区 is in 天津 and 沈阳);
-- for several units joined by 、 the first named stands for the delegation.
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
    {{ visit_year_columns(year_steps, 'oh.year_min', 'oh.year_max') }},
    -- the extractor gives a day or nothing; 'month' is for an 'MM' (or 'MM-00') month-day
    case
        when v.start_date is not null then 'day'
        when regexp_full_match(v.start_md, '\d{2}(-00)?') then 'month'
        when v.start_md is not null then 'month_day_no_year'
        else 'none'
    end as date_precision,
    vu.code as visiting_unit_code,
    hu.code as host_unit_code,
    vu.level as visiting_level,
    hu.level as host_level,
    v.is_corrected,
    v.correction_note
from {{ ref('int_visits_corrected') }} as v
left join {{ ref('dim_province') }} as vp on vp.name = v.visiting_province
left join {{ ref('dim_province') }} as hp on hp.name = v.host_province
left join {{ ref('int_unit_names') }} as vu
    on vu.province_name = v.visiting_province and vu.unit_name = split_part(v.visiting_unit, '、', 1)
left join {{ ref('int_unit_names') }} as hu
    on hu.province_name = v.host_province and hu.unit_name = split_part(v.host_unit, '、', 1)
left join {{ ref('int_visit_officeholder_years') }} as oh on oh.visit_id = v.visit_id
-- rows in the order the visits happened, so that readers (and a scorer taking an article's
-- visits in table order) meet two trips of one pair in their own order; visits of one day
-- in the order the article tells them
order by v.start_date nulls last, v.start_md nulls last, v.first_report, v.visit_id
