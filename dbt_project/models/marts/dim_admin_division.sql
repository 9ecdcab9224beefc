-- Provincial, prefecture and county-level units (GB/T 2260), for joining host_cities and units.
select * from {{ ref('admin_divisions') }}
