-- One row per visit, with the id every mart uses.
with islands as (
    select
        visiting_unit,
        host_unit,
        year_known,
        island,
        any_value(visiting_province) as visiting_province,
        any_value(host_province) as host_province,
        min(start_date) as start_date,
        max(end_date) as end_date,
        arg_min(start_md, sort_start) as start_md,
        arg_max(end_md, sort_end) as end_md,
        list_sort(list_distinct(flatten(list(host_cities)))) as host_cities,
        -- the fullest form any report gives; ties broken by the text, so reruns agree
        first(meeting_name order by length(meeting_name) desc, meeting_name)
            filter (where meeting_name is not null) as meeting_name,
        first(programme order by length(programme) desc, programme)
            filter (where programme is not null) as programme,
        {{ ordered_distinct('flatten(list(leader_names order by article_id, visit_seq))') }} as leader_names,
        list_sort(list_distinct(list(article_id))) as article_ids,
        first(evidence order by article_id, visit_seq) filter (where evidence is not null) as evidence,
        list_sort(list_distinct(flatten(list(basis)))) as basis,
        list_sort(list_distinct(flatten(list(year_hints) filter (where year_hints is not null)))) as year_hints,
        min(page_year) as page_year,
        bool_or(year_source = 'text') as year_in_text,
        min(sort_start) as first_day,
        min(article_id || ':' || visit_seq) as first_report
    from {{ ref('int_visit_reports') }}
    group by visiting_unit, host_unit, year_known, island
)

select
    -- from the delegation, the host and the first day; a report with no usable day is
    -- its own visit, named by the report
    left(md5(concat_ws('|', visiting_unit, host_unit, year_known::varchar,
                       coalesce(first_day::varchar, 'undated ' || first_report))), 16) as visit_id,
    *,
    coalesce(year(start_date), page_year)::integer as inferred_year,
    case
        when start_date is not null and year_in_text then 'text'
        when start_date is not null or page_year is not null then 'published_date'
    end as year_source
from islands
