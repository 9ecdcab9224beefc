"""A workbook written from polars frames, one sheet per frame, with the cells made in polars.

openpyxl builds a Python object and an XML element per cell: at 100,000 articles the marts
hold tens of millions of cells and the workbook alone took minutes. Here each sheet's XML
rows are string expressions over whole columns, written in slices into the zip as they are
made, so memory stays bounded by a slice. What a reader gets back is what openpyxl's
write-only mode wrote: text as inline strings (control characters removed, cut at Excel's
32,767 characters), numbers, booleans, dates as day numbers with a date format, times with a
zone as ISO text, and no cell for NULL or empty text.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import polars as pl

SLICE_ROWS = 20_000  # rows turned into XML at a time
MAX_SHEET_ROWS = 1_048_575  # Excel's 1,048,576 rows per sheet, less the header
MAX_TITLE_CHARS = 31  # Excel's limit on a sheet name
MAX_CELL_CHARS = 32_767  # Excel's limit, where openpyxl cut text too
ILLEGAL_CHARS = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"  # what XML 1.0 (and openpyxl) refuse
EXCEL_EPOCH = date(1899, 12, 30)
DATE_STYLE = 1  # index into cellXfs below: numFmt 164, a date

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
BOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

STYLES = (
    f'{XML_DECL}<styleSheet xmlns="{NS}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a column's name in a cell reference."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_text(expr: pl.Expr) -> pl.Expr:
    cleaned = expr.str.replace_all(ILLEGAL_CHARS, "").str.slice(0, MAX_CELL_CHARS)
    return (
        cleaned.str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        .str.replace_all("\r", "&#13;", literal=True)
    )


def _cell(name: str, dtype: pl.DataType, ref: str, row: pl.Expr) -> pl.Expr:
    """One column's cells as XML text ("" where the cell is empty)."""
    col = pl.col(name)
    at = pl.concat_str(pl.lit(f'<c r="{ref}'), row, pl.lit('"'))
    if dtype == pl.Boolean:
        body = pl.concat_str(at, pl.lit(' t="b"><v>'), col.cast(pl.Int8).cast(pl.Utf8), pl.lit("</v></c>"))
    elif dtype.is_numeric():
        body = pl.concat_str(at, pl.lit(' t="n"><v>'), col.cast(pl.Utf8), pl.lit("</v></c>"))
    elif dtype == pl.Date:
        days = (col - pl.lit(EXCEL_EPOCH)).dt.total_days()
        days = pl.when((days > 0) & (days <= 60)).then(days - 1).otherwise(days)  # Excel's 1900 leap day
        body = pl.concat_str(at, pl.lit(f' s="{DATE_STYLE}" t="n"><v>'), days.cast(pl.Utf8), pl.lit("</v></c>"))
    else:
        if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
            # as Python's isoformat: the fraction only when there is one
            whole = col.dt.to_string("%Y-%m-%dT%H:%M:%S")
            frac = pl.when(col.dt.microsecond() != 0).then(col.dt.to_string("%.6f")).otherwise(pl.lit(""))
            text = pl.concat_str(whole, frac, col.dt.to_string("%:z"))
        else:
            text = col.cast(pl.Utf8)
        body = pl.concat_str(
            at, pl.lit(' t="inlineStr"><is><t xml:space="preserve">'), _xml_text(text), pl.lit("</t></is></c>")
        )
        body = pl.when(col.cast(pl.Utf8) == "").then(pl.lit("")).otherwise(body)
    return body.fill_null("")


def _sheet_rows(frame: pl.DataFrame, first_row: int) -> str:
    """The <row> elements of `frame`, its first row numbered `first_row`."""
    row = (pl.int_range(pl.len(), dtype=pl.Int64) + first_row).cast(pl.Utf8)
    cells = [
        _cell(name, dtype, column_letters(i), row).alias(f"c{i}")
        for i, (name, dtype) in enumerate(frame.schema.items())
    ]
    xml = frame.select(
        pl.concat_str(pl.lit('<row r="'), row, pl.lit('">'), *cells, pl.lit("</row>")).alias("x")
    )["x"]
    return "".join(xml.to_list())


def _write_sheet(book: zipfile.ZipFile, n: int, frame: pl.DataFrame) -> None:
    with book.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as out:
        out.write(f'{XML_DECL}<worksheet xmlns="{NS}"><sheetData>'.encode())
        out.write(_header(frame.columns).encode())
        for start in range(0, frame.height, SLICE_ROWS):
            out.write(_sheet_rows(frame.slice(start, SLICE_ROWS), start + 2).encode())
        out.write(b"</sheetData></worksheet>")


def _header(columns: list[str]) -> str:
    cells = "".join(
        f'<c r="{column_letters(i)}1" t="inlineStr"><is><t xml:space="preserve">{escape(c)}</t></is></c>'
        for i, c in enumerate(columns)
    )
    return f'<row r="1">{cells}</row>'


def sheet_parts(title: str, frame: pl.DataFrame, max_rows: int = MAX_SHEET_ROWS) -> list[tuple[str, pl.DataFrame]]:
    """A frame as the sheets Excel can open: `title`, then `title (2)`, `title (3)` ... of at
    most max_rows rows each (Excel will not open a longer sheet); titles cut to 31."""
    if frame.height <= max_rows:
        return [(title[:MAX_TITLE_CHARS], frame)]
    parts = []
    for n, start in enumerate(range(0, frame.height, max_rows), start=1):
        suffix = "" if n == 1 else f" ({n})"
        parts.append((title[: MAX_TITLE_CHARS - len(suffix)] + suffix, frame.slice(start, max_rows)))
    return parts


def write_workbook(
    path: Path, sheets: Iterable[tuple[str, pl.DataFrame]], max_rows: int = MAX_SHEET_ROWS
) -> Path:
    """An .xlsx at `path` with one sheet per (title, frame), in the order given; a frame longer
    than Excel's sheet continues on numbered sheets (`sheet_parts`). `sheets` is read one at a
    time, so a generator holds one frame in memory, not all."""
    titles: list[str] = []
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for whole_title, whole in sheets:
            for title, frame in sheet_parts(whole_title, whole, max_rows):
                titles.append(title)
                _write_sheet(book, len(titles), frame)
        entries = "".join(
            f'<sheet name="{escape(t, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
            for n, t in enumerate(titles, start=1)
        )
        book.writestr("xl/workbook.xml", f'{XML_DECL}<workbook xmlns="{NS}" xmlns:r="{REL_NS}"><sheets>{entries}</sheets></workbook>')
        rels = "".join(
            f'<Relationship Id="rId{n}" Type="{SHEET_REL}" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(titles) + 1)
        )
        rels += f'<Relationship Id="rId{len(titles) + 1}" Type="{STYLES_REL}" Target="styles.xml"/>'
        book.writestr("xl/_rels/workbook.xml.rels", f'{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">{rels}</Relationships>')
        book.writestr("xl/styles.xml", STYLES)
        book.writestr("_rels/.rels", f'{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">'
                      f'<Relationship Id="rId1" Type="{OFFICE_DOC}" Target="xl/workbook.xml"/></Relationships>')
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_CT}"/>'
            for n in range(1, len(titles) + 1)
        )
        book.writestr("[Content_Types].xml", f'{XML_DECL}<Types xmlns="{CT_NS}">'
                      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      '<Default Extension="xml" ContentType="application/xml"/>'
                      f'<Override PartName="/xl/workbook.xml" ContentType="{BOOK_CT}"/>'
                      f'<Override PartName="/xl/styles.xml" ContentType="{STYLES_CT}"/>{overrides}</Types>')
    return path
