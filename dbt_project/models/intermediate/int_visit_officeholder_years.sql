-- Year bounds for every visit from the tenures of the provincial top leaders taking part.
-- An official titled as a province's party secretary or government head (either side)
-- claims that post; the visit falls within every claimed tenure, so its year lies in the
-- intersection of their year ranges. The visit's month (start_md) narrows each range: a
-- tenure 2012-07..2017-05 holds a March visit only in 2013..2017. An acting title (代省长)
-- holds only the tenure's first var('officeholder_acting_months') months.
-- Reference months are the appointment months and may be a month or two off at
-- changeovers (see ../shared/reference/provincial_leaders.md), hence a slack of months
-- either side of each tenure: the narrowest slack whose intersection is not empty is
-- used, so a wider one only rescues leaders the record's months cannot seat together.

with slacks as (
    select unnest({{ var('officeholder_slack_months') }}) as slack
),

claims as (
    -- one row per (visit, official, post) a title names; the title words are the
    -- leader_post_titles seed, which also says which kind of province uses them. A claim
    -- is acting when every title naming the post is an acting one (代省长).
    select m.visit_id, m.official_id, t.post, bool_and(t.is_acting) as is_acting
    from {{ ref('int_official_mentions') }} as m
    inner join {{ ref('provinces') }} as p on p.name = m.province
    inner join {{ ref('leader_post_titles') }} as t
        on t.province_type = p.province_type and list_contains(m.titles, t.title)
    group by m.visit_id, m.official_id, t.post
),

visit_months as (
    select visit_id, try_cast(left(start_md, 2) as integer) as visit_month, year_hints
    from {{ ref('int_visits') }}
),

tenure_months as (
    -- the months a claim can hold: the tenure, or under an acting title only its first
    -- months (the record starts a government head's tenure at the acting appointment)
    select
        c.visit_id,
        c.official_id,
        c.post,
        lp.is_verified,
        lp.start_index,
        case
            -- least() skips NULL: a holder still in office is acting for the months alone
            when c.is_acting then least(lp.end_index, lp.start_index + {{ var('officeholder_acting_months') }})
            else lp.end_index
        end as end_index
    from claims as c
    inner join {{ ref('int_official_leader_posts') }} as lp
        on lp.official_id = c.official_id and lp.post = c.post
),

tenure_years as (
    -- the years Y whose visit month lies within the tenure (± slack): lo..hi, hi NULL
    -- while the person is still in office; with no month, any month of Y will do
    select
        s.slack,
        c.visit_id,
        c.official_id,
        c.post,
        c.is_verified,
        ceil((c.start_index - s.slack - coalesce(vm.visit_month - 1, 11)) / 12)::integer as lo,
        floor((c.end_index + s.slack - coalesce(vm.visit_month - 1, 0)) / 12)::integer as hi
    from tenure_months as c
    cross join slacks as s
    inner join visit_months as vm on vm.visit_id = c.visit_id
),

claim_ranges as (
    -- a person who held the post more than once: the hull of the tenures (never excludes
    -- a right year); a claim no tenure can hold in that month makes the visit inconsistent
    select
        slack,
        visit_id,
        official_id,
        post,
        bool_or(hi is null or lo <= hi) as usable,
        min(lo) filter (where hi is null or lo <= hi) as lo,
        case when bool_or(hi is null) then null else max(hi) filter (where lo <= hi) end as hi,
        bool_and(is_verified) filter (where hi is null or lo <= hi) as is_verified
    from tenure_years
    group by slack, visit_id, official_id, post
),

bounds as (
    -- the intersection; min() skips open ends. The verified-only intersection is wider
    -- or equal, since it drops every claim resting on an unverified row.
    select
        slack,
        visit_id,
        count(*)::integer as claim_count,
        bool_and(usable) as all_usable,
        max(lo) as lo,
        min(hi) as hi,
        max(lo) filter (where is_verified) as verified_lo,
        min(hi) filter (where is_verified) as verified_hi
    from claim_ranges
    group by slack, visit_id
),

judged as (
    select
        *,
        all_usable and (hi is null or lo <= hi) as is_consistent,
        coalesce(all_usable and lo = hi, false) as is_single,
        slack = min(slack) over (partition by visit_id) as is_narrowest
    from bounds
),

narrowest as (
    -- the narrowest consistent slack, else (no year at all) the narrowest
    select *
    from judged
    qualify row_number() over (partition by visit_id order by is_consistent desc, slack) = 1
),

chosen as (
    -- tenures that allow several years: the one year among them the text frames as its
    -- present (int_visits.year_hints), when exactly one does; hints outside are ignored
    select
        n.*,
        case when len(f.fits) = 1 then f.fits[1] end as hint_year
    from narrowest as n
    left join (
        select n.visit_id, list_filter(vm.year_hints, lambda y: y between n.lo and coalesce(n.hi, y)) as fits
        from narrowest as n
        inner join visit_months as vm on vm.visit_id = n.visit_id
        where n.is_consistent and not n.is_single
    ) as f on f.visit_id = n.visit_id
)

select
    visit_id,
    case when is_single then lo else hint_year end as oh_year,
    case
        -- verified rows alone pin it (or, with a hint, allow the same years), at the
        -- record's months (the narrowest slack)
        when (is_single or hint_year is not null) and verified_lo = lo and verified_hi is not distinct from hi
            and is_narrowest then 'officeholders'
        when is_single or hint_year is not null then 'officeholders_unverified'
    end as oh_year_source,
    hint_year is not null as is_from_hint,
    case when is_consistent and not is_single and hint_year is null then lo end as year_min,
    case when is_consistent and not is_single and hint_year is null then hi end as year_max,
    claim_count,
    slack as slack_months,
    not is_consistent as is_contradictory
from chosen
