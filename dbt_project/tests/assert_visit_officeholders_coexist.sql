-- Warns while the reference table cannot seat some visit's provincial top leaders together
-- (the rows are audit.audit_officeholder_conflicts, which the build summary counts).
{{ config(severity = 'warn') }}
select * from {{ ref('audit_officeholder_conflicts') }}
