"""The tables and columns ../shared/CONTRACT.md promises (queries and scoring rely on them)."""

CONTRACT = {
    "marts.dim_article": [
        "article_id", "file_name", "content_sha256", "published_date", "source", "title",
        "script", "status", "status_reason",
    ],
    "marts.fact_visit": [
        "visit_id", "province_pair_id", "visiting_province", "host_province", "visiting_unit",
        "host_unit", "start_date", "end_date", "start_md", "end_md", "host_cities",
        "meeting_name", "programme", "leader_names", "article_ids", "evidence", "basis",
        "inferred_year", "year_source", "year_min", "year_max",
        "date_precision", "visiting_unit_code", "host_unit_code", "visiting_level", "host_level",
    ],
    "marts.dim_official": [
        "official_id", "name", "province", "titles", "first_seen", "last_seen", "leader_posts", "name_pinyin",
    ],
    "marts.bridge_visit_official": [
        "visit_id", "official_id", "article_id", "side", "titles", "is_leader", "evidence",
        "title_rank", "is_group_title",
    ],
    "marts.bridge_visit_article": ["visit_id", "article_id", "source", "published_date", "evidence"],
    "marts.dim_province_pair": [
        "province_pair_id", "east_province", "west_province", "programme", "is_reference_pairing",
        "visits_east_to_west", "visits_west_to_east", "first_visit_date", "last_visit_date",
    ],
    "marts.dim_province": ["province_code", "name", "short_name", "abbreviation", "region", "name_en"],
    "staging.stg_articles": ["article_id", "clean_text"],
}

# Column types the contract names explicitly.
CONTRACT_TYPES = {
    ("marts.dim_article", "published_date"): "DATE",
    ("marts.fact_visit", "start_date"): "DATE",
    ("marts.fact_visit", "end_date"): "DATE",
    ("marts.fact_visit", "host_cities"): "VARCHAR[]",
    ("marts.fact_visit", "leader_names"): "VARCHAR[]",
    ("marts.fact_visit", "article_ids"): "VARCHAR[]",
    ("marts.fact_visit", "evidence"): "VARCHAR",
    ("marts.fact_visit", "basis"): "VARCHAR[]",
    ("marts.fact_visit", "inferred_year"): "INTEGER",
    ("marts.dim_official", "titles"): "VARCHAR[]",
    ("marts.dim_official", "first_seen"): "DATE",
    ("marts.bridge_visit_official", "titles"): "VARCHAR[]",
    ("marts.bridge_visit_official", "is_leader"): "BOOLEAN",
    ("marts.dim_province_pair", "is_reference_pairing"): "BOOLEAN",
    ("marts.dim_province_pair", "visits_east_to_west"): "INTEGER",
    ("marts.dim_province_pair", "visits_west_to_east"): "INTEGER",
    ("marts.dim_province_pair", "first_visit_date"): "DATE",
    ("marts.fact_visit", "year_source"): "VARCHAR",
    ("marts.fact_visit", "year_min"): "INTEGER",
    ("marts.fact_visit", "year_max"): "INTEGER",
    ("marts.dim_official", "leader_posts"): "VARCHAR[]",
    ("marts.bridge_visit_official", "title_rank"): "INTEGER",
    ("marts.bridge_visit_official", "is_group_title"): "BOOLEAN",
    ("marts.bridge_visit_article", "published_date"): "DATE",
    ("marts.bridge_visit_article", "evidence"): "VARCHAR",
    ("marts.fact_visit", "date_precision"): "VARCHAR",
    ("marts.fact_visit", "visiting_unit_code"): "VARCHAR",
    ("marts.fact_visit", "host_level"): "VARCHAR",
    ("marts.dim_official", "name_pinyin"): "VARCHAR",
}

# Values the contract names for its coded columns.
CONTRACT_VALUES = {
    ("marts.fact_visit", "date_precision"): {"day", "month", "month_day_no_year", "none"},
    ("marts.fact_visit", "visiting_level"): {"province", "prefecture", "county"},
    ("marts.fact_visit", "host_level"): {"province", "prefecture", "county"},
}
