select count(*) as n from {{ ref('dim_province') }} having count(*) <> 34
