-- Official mentions tied to their visit and article, with the person's id.
select
    k.visit_id,
    k.article_id,
    left(md5(o.name || '|' || coalesce(o.province, '')), 16) as official_id,
    o.name,
    o.province,
    o.titles,
    o.side,
    o.is_leader,
    o.evidence,
    o.mention_seq,
    v.start_date as visit_date
from {{ ref('stg_official_mentions') }} as o
inner join {{ ref('int_visit_report_keys') }} as k
    on k.content_sha256 = o.content_sha256 and k.visit_seq = o.visit_seq
inner join {{ ref('int_visits') }} as v on v.visit_id = k.visit_id
