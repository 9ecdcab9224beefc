-- Every raw file with its article id and status (loaded, duplicate, quarantined, removed).
-- The id comes from the content hash: the first file seen with a content gets the plain id,
-- later files with it (copies, a renamed file) get a suffix from their name. Ranking only by
-- when and under which name a file was first seen keeps each file's id stable across builds.
-- Status, first match wins: removed (left raw/), quarantined (unreadable, never cleaned, or
-- undecodable), duplicate (an earlier present file has the same content), else loaded.
with ranked as (
    select
        f.*,
        row_number() over (
            partition by f.content_sha256 order by f.first_seen_at, f.file_name
        ) as id_rank,
        row_number() over (
            partition by f.content_sha256 order by not f.is_present, f.first_seen_at, f.file_name
        ) as present_rank,
        first_value(f.file_name) over (
            partition by f.content_sha256 order by not f.is_present, f.first_seen_at, f.file_name
        ) as canonical_file
    from {{ ref('stg_raw_files') }} as f
)

select
    case
        when r.id_rank = 1 then 'a' || left(r.content_sha256, 16)
        else 'a' || left(r.content_sha256, 16) || '-' || left(md5(r.file_name), 6)
    end as article_id,
    r.file_name,
    r.content_sha256,
    r.size_bytes,
    r.first_seen_at,
    r.last_seen_at,
    case
        when not r.is_present then 'removed'
        when r.read_error is not null then 'quarantined'
        when c.content_sha256 is null then 'quarantined'
        when c.decode_status <> 'ok' then 'quarantined'
        when r.present_rank > 1 then 'duplicate'
        else 'loaded'
    end as status,
    case
        when not r.is_present then 'file left the raw directory; last seen ' || strftime(r.last_seen_at, '%Y-%m-%d %H:%M:%S UTC')
        when r.read_error is not null then r.read_error
        when c.content_sha256 is null then 'not processed: the file could not be read when the build ran'
        when c.decode_status <> 'ok' then c.decode_reason
        when r.present_rank > 1 then 'same content as ' || r.canonical_file
    end as status_reason
from ranked as r
left join {{ ref('stg_cleaned_articles') }} as c using (content_sha256)
