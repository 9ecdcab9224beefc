"""Staging Parquet: the hand-off from Python (ingest, clean, extract) to dbt.

Each table is a folder of batch files; a batch is written only for content not seen
before by the current code version, so adding N articles costs work proportional to N.
"""
