-- One row per (visit, article reporting it), with that article's source, date and the
-- sentence in it that establishes the visit.
select
    k.visit_id,
    k.article_id,
    any_value(a.source) as source,
    any_value(a.published_date) as published_date,
    first(r.evidence order by k.visit_seq) as evidence
from {{ ref('int_visit_report_keys') }} as k
inner join {{ ref('fact_visit') }} as f using (visit_id)
left join {{ ref('int_visit_reports') }} as r
    on r.article_id = k.article_id and r.visit_seq = k.visit_seq
left join {{ ref('stg_articles') }} as a on a.article_id = k.article_id
group by k.visit_id, k.article_id
