-- The ledger's pointer: for each content, its current cleaning batch and the current
-- extraction of it (NULL until the current extractor has read it).
select
    content_sha256::varchar as content_sha256,
    clean_batch_id::varchar as clean_batch_id,
    clean_version::varchar as clean_version,
    decode_status::varchar as decode_status,
    extract_batch_id::varchar as extract_batch_id,
    extract_version::varchar as extract_version,
    updated_at::timestamptz as updated_at
from {{ source('staging_parquet', 'current_batches') }}
