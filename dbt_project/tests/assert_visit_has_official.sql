-- Warn, not fail: a short report may name a delegation and nobody in it.
{{ config(
    severity = 'warn',
    meta = {'dagster': {'ref': {'name': 'fact_visit'}}},
    description = 'Every visit names at least one official (warns: a short report may name nobody).',
) }}
select v.visit_id
from {{ ref('fact_visit') }} as v
left join {{ ref('bridge_visit_official') }} as b using (visit_id)
where b.visit_id is null
