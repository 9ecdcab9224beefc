{# An unordered province pair's id: eastern code first ("east" by region, then by code).
   Both arguments are aliases of rows with columns region_rank and province_code. #}
{% macro province_pair_id(a, b) -%}
    case
        when ({{ a }}.region_rank, {{ a }}.province_code) <= ({{ b }}.region_rank, {{ b }}.province_code)
            then {{ a }}.province_code || '-' || {{ b }}.province_code
        else {{ b }}.province_code || '-' || {{ a }}.province_code
    end
{%- endmacro %}
