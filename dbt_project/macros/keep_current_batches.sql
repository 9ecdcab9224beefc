{#- Post-hook for incremental staging models keyed by content: delete the rows whose
    (content_sha256, batch) pair is no longer the current one in `upstream`. delete+insert
    only replaces contents that have new rows, so a content whose newer batch yields no rows
    (an extraction that now finds no visit, a cleaning not yet re-extracted) would otherwise
    keep stale rows that a full refresh would not have. -#}
{% macro keep_current_batches(upstream, batch_column='batch_id', upstream_batch_column='batch_id') %}
    delete from {{ this }} as t
    where not exists (
        select 1 from {{ upstream }} as u
        where u.content_sha256 = t.content_sha256
          and u.{{ upstream_batch_column }} = t.{{ batch_column }}
    )
{% endmacro %}
