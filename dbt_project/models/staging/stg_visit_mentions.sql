-- Visits from the current extraction of each content; rows of superseded or unfinished
-- batches (a crash before the extraction log was written) are not named by the pointer.
-- A table, not incremental: the rows are short, and a redone extraction that finds no
-- visit leaves nothing stale behind.
select
    v.content_sha256::varchar as content_sha256,
    v.batch_id::varchar as batch_id,
    v.visit_seq::bigint as visit_seq,
    v.visiting_province::varchar as visiting_province,
    v.host_province::varchar as host_province,
    v.visiting_unit::varchar as visiting_unit,
    v.host_unit::varchar as host_unit,
    v.start_date::date as start_date,
    v.end_date::date as end_date,
    v.start_md::varchar as start_md,
    v.end_md::varchar as end_md,
    v.host_cities::varchar[] as host_cities,
    v.meeting_name::varchar as meeting_name,
    v.programme::varchar as programme,
    v.leader_names::varchar[] as leader_names,
    v.year_source::varchar as year_source,
    v.evidence::varchar as evidence,
    v.basis::varchar[] as basis,
    v.year_hints::integer[] as year_hints
from {{ source('staging_parquet', 'visit_mentions') }} as v
inner join {{ ref('stg_current_batches') }} as p
    on p.content_sha256 = v.content_sha256 and p.extract_batch_id = v.batch_id
