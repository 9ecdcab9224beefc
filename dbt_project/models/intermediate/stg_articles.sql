-- One row per loaded article: the repaired simplified text every extraction reads.
-- Published in schema staging because ../shared/CONTRACT.md pins `staging.stg_articles`;
-- it lives with the intermediate models because it joins two of them.
-- A view over two tables of the same file (never over the staging Parquet): a table would
-- hold a second copy of every article's text, and at 100,000 articles writing and
-- checkpointing that copy was minutes of each build.
{{ config(schema = 'staging', materialized = 'view') }}
select
    f.article_id,
    c.clean_text,
    c.raw_text,
    c.title,
    c.published_date,
    c.source,
    c.script,
    c.reporters,
    c.editors,
    c.captions
from {{ ref('int_article_files') }} as f
inner join {{ ref('stg_cleaned_articles') }} as c using (content_sha256)
where f.status = 'loaded'
