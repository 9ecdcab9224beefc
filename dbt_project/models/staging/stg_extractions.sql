-- The current extraction of each content (zero visits too): the one the ledger's pointer
-- names, made by the current extractor from the current cleaning.
select
    e.content_sha256::varchar as content_sha256,
    e.clean_batch_id::varchar as clean_batch_id,
    e.batch_id::varchar as batch_id,
    e.extract_version::varchar as extract_version,
    e.processed_at::timestamptz as processed_at,
    e.visit_count::bigint as visit_count,
    e.extract_error::varchar as extract_error
from {{ source('staging_parquet', 'extractions') }} as e
inner join {{ ref('stg_current_batches') }} as p
    on p.content_sha256 = e.content_sha256 and p.extract_batch_id = e.batch_id
