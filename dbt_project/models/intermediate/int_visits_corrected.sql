-- Visits after the researchers' corrections (seeds/corrections/): dropped visits are gone and
-- set fields replace what the articles gave. Kept apart from int_visits, whose units and
-- islands tie each report to its visit.
{% set fields = correctable_visit_fields() %}
with sets as (
    select
        visit_id,
        {%- for field, data_type in fields.items() %}
        -- a value that does not read as the type is not applied (the dangling test warns)
        bool_or(field = '{{ field }}' and (value is null or {{ correction_value('value', data_type) }} is not null))
            as has_{{ field }},
        any_value({{ correction_value('value', data_type) }}) filter (where field = '{{ field }}') as new_{{ field }},
        {%- endfor %}
        string_agg(note, '; ' order by field) as note
    from {{ ref('set_visit_field') }}
    group by visit_id
)

select
    v.visit_id,
    {%- for field in fields %}
    case when s.has_{{ field }} then s.new_{{ field }} else v.{{ field }} end as {{ field }},
    {%- endfor %}
    v.article_ids,
    v.first_report,
    v.evidence,
    v.basis,
    v.inferred_year,
    v.year_source,
    s.visit_id is not null as is_corrected,
    s.note as correction_note
from {{ ref('int_visits') }} as v
left join sets as s using (visit_id)
where v.visit_id not in (select visit_id from {{ ref('drop_visit') }} where visit_id is not null)
