-- One row per raw file ever seen, with what became of it.
select
    f.article_id,
    f.file_name,
    f.content_sha256,
    c.published_date,
    c.source,
    c.title,
    c.script,
    f.status,
    f.status_reason,
    c.encoding,
    f.size_bytes,
    length(c.clean_text) as clean_chars,
    c.pinyin_removed,
    c.garbled_spans_found,
    c.garbled_spans_rebuilt,
    c.garbled_spans_placeholder,
    c.reporters,
    c.editors,
    coalesce(e.visit_count, 0) as visit_count,
    e.extract_error,
    f.first_seen_at,
    f.last_seen_at
from {{ ref('int_article_files') }} as f
left join {{ ref('stg_cleaned_articles') }} as c using (content_sha256)
left join {{ ref('stg_extractions') }} as e using (content_sha256)
