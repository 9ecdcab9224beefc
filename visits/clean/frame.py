"""`clean_frame`: the polars stage. Vectorised string expressions for pinyin stripping, comma
fixes and width/whitespace normalisation; per-row Python only for garble repair, OpenCC and
line layout, which have no vectorised form."""

from __future__ import annotations

import polars as pl

from visits.clean.article import finish, repair
from visits.clean.garble import RepairStats
from visits.clean.normalize import COMMA_STEPS, FULLWIDTH_FROM, FULLWIDTH_TO, WHITESPACE_STEPS
from visits.clean.pinyin import annotation_pattern
from visits.records import CleanArticle
from visits.schema import record_schema


def output_schema() -> dict[str, pl.DataType]:
    """Column name -> dtype of the columns `clean_frame` adds (one per CleanArticle field)."""
    return record_schema(CleanArticle)


def _normalise_exprs(col: str) -> list[pl.Expr]:
    pattern = annotation_pattern()
    text = pl.col(col)
    exprs = [
        text.str.count_matches(pattern).cast(pl.Int64).alias("_pinyin"),
    ]
    text = text.str.replace_all(pattern, "${1}")
    text = text.str.replace_many(FULLWIDTH_FROM, FULLWIDTH_TO)
    for pat, repl in COMMA_STEPS + WHITESPACE_STEPS:
        text = text.str.replace_all(pat, repl)
    exprs.append(text.alias("_text"))
    return exprs


def clean_frame(df: pl.DataFrame) -> pl.DataFrame:
    """Add one column per CleanArticle field to a frame with `article_id` and `raw_text`."""
    schema = output_schema()
    clash = [c for c in schema if c in df.columns]
    if clash:
        raise ValueError(f"clean_frame: input already has output columns {clash}")
    raws = df.get_column("raw_text").to_list()
    repaired = [repair(r or "") for r in raws]  # per row: HTML, garble spans, script
    stage = pl.DataFrame({"_text": [r.text for r in repaired]}, schema={"_text": pl.Utf8}).select(
        _normalise_exprs("_text")
    )
    articles = [
        finish(text, r.script, RepairStats(**vars(r.stats)), n)
        for text, n, r in zip(
            stage.get_column("_text").to_list(), stage.get_column("_pinyin").to_list(), repaired, strict=True
        )
    ]
    columns = {
        name: pl.Series(name, [getattr(a, name) for a in articles], dtype=dtype)
        for name, dtype in schema.items()
    }
    return df.with_columns(**columns)
