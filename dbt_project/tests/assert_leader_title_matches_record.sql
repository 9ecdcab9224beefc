-- Warns while any visit row's title contradicts the reference table of provincial leaders
-- (the rows are audit.audit_leader_title_contradictions, which the build summary counts).
{{ config(severity = 'warn') }}
select * from {{ ref('audit_leader_title_contradictions') }}
