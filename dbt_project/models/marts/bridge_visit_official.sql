-- Who took part in which visit, as one article says.
select
    visit_id,
    official_id,
    article_id,
    any_value(side order by mention_seq) as side,
    {{ ordered_distinct('flatten(list(titles order by mention_seq))') }} as titles,
    bool_or(is_leader) as is_leader,
    any_value(evidence order by mention_seq) as evidence
from {{ ref('int_official_mentions') }}
group by visit_id, official_id, article_id
