{# The fields of a visit a correction may set (seeds/corrections/set_visit_field.csv), with their
   types. A list column's value is written with '; ' between items, as in the CSV exports. #}
{% macro correctable_visit_fields() -%}
    {{ return({
        'visiting_province': 'varchar', 'host_province': 'varchar',
        'visiting_unit': 'varchar', 'host_unit': 'varchar',
        'start_date': 'date', 'end_date': 'date', 'start_md': 'varchar', 'end_md': 'varchar',
        'host_cities': 'varchar[]', 'meeting_name': 'varchar', 'programme': 'varchar',
        'leader_names': 'varchar[]',
    }) }}
{%- endmacro %}

{# A correction's text value as the field's type; NULL when it does not read as one (the
   cast runs on every row before the field filter, and assert_corrections_not_dangling warns). #}
{% macro correction_value(value, data_type) -%}
    {%- if data_type == 'varchar[]' -%} string_split({{ value }}, '; ')
    {%- else -%} try_cast({{ value }} as {{ data_type }})
    {%- endif -%}
{%- endmacro %}
