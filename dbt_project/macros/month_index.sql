{# 'YYYY-MM' -> year * 12 + month - 1 (NULL stays NULL), so months subtract as integers. #}
{% macro month_index(expr) -%}
    (try_cast(left({{ expr }}, 4) as integer) * 12 + try_cast(substr({{ expr }}, 6, 2) as integer) - 1)
{%- endmacro %}
