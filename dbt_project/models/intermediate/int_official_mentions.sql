-- Official mentions tied to their visit and article, with the person's id after merges
-- (seeds/corrections/merge_official.csv) and the per-visit corrections
-- (seeds/corrections/visit_official.csv: drop the person from the visit, or set the side).
with mentions as (
    select
        k.visit_id,
        k.article_id,
        {{ official_id('o.name', 'o.province') }} as found_official_id,
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
    -- a dropped visit takes its officials with it
    inner join {{ ref('int_visits_corrected') }} as v on v.visit_id = k.visit_id
),

merged as (
    select
        m.*,
        coalesce(g.into_official_id, m.found_official_id) as official_id,
        g.note as merge_note
    from mentions as m
    left join {{ ref('merge_official') }} as g on g.official_id = m.found_official_id
)

select
    m.visit_id,
    m.article_id,
    m.official_id,
    m.found_official_id,
    m.name,
    m.province,
    m.titles,
    case when c.action = 'side' then c.side else m.side end as side,
    m.is_leader,
    m.evidence,
    m.mention_seq,
    m.visit_date,
    m.merge_note is not null or c.visit_id is not null as is_corrected,
    nullif(concat_ws('; ', m.merge_note, c.note), '') as correction_note
from merged as m
-- keyed by the official_id the marts show, after merges
left join {{ ref('visit_official') }} as c
    on c.visit_id = m.visit_id and c.official_id = m.official_id and c.action in ('drop', 'side')
where c.action is distinct from 'drop'
