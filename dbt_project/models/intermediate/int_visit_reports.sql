-- Each visit as one loaded article reports it, grouped with the reports of the same visit
-- by other articles: same delegation and host, overlapping days (gaps and islands).
-- Reports without a year are grouped among themselves on their month-day.
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
        v.start_date is not null as year_known,
        -- a comparable day for both kinds: the real date, or the month-day in a leap year
        coalesce(v.start_date, try_strptime('2000-' || v.start_md, '%Y-%m-%d')::date) as sort_start,
        coalesce(v.end_date, v.start_date, try_strptime('2000-' || coalesce(v.end_md, v.start_md), '%Y-%m-%d')::date) as sort_end
    from {{ ref('stg_visit_mentions') }} as v
    inner join {{ ref('stg_article_files') }} as f
        on f.content_sha256 = v.content_sha256 and f.status = 'loaded'
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
    from reports
)

select
    *,
    sum(starts_island) over (
        partition by visiting_unit, host_unit, year_known
        order by sort_start, sort_end, article_id, visit_seq
        rows unbounded preceding
    ) as island
from flagged
