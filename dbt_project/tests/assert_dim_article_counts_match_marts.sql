-- Fails on any article or visit whose counts disagree between dim_article and the visit marts:
-- - a loaded article's visit_count (what the extraction log says it found) is not the number
--   of its reports that reached a visit (a lost or corrupt visits batch shows here);
-- - a report of a visit in fact_visit has no bridge_visit_article row, or a bridge row has
--   no such report;
-- - a visit's report_count is not its number of bridge_visit_article rows;
-- - an article that is not loaded is in bridge_visit_article.
{{ config(
    meta = {'dagster': {'ref': {'name': 'dim_article'}}},
    description = "dim_article's visit counts, fact_visit's report counts and bridge_visit_article agree.",
) }}
with reports as (
    select article_id, count(*) as n
    from {{ ref('int_visit_report_keys') }}
    group by article_id
),

reported as (
    select distinct k.visit_id, k.article_id
    from {{ ref('int_visit_report_keys') }} as k
    inner join {{ ref('fact_visit') }} as f using (visit_id)
),

bridged as (
    select visit_id, article_id from {{ ref('bridge_visit_article') }}
)

select a.article_id, null as visit_id, 'visit_count ' || a.visit_count || ' but ' || coalesce(r.n, 0) || ' reports' as problem
from {{ ref('dim_article') }} as a
left join reports as r using (article_id)
where a.status = 'loaded' and a.visit_count <> coalesce(r.n, 0)

union all

select article_id, visit_id, 'report without a bridge_visit_article row'
from (select * from reported except select * from bridged)

union all

select article_id, visit_id, 'bridge_visit_article row without a report'
from (select * from bridged except select * from reported)

union all

select null, f.visit_id, 'report_count ' || f.report_count || ' but ' || count(b.article_id) || ' bridge rows'
from {{ ref('fact_visit') }} as f
left join bridged as b using (visit_id)
group by f.visit_id, f.report_count
having f.report_count <> count(b.article_id)

union all

select b.article_id, b.visit_id, 'article in bridge_visit_article is ' || coalesce(a.status, 'not in dim_article')
from bridged as b
left join {{ ref('dim_article') }} as a using (article_id)
where a.status is distinct from 'loaded'
