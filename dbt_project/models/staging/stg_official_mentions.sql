select o.*
from {{ source('staging_parquet', 'official_mentions') }} as o
inner join {{ ref('stg_extractions') }} as e
    on e.content_sha256 = o.content_sha256 and e.batch_id = o.batch_id
