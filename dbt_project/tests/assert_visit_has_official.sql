-- Warn, not fail: a short report may name a delegation and nobody in it.
{{ config(severity = 'warn') }}
select v.visit_id
from {{ ref('fact_visit') }} as v
left join {{ ref('bridge_visit_official') }} as b using (visit_id)
where b.visit_id is null
