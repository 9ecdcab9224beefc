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
    name_pinyin(first(m.name order by m.found_official_id <> m.official_id, m.name)) as name_pinyin,
    bool_or(g.official_id is not null) as is_corrected,
    string_agg(distinct g.note, '; ') as correction_note
from {{ ref('int_official_mentions') }} as m
left join {{ ref('stg_articles') }} as a using (article_id)
left join {{ ref('merge_official') }} as g on g.official_id = m.found_official_id
group by m.official_id
