-- Every raw file with its article id and status.
-- The first present file of a content gets the plain id from the content hash; later
-- copies and departed files get a suffix from their name, so the id stays unique per row.
with ranked as (
    select
        f.*,
        row_number() over (
            partition by f.content_sha256
            order by f.is_present desc, f.first_seen_at, f.file_name
        ) as copy_rank,
        first_value(f.file_name) over (
            partition by f.content_sha256
            order by f.is_present desc, f.first_seen_at, f.file_name
        ) as canonical_file
    from {{ ref('stg_raw_files') }} as f
)

select
    case
        when r.copy_rank = 1 then 'a' || left(r.content_sha256, 16)
        else 'a' || left(r.content_sha256, 16) || '-' || left(md5(r.file_name), 6)
    end as article_id,
    r.file_name,
    r.content_sha256,
    r.size_bytes,
    r.first_seen_at,
    r.last_seen_at,
    case
        when not r.is_present then 'removed'
        when c.content_sha256 is null then 'quarantined'
        when c.decode_status <> 'ok' then 'quarantined'
        when r.copy_rank > 1 then 'duplicate'
        else 'loaded'
    end as status,
    case
        when not r.is_present then 'file left the raw directory; last seen ' || strftime(r.last_seen_at, '%Y-%m-%d %H:%M:%S UTC')
        when c.content_sha256 is null then 'not processed: the file could not be read when the build ran'
        when c.decode_status <> 'ok' then c.decode_reason
        when r.copy_rank > 1 then 'same content as ' || r.canonical_file
    end as status_reason
from ranked as r
left join {{ ref('stg_cleaned_articles') }} as c using (content_sha256)
