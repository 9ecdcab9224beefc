-- Each visit as one loaded article reports it, grouped with the reports of the same visit
-- by other articles: same delegation and host, overlapping days (gaps and islands).
-- A report without a year takes the year of a dated report of the same delegation and
-- host whose days overlap its month-days; other undated reports group among themselves on
-- their month-days, and a report with no usable day at all stands alone.
with reports as (
    select
        f.article_id,
        v.content_sha256,
        v.visit_seq,
        v.visiting_province,
        v.host_province,
        v.visiting_unit,
        v.host_unit,
        v.start_date,
        coalesce(v.end_date, v.start_date) as end_date,
        v.start_md,
        coalesce(v.end_md, v.start_md) as end_md,
        v.host_cities,
        v.meeting_name,
        v.programme,
        v.leader_names,
        v.evidence,
        v.basis,
        v.year_hints,
        v.year_source,
        -- the year the page gives when the text does not: a visit is not reported before it
        -- happens, so month-days after the publication's fall in the year before
        case
            when v.start_date is not null then null
            when v.start_md is null then year(c.published_date)
            else year(c.published_date) - (v.start_md > strftime(c.published_date, '%m-%d'))::int
        end as page_year
    from {{ ref('stg_visit_mentions') }} as v
    inner join {{ ref('int_article_files') }} as f
        on f.content_sha256 = v.content_sha256 and f.status = 'loaded'
    left join {{ ref('stg_cleaned_articles') }} as c on c.content_sha256 = v.content_sha256
),

borrowed_year as (
    select u.article_id, u.visit_seq, min(year(d.start_date)) as year
    from reports as u
    inner join reports as d
        on d.visiting_unit = u.visiting_unit
        and d.host_unit = u.host_unit
        and d.start_date is not null
        and strftime(d.start_date, '%m-%d') <= u.end_md
        and strftime(d.end_date, '%m-%d') >= u.start_md
    where u.start_date is null and u.start_md is not null
    group by u.article_id, u.visit_seq
),

placed as (
    select
        r.*,
        r.start_date is not null or b.year is not null as year_known,
        -- a comparable day for every report: its date, a borrowed year, or a leap year
        coalesce(
            r.start_date,
            try_strptime(coalesce(b.year, 2000)::varchar || '-' || r.start_md, '%Y-%m-%d')::date
        ) as sort_start,
        coalesce(
            r.end_date,
            try_strptime(coalesce(b.year, 2000)::varchar || '-' || r.end_md, '%Y-%m-%d')::date
        ) as sort_end
    from reports as r
    left join borrowed_year as b using (article_id, visit_seq)
),

flagged as (
    select
        *,
        case
            when sort_start is null then 1
            when sort_start <= max(sort_end) over (
                partition by visiting_unit, host_unit, year_known
                order by sort_start, sort_end, article_id, visit_seq
                rows between unbounded preceding and 1 preceding
            ) then 0
            else 1
        end as starts_island
    from placed
)

select
    *,
    sum(starts_island) over (
        partition by visiting_unit, host_unit, year_known
        order by sort_start, sort_end, article_id, visit_seq
        rows unbounded preceding
    ) as island
from flagged
