-- One row per file name ever seen under the raw directory.
select
    file_name,
    content_sha256,
    size_bytes,
    is_present,
    read_error,
    first_seen_at,
    last_seen_at
from {{ source('staging_parquet', 'raw_files') }}
