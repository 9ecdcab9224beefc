"""Polars column types of the record dataclasses (visits/records.py), read from their hints.

The records are the one place a staged column is declared: the cleaning frame's output
(visits/clean/frame.py) and the staging tables (visits/ledger/tables.py) are derived here.
"""

from __future__ import annotations

import typing
from dataclasses import fields, is_dataclass
from datetime import date
from types import NoneType, UnionType

import polars as pl

_SCALARS: dict[type, pl.DataType] = {str: pl.Utf8(), int: pl.Int64(), bool: pl.Boolean(), date: pl.Date()}


def dtype_of(hint: object) -> pl.DataType | None:
    """The column type for one field's hint; None for a nested record (staged as its own table)."""
    if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not NoneType]
        return dtype_of(args[0]) if len(args) == 1 else None
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        inner = dtype_of(item)
        return None if inner is None else pl.List(inner)
    if isinstance(hint, type) and is_dataclass(hint):
        return None
    if hint in _SCALARS:
        return _SCALARS[hint]  # type: ignore[index]
    raise TypeError(f"no staging column type for {hint!r}")


def record_schema(record: type, *, staged_only: bool = False) -> dict[str, pl.DataType]:
    """Field name -> polars type, in field order; nested records left out.

    `staged_only` also leaves out fields marked `metadata={"staged": False}` (kept in memory
    for audit, never written to staging Parquet)."""
    hints = typing.get_type_hints(record)
    schema: dict[str, pl.DataType] = {}
    for f in fields(record):
        if staged_only and not f.metadata.get("staged", True):
            continue
        dtype = dtype_of(hints[f.name])
        if dtype is not None:
            schema[f.name] = dtype
    return schema
