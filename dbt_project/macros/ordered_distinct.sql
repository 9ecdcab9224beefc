{# Distinct list elements in first-seen order (list_distinct does not keep order). #}
{% macro ordered_distinct(list_expr) -%}
    list_filter({{ list_expr }}, lambda v, i: list_position({{ list_expr }}, v) = i)
{%- endmacro %}
