{{ config(description = 'No visit ends before it starts.') }}
select visit_id, start_date, end_date, start_md, end_md
from {{ ref('fact_visit') }}
where end_date < start_date
   or (start_date is null and end_md < start_md and left(start_md, 2) <> '12')
