{{ config(description = 'dim_province holds exactly the 34 provincial-level units.') }}
select count(*) as n from {{ ref('dim_province') }} having count(*) <> 34
