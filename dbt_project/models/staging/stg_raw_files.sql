-- One row per file name ever seen under the raw directory.
select
    file_name::varchar as file_name,
    content_sha256::varchar as content_sha256,
    size_bytes::bigint as size_bytes,
    is_present::boolean as is_present,
    read_error::varchar as read_error,
    first_seen_at::timestamptz as first_seen_at,
    last_seen_at::timestamptz as last_seen_at
from {{ source('staging_parquet', 'raw_files') }}
