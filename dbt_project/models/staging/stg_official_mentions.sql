-- Official mentions from the current extraction of each content (as stg_visit_mentions).
select
    o.content_sha256::varchar as content_sha256,
    o.batch_id::varchar as batch_id,
    o.visit_seq::bigint as visit_seq,
    o.mention_seq::bigint as mention_seq,
    o.name::varchar as name,
    o.province::varchar as province,
    o.titles::varchar[] as titles,
    o.side::varchar as side,
    o.is_leader::boolean as is_leader,
    o.evidence::varchar as evidence
from {{ source('staging_parquet', 'official_mentions') }} as o
inner join {{ ref('stg_current_batches') }} as p
    on p.content_sha256 = o.content_sha256 and p.extract_batch_id = o.batch_id
