-- One row per (visit, article reporting it), with that article's source and date.
select distinct
    k.visit_id,
    k.article_id,
    a.source,
    a.published_date,
    -- NULL until staging carries each report's evidence sentence (the extraction issue fills it)
    null::varchar as evidence
from {{ ref('int_visit_report_keys') }} as k
inner join {{ ref('fact_visit') }} as f using (visit_id)
left join {{ ref('stg_articles') }} as a using (article_id)
