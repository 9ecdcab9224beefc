{{ config(description = 'No visit has the same visiting and host province.') }}
select visit_id, visiting_province, host_province
from {{ ref('fact_visit') }}
where visiting_province = host_province
