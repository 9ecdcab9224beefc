-- Visits whose provincial top leaders the reference table cannot seat together: no year
-- in which each held the post a title gives them, at the visit's month, even at the widest
-- slack. The year stays unknown; the cause is an extraction error or a reference gap.
select
    y.visit_id,
    f.start_md,
    string_agg(distinct o.name || ' ' || lp.post_title || ' ' || lp.start_month || '..'
               || coalesce(lp.end_month, ''), '; ') as tenures
from {{ ref('int_visit_officeholder_years') }} as y
inner join {{ ref('fact_visit') }} as f on f.visit_id = y.visit_id
inner join {{ ref('bridge_visit_official') }} as b on b.visit_id = y.visit_id
inner join {{ ref('dim_official') }} as o on o.official_id = b.official_id
inner join {{ ref('int_official_leader_posts') }} as lp on lp.official_id = b.official_id
where y.is_contradictory
group by y.visit_id, f.start_md
