-- Which visit each article's report belongs to.
select
    v.visit_id,
    r.article_id,
    r.content_sha256,
    r.visit_seq
from {{ ref('int_visit_reports') }} as r
inner join {{ ref('int_visits') }} as v
    on v.visiting_unit = r.visiting_unit
    and v.host_unit = r.host_unit
    and v.year_known = r.year_known
    and v.island = r.island
