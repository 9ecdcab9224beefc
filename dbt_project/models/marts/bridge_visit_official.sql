-- Who took part in which visit, as one article says.
with bridge as (
    select
        visit_id,
        official_id,
        article_id,
        any_value(side order by mention_seq) as side,
        {{ ordered_distinct('flatten(list(titles order by mention_seq))') }} as titles,
        bool_or(is_leader) as is_leader,
        any_value(evidence order by mention_seq) as evidence,
        any_value(province) as province,
        bool_or(is_corrected) as is_corrected,
        any_value(correction_note) filter (where correction_note is not null) as correction_note
    from {{ ref('int_official_mentions') }}
    group by visit_id, official_id, article_id
),

ranked as (
    -- each title's rank: the seed title it ends with (苏州市委书记 ends with 市委书记), the
    -- longest such; a bare 市委书记 of a 直辖市 official is its 市委书记(直辖市) row
    select
        b.visit_id,
        b.official_id,
        b.article_id,
        min(t.rank) as title_rank,
        -- no title at all unnests to one NULL title, so it is no group title
        bool_and(g.title is not null) as is_group_title
    from bridge as b
    left join {{ ref('dim_province') }} as p on p.name = b.province
    left join unnest(b.titles) as u(title) on true
    left join lateral (
        select s.rank
        from {{ ref('titles') }} as s
        where u.title like '%' || regexp_replace(s.title, '\(.*\)$', '')
        order by
            length(regexp_replace(s.title, '\(.*\)$', '')) desc,
            (s.title like '%(直辖市)') = coalesce(
                u.title = regexp_replace(s.title, '\(.*\)$', '') and p.province_type = '直辖市', false
            ) desc,
            s.rank
        limit 1
    ) as t on true
    left join {{ ref('group_titles') }} as g on g.title = u.title
    group by b.visit_id, b.official_id, b.article_id
)

select
    b.visit_id,
    b.official_id,
    b.article_id,
    b.side,
    b.titles,
    b.is_leader,
    b.evidence,
    r.title_rank,
    coalesce(r.is_group_title, false) as is_group_title,
    b.is_corrected,
    b.correction_note
from bridge as b
inner join ranked as r using (visit_id, official_id, article_id)
