"""Domain code of the visits warehouse: ingest raw files, clean text, extract facts.

Nothing in this package knows about Dagster or dbt; `orchestration/` wires it up.
"""
