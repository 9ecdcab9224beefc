-- Visits from the current extraction of each content; rows of superseded or unfinished
-- batches (a crash before the extraction log was written) are left out by the join.
select v.*
from {{ source('staging_parquet', 'visit_mentions') }} as v
inner join {{ ref('stg_extractions') }} as e
    on e.content_sha256 = v.content_sha256 and e.batch_id = v.batch_id
