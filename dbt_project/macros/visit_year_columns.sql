{#
  inferred_year, year_source, year_min and year_max of a visit.
  steps: (year expression, source expression) pairs in order of trust; the first step
  that knows the year gives it and names itself. The bounds are kept only while no step
  knows the year (they come from the officeholders' tenures).
#}
{% macro visit_year_columns(steps, year_min, year_max) -%}
    {%- set years = [] -%}
    {%- for step in steps %}{% do years.append(step[0]) %}{% endfor -%}
    coalesce({{ years | join(', ') }})::integer as inferred_year,
    case
        {%- for step in steps %}
        when {{ step[0] }} is not null then {{ step[1] }}
        {%- endfor %}
    end as year_source,
    (case when coalesce({{ years | join(', ') }}) is null then {{ year_min }} end)::integer as year_min,
    (case when coalesce({{ years | join(', ') }}) is null then {{ year_max }} end)::integer as year_max
{%- endmacro %}
