-- One row per person: same name and province across articles, after merges.
select
    m.official_id,
    -- a merged person keeps the name and province of the row merged into
    first(m.name order by m.found_official_id <> m.official_id, m.name) as name,
    first(m.province order by m.found_official_id <> m.official_id, m.province) as province,
    list_sort(list_distinct(flatten(list(m.titles)))) as titles,
    min(coalesce(m.visit_date, a.published_date)) as first_seen,
    max(coalesce(m.visit_date, a.published_date)) as last_seen,
    count(distinct m.visit_id)::integer as visit_count,
    coalesce(any_value(lp.leader_posts), []::varchar[]) as leader_posts,
    first(py.name_pinyin order by m.found_official_id <> m.official_id, m.name) as name_pinyin,
    bool_or(g.official_id is not null) as is_corrected,
    string_agg(distinct g.note, '; ') as correction_note
from {{ ref('int_official_mentions') }} as m
left join {{ ref('stg_articles') }} as a using (article_id)
left join {{ ref('int_name_pinyin') }} as py on py.name = m.name
left join {{ ref('merge_official') }} as g on g.official_id = m.found_official_id
-- the reference's top posts for this name in this province, 'province post YYYY-MM..YYYY-MM'
left join (
    select
        official_id,
        list(province || ' ' || post_title || ' ' || start_month || '..' || coalesce(end_month, '')
             order by start_month, post) as leader_posts
    from {{ ref('int_official_leader_posts') }}
    group by official_id
) as lp on lp.official_id = m.official_id
group by m.official_id
