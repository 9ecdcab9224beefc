{# A person's id: same name and province across articles (dim_official's grain). #}
{% macro official_id(name, province) -%}
    left(md5({{ name }} || '|' || coalesce({{ province }}, '')), 16)
{%- endmacro %}
