-- Warns on a correction whose key no longer exists (the visit or person is gone, or was
-- renamed by a change in extraction), names an unknown field or action, or gives a value
-- that does not read as its field's type: it is then
-- applied to nothing, and the researcher should look at it again.
{{ config(
    severity = 'warn',
    meta = {'dagster': {'ref': {'name': 'fact_visit'}}},
    description = 'Every correction under seeds/corrections/ matches a visit, an official or a field that exists.',
) }}
{% set fields = correctable_visit_fields() %}
with visits as (select visit_id from {{ ref('int_visits') }}),
officials as (select distinct visit_id, official_id, found_official_id from {{ ref('int_official_mentions') }})

select 'drop_visit' as correction, visit_id as key, note
from {{ ref('drop_visit') }}
where visit_id is null or visit_id not in (select visit_id from visits)

union all
select 'set_visit_field', visit_id || ' ' || coalesce(field, ''), note
from {{ ref('set_visit_field') }}
where visit_id is null or visit_id not in (select visit_id from visits)
   or field is null or field not in ({% for f in fields %}'{{ f }}'{{ ', ' if not loop.last }}{% endfor %})
   -- a value that does not read as the field's type (a date not YYYY-MM-DD)
   {%- for f, data_type in fields.items() %}
   or (field = '{{ f }}' and value is not null and {{ correction_value('value', data_type) }} is null)
   {%- endfor %}

union all
select 'visit_official', coalesce(visit_id, '') || ' ' || coalesce(official_id, ''), note
from {{ ref('visit_official') }} as c
where action is null or action not in ('drop', 'side')
   or (action = 'side' and side is not null and side not in ('visiting', 'host'))
   -- a dropped person is no longer in int_official_mentions; look for them before the drop
   or not exists (
       select 1 from {{ ref('stg_official_mentions') }} as o
       inner join {{ ref('int_visit_report_keys') }} as k
           on k.content_sha256 = o.content_sha256 and k.visit_seq = o.visit_seq
       left join {{ ref('merge_official') }} as g on g.official_id = {{ official_id('o.name', 'o.province') }}
       where k.visit_id = c.visit_id
         and coalesce(g.into_official_id, {{ official_id('o.name', 'o.province') }}) = c.official_id
   )

union all
select 'merge_official', coalesce(official_id, '') || ' -> ' || coalesce(into_official_id, ''), note
from {{ ref('merge_official') }}
where official_id is null or into_official_id is null
   or official_id not in (select found_official_id from officials)
   or into_official_id not in (select found_official_id from officials)
