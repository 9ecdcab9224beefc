"""The staging ledger: the hand-off from Python (ingest, clean, extract) to dbt.

Each table is a folder of Parquet batch files under `warehouse/staging/` (tables.py, with
columns from visits/records.py); a batch is written only for content not seen before by
the current code version (versions.py), so adding N articles costs work proportional to N.
Which batches are current is decided once, in pointer.py, and written down for every reader.
"""
