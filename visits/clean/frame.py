"""`clean_frame`: the polars stage. Vectorised string expressions for pinyin stripping, comma
fixes and width/whitespace normalisation; per-row Python only for garble repair, OpenCC and
line layout, which have no vectorised form."""

from __future__ import annotations

import polars as pl

from visits.clean.article import MARKER_CLASS, Hints, finish, repair
from visits.clean.chars import CJK_CLASS
from visits.clean.garble import RepairStats
from visits.clean.normalize import COMMA_STEPS, FULLWIDTH_FROM, FULLWIDTH_TO, WHITESPACE_STEPS
from visits.clean.pinyin import annotation_pattern
from visits.clean.simplify import traditional_class
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


def _hint_exprs(col: str) -> list[pl.Expr]:
    """`article.hints` for every row at once (the same patterns, run by polars)."""
    text = pl.col(col).fill_null("")
    return [
        text.str.contains(annotation_pattern()).alias("annotated"),
        text.str.count_matches(CJK_CLASS).cast(pl.Int64).alias("hanzi"),
        text.str.count_matches(traditional_class()).cast(pl.Int64).alias("traditional"),
        text.str.contains(MARKER_CLASS).alias("marked"),
    ]


def clean_frame(df: pl.DataFrame) -> pl.DataFrame:
    """Add one column per CleanArticle field to a frame with `article_id` and `raw_text`."""
    schema = output_schema()
    clash = [c for c in schema if c in df.columns]
    if clash:
        raise ValueError(f"clean_frame: input already has output columns {clash}")
    raws = df.get_column("raw_text").to_list()
    found = df.select(_hint_exprs("raw_text")).iter_rows()
    repaired = [repair(r or "", Hints(*h)) for r, h in zip(raws, found, strict=True)]  # per row: garble spans
    stage = (
        pl.DataFrame({"_text": [r.text for r in repaired]}, schema={"_text": pl.Utf8})
        .select(_normalise_exprs("_text"))
        .with_columns(_trad=pl.col("_text").str.count_matches(traditional_class()))
    )
    articles = [
        finish(text, r.script, RepairStats(**vars(r.stats)), n, trad)
        for text, n, trad, r in zip(
            stage.get_column("_text").to_list(),
            stage.get_column("_pinyin").to_list(),
            stage.get_column("_trad").to_list(),
            repaired,
            strict=True,
        )
    ]
    columns = {
        name: pl.Series(name, [getattr(a, name) for a in articles], dtype=dtype)
        for name, dtype in schema.items()
    }
    return df.with_columns(**columns)
