-- Official titles with their seniority (lower rank = more senior), as leaders are chosen.
select title, level, rank, note from {{ ref('titles') }}
