-- The newest cleaning of each distinct content (older rows are from older code).
select *
from {{ source('staging_parquet', 'cleaned_articles') }}
qualify row_number() over (partition by content_sha256 order by processed_at desc, batch_id desc) = 1
