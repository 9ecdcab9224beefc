select visit_id, visiting_province, host_province
from {{ ref('fact_visit') }}
where visiting_province = host_province
