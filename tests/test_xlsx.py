"""The workbook writer: a mart longer than Excel's sheet continues on numbered sheets."""

from datetime import date

import polars as pl
from openpyxl import load_workbook

from visits.xlsx import MAX_SHEET_ROWS, sheet_parts, write_workbook


def _sheets(path) -> dict[str, list[tuple]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def test_a_frame_longer_than_a_sheet_continues_on_numbered_sheets_with_every_row_once(tmp_path):
    frame = pl.DataFrame({"n": list(range(7)), "day": [date(2020, 1, d + 1) for d in range(7)]})
    short = pl.DataFrame({"x": ["a"]})
    path = write_workbook(tmp_path / "b.xlsx", [("t", frame), ("codebook", short)], max_rows=3)
    sheets = _sheets(path)
    assert list(sheets) == ["t", "t (2)", "t (3)", "codebook"]
    for title in ("t", "t (2)", "t (3)"):
        assert sheets[title][0] == ("n", "day")  # every part has the header
    rows = [r for title in ("t", "t (2)", "t (3)") for r in sheets[title][1:]]
    assert [r[0] for r in rows] == list(range(7))
    assert [r[1].date() for r in rows] == frame["day"].to_list()
    assert sheets["codebook"] == [("x",), ("a",)]


def test_part_titles_stay_within_excels_31_characters_and_the_limit_is_excels():
    long = "a_mart_name_that_is_much_longer_than_excel_allows"
    titles = [t for t, _ in sheet_parts(long, pl.DataFrame({"n": range(25)}), max_rows=2)]
    assert len(titles) == 13 and len(set(titles)) == 13
    assert all(len(t) <= 31 for t in titles) and titles[12].endswith(" (13)")
    assert MAX_SHEET_ROWS == 2**20 - 1  # Excel's 1,048,576 rows, one of them the header
    assert [t for t, _ in sheet_parts("t", pl.DataFrame({"n": range(3)}), max_rows=3)] == ["t"]
