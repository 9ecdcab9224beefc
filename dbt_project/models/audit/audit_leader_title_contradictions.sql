-- Visit rows whose title contradicts the reference table of provincial leaders: someone
-- called a province's party secretary or government head in a month (or, with no month,
-- a year) that the table gives that post to someone else. Only visits whose year is
-- known (from the text or the page, not from the officeholders themselves) are judged.
-- Each row is an extraction error (wrong name, title or side) or a gap in the reference.
-- Judged at the widest slack the year inference allows, so a changeover month is no error.
{% set slack = var('officeholder_slack_months') | max %}

with claims as (
    select
        b.visit_id,
        b.article_id,
        o.name,
        o.province,
        t.title,
        t.post,
        f.inferred_year,
        try_cast(left(f.start_md, 2) as integer) as visit_month
    from {{ ref('bridge_visit_official') }} as b
    inner join {{ ref('dim_official') }} as o on o.official_id = b.official_id
    inner join {{ ref('fact_visit') }} as f on f.visit_id = b.visit_id
    inner join {{ ref('provinces') }} as p on p.name = o.province
    inner join {{ ref('leader_post_titles') }} as t
        on t.province_type = p.province_type and list_contains(b.titles, t.title)
    where f.year_source in ('text', 'published_date')
),

windows as (
    -- the months the visit may fall in, widened by the slack the year inference allows
    select
        *,
        inferred_year * 12 + coalesce(visit_month - 1, 0) - {{ slack }} as w_lo,
        inferred_year * 12 + coalesce(visit_month - 1, 11) + {{ slack }} as w_hi
    from claims
),

holders as (
    select
        w.visit_id,
        w.article_id,
        w.name,
        w.province,
        w.title,
        w.post,
        l.name as holder,
        l.start_month,
        l.end_month,
        w.inferred_year,
        w.visit_month
    from windows as w
    inner join {{ ref('provincial_leaders') }} as l
        on l.province = w.province
        and l.post = w.post
        and {{ month_index('l.start_month') }} <= w.w_hi
        and coalesce({{ month_index("nullif(l.end_month, '')") }}, w.w_lo) >= w.w_lo
)

select
    visit_id,
    article_id,
    name,
    province,
    title,
    inferred_year::varchar || coalesce('-' || lpad(visit_month::varchar, 2, '0'), '') as visit_when,
    string_agg(holder || ' ' || start_month || '..' || coalesce(nullif(end_month, ''), ''), '; '
               order by start_month) as record_holders
from holders
group by visit_id, article_id, name, province, title, post, inferred_year, visit_month
having not bool_or(holder = name)
