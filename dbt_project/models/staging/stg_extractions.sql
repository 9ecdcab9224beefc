-- The newest extraction that read the current cleaning of each content.
select e.*
from {{ source('staging_parquet', 'extractions') }} as e
inner join {{ ref('stg_cleaned_articles') }} as c
    on c.content_sha256 = e.content_sha256 and c.batch_id = e.clean_batch_id
qualify row_number() over (partition by e.content_sha256 order by e.processed_at desc, e.batch_id desc) = 1
