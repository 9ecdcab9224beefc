"""A full headless build into a temporary warehouse, run for real, checked from outside."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from orchestration.dbt_parse import parse_manifest
from orchestration.resources import WarehousePaths
from tests.support.build import dbt_log_of, published_state, run_build
from tests.support.contract import CONTRACT, CONTRACT_TYPES
from tests.support.paths import SHARED, query, sample_articles
from visits.build_inputs import fingerprint_path
from visits.ledger import tables
from visits.ledger.batches import new_batch_id
from visits.ledger.parquet import write_parquet_atomic
from visits.ledger.versions import extract_version

pytestmark = pytest.mark.slow

# An article we wrote, about a meeting inside one province: loaded, but no visit.
NOT_A_VISIT = (
    "本报讯 3月12日，某某省召开全省乡村振兴工作会议。省委书记林某某出席会议并讲话，"
    "强调要巩固拓展脱贫攻坚成果。各市州负责同志参加会议。"
)
# An article we wrote in traditional script, to be stored as GB18030 and as Big5.
LEGACY = (
    "時間:2021-04-20\n來源:寧夏日報\n"
    "4月18日至19日，福建省黨政代表團來寧考察對接閩寧協作工作。寧夏回族自治區黨委書記陳立新主持座談會，"
    "福建省委書記吳建華講話。\n"
)

BROKEN = (
    "2022-07-09 来源:青海日报\n7月7日至8日，江苏省党政代表团赴青海省考察东西部协作工作。"
    "青海省委书记马立成主持座谈会，江苏省委书记顾文涛讲话。双方签署了新一轮协作协议，"
    "代表团还考察了西宁市、海东市的产业园区和援建学校。\n"
)

BAD_INPUTS = {
    "bad/empty.txt": b"",
    "bad/photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "bad/report.pdf": b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)),
    "bad/archive.zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(100),
    # 50 MiB of text: a dump, not an article
    "bad/huge.txt": NOT_A_VISIT.encode("utf-8") * (50 * 2**20 // len(NOT_A_VISIT.encode("utf-8")) + 1),
    # a real article with two invalid bytes in the middle: loaded, the bytes dropped
    "broken_middle.txt": BROKEN[:60].encode() + b"\xff\xfe" + BROKEN[60:].encode(),
    # a saved web page of an article
    "page.html": (
        "<html><head><title>浙江省代表团赴四川考察</title><script>var x=1;</script></head><body>"
        "<div class='nav'>首页 | 新闻</div><p>本报讯 8月5日至6日，浙江省党政代表团赴四川省考察东西部协作工作。</p>"
        "<p>四川省委书记严明辉主持座谈会，浙江省委书记钟书平讲话。</p></body></html>"
    ).encode(),
}


# The incremental models, compared whole beside the contract's tables.
INCREMENTAL_STAGING = (
    "staging.stg_cleaned_articles", "staging.stg_extractions",
    "staging.stg_visit_mentions", "staging.stg_official_mentions", "staging.stg_articles",
    "intermediate.int_name_pinyin",
)


def _table_snapshot(db: Path) -> dict[str, list]:
    snap = {}
    for table in CONTRACT:
        cols = ", ".join(c for c in CONTRACT[table] if c not in ("first_seen_at", "last_seen_at"))
        snap[table] = sorted(map(repr, query(db, f"select {cols} from {table}")))
    for table in INCREMENTAL_STAGING:
        snap[table] = sorted(map(repr, query(db, f"select * from {table}")))
    return snap


@pytest.fixture(scope="module")
def built(tmp_path_factory, dbt_parsed) -> dict:
    root = tmp_path_factory.mktemp("build")
    raw = root / "raw"
    (raw / "bad").mkdir(parents=True)
    for path in sample_articles():
        shutil.copy(path, raw / path.name)
    shutil.copy(sample_articles()[0], raw / "bad" / "same_as_first.txt")
    for name, data in BAD_INPUTS.items():
        (raw / name).write_bytes(data)
    (raw / "legacy_gb18030.txt").write_bytes(LEGACY.encode("gb18030"))
    (raw / "legacy_big5.txt").write_bytes(LEGACY.replace("時間:2021-04-20", "時間:2021-04-21").encode("big5"))
    (raw / "not_a_visit.txt").write_text(NOT_A_VISIT, encoding="utf-8")
    # the same report with no published date: it borrows the year of its dated twins
    (raw / "legacy_undated.txt").write_text(LEGACY.replace("時間:2021-04-20\n", ""), encoding="utf-8")
    # two reports that give no day at all: each is its own visit, and the build stays green
    for name, (host_head, guest_head) in {"undated_a.txt": ("林国华", "周卫东"), "undated_b.txt": ("宋志远", "何建明")}.items():
        (raw / name).write_text(
            f"上海市党政代表团赴贵州省考察东西部协作工作。贵州省委书记{host_head}主持座谈会，上海市委书记{guest_head}讲话。",
            encoding="utf-8",
        )
    warehouse, home = root / "warehouse", root / "dagster_home"
    # What `make dbt-parse` does, for this warehouse: the build should reuse that parse.
    parse_manifest(WarehousePaths(raw_dir=str(raw), warehouse_dir=str(warehouse)))
    build = run_build(raw, warehouse, home)
    return {"raw": raw, "warehouse": warehouse, "home": home, "db": warehouse / "visits.duckdb",
            "dbt_log": dbt_log_of(build.run_id)}


def test_dbt_reuses_the_parse_and_uses_every_core(built):
    log = built["dbt_log"]
    assert "Unable to do partial parsing" not in log
    assert "Partial parsing enabled" in log
    assert f"Concurrency: {os.cpu_count()} threads (target='dagster')" in log
    assert fingerprint_path(built["db"]).exists()


def test_every_contract_table_and_column_exists_with_its_type(built):
    for table, columns in CONTRACT.items():
        schema, name = table.split(".")
        found = dict(
            query(
                built["db"],
                "select column_name, data_type from information_schema.columns"
                " where table_schema = ? and table_name = ?",
                [schema, name],
            )
        )
        assert found, f"{table} missing"
        missing = [c for c in columns if c not in found]
        assert not missing, f"{table} lacks {missing}"
    for (table, column), dtype in CONTRACT_TYPES.items():
        schema, name = table.split(".")
        (found_type,) = query(
            built["db"],
            "select data_type from information_schema.columns"
            " where table_schema = ? and table_name = ? and column_name = ?",
            [schema, name, column],
        )[0]
        assert found_type == dtype, f"{table}.{column} is {found_type}"


def test_one_article_row_per_file_with_status_and_reason(built):
    rows = {r[0]: r[1:] for r in query(built["db"], "select file_name, status, status_reason from marts.dim_article")}
    files = sorted(p.relative_to(built["raw"]).as_posix() for p in built["raw"].rglob("*") if p.is_file())
    assert sorted(rows) == files  # nothing lost
    assert rows["bad/empty.txt"] == ("quarantined", "empty file")
    assert rows["bad/photo.png"][0] == "quarantined" and "PNG" in rows["bad/photo.png"][1]
    assert rows["bad/report.pdf"][0] == "quarantined" and "PDF" in rows["bad/report.pdf"][1]
    first = sample_articles()[0].name
    assert rows["bad/same_as_first.txt"] == ("duplicate", f"same content as {first}")
    assert rows[first] == ("loaded", None)
    assert rows["legacy_gb18030.txt"][0] == "loaded"
    assert rows["legacy_big5.txt"][0] == "loaded"
    assert rows["not_a_visit.txt"][0] == "loaded"
    assert rows["bad/archive.zip"][0] == "quarantined" and "ZIP" in rows["bad/archive.zip"][1]
    assert rows["bad/huge.txt"] == ("quarantined", "too large for one article: 50.0 MiB (limit 5 MiB); not read")
    assert rows["broken_middle.txt"][0] == "loaded"
    assert rows["page.html"][0] == "loaded"


def test_an_html_page_is_loaded_from_its_text(built):
    (text,) = query(
        built["db"],
        "select s.clean_text from marts.dim_article a join staging.stg_articles s using (article_id)"
        " where a.file_name = 'page.html'",
    )[0]
    assert "浙江省党政代表团" in text and "<p>" not in text and "var x" not in text
    (visits,) = query(
        built["db"],
        "select count(*) from marts.fact_visit v join marts.dim_article a on list_contains(v.article_ids, a.article_id)"
        " where a.file_name = 'page.html'",
    )[0]
    assert visits == 1


def test_legacy_encodings_are_read_as_text(built):
    rows = dict(
        query(
            built["db"],
            "select a.file_name, s.clean_text from marts.dim_article a join staging.stg_articles s using (article_id)"
            " where a.file_name like 'legacy%'",
        )
    )
    for text in rows.values():
        assert "福建省党政代表团" in text  # simplified, whatever the bytes were


def test_article_not_about_a_visit_yields_no_visit(built):
    (count,) = query(
        built["db"],
        "select count(*) from marts.fact_visit v, marts.dim_article a"
        " where a.file_name = 'not_a_visit.txt' and list_contains(v.article_ids, a.article_id)",
    )[0]
    assert count == 0


def test_one_visit_reported_twice_is_one_row_and_one_person_is_one_official(built):
    rows = query(
        built["db"],
        "select v.visit_id, len(v.article_ids) from marts.fact_visit v"
        " where v.visiting_province = '福建省' and v.host_province = '宁夏回族自治区'",
    )
    # the GB18030 and Big5 copies of one report, and the same report without a year
    assert len(rows) == 1 and rows[0][1] == 3
    people = query(
        built["db"],
        "select o.official_id, count(b.article_id) from marts.dim_official o"
        " join marts.bridge_visit_official b using (official_id) where o.name = '吴建华' group by 1",
    )
    assert len(people) == 1 and people[0][1] == 3


def test_reports_without_any_day_are_separate_visits_with_distinct_ids(built):
    rows = query(
        built["db"],
        "select v.visit_id, v.start_md from marts.fact_visit v join marts.dim_article a"
        " on list_contains(v.article_ids, a.article_id) where a.file_name like 'undated_%'",
    )
    assert len(rows) == 2 and len({r[0] for r in rows}) == 2


def test_stg_articles_holds_every_loaded_article(built):
    (loaded,) = query(built["db"], "select count(*) from marts.dim_article where status = 'loaded'")[0]
    (staged,) = query(built["db"], "select count(*) from staging.stg_articles where length(clean_text) > 0")[0]
    assert staged == loaded


def test_every_visit_has_provinces_from_the_34_and_a_pair(built):
    rows = query(
        built["db"],
        "select v.visit_id from marts.fact_visit v"
        " left join marts.dim_province a on a.name = v.visiting_province"
        " left join marts.dim_province b on b.name = v.host_province"
        " left join marts.dim_province_pair p using (province_pair_id)"
        " where a.name is null or b.name is null or p.province_pair_id is null",
    )
    assert rows == []
    (visits,) = query(built["db"], "select count(*) from marts.fact_visit")[0]
    assert visits >= len(sample_articles())


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold is not beside the repository")
def test_samples_score_against_gold(built, tmp_path):
    out = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--warehouse", str(built["db"]),
         "--gold", str(SHARED / "gold"), "--json", str(out)],
        check=True, capture_output=True, text=True,
    )
    result = json.loads(out.read_text())["result"]
    assert result["visit_prf"][2] == 1.0
    assert result["official_prf"][2] >= 0.9


def _redo_extraction_finding_no_visit(built: dict, sha: str, clean_batch: str) -> None:
    """What the extractor writes when a new version of it reads the article and finds no visit."""
    now = datetime.now(UTC)
    batch = new_batch_id(now)
    staging = built["warehouse"] / "staging"
    for table in (tables.VISITS, tables.OFFICIALS):
        write_parquet_atomic(pl.DataFrame(schema=tables.SCHEMAS[table]), staging / table / f"{batch}.parquet")
    mark = {"content_sha256": sha, "clean_batch_id": clean_batch, "batch_id": batch,
            "extract_version": extract_version(), "processed_at": now, "visit_count": 0, "extract_error": None}
    write_parquet_atomic(pl.DataFrame([mark], schema=tables.SCHEMAS[tables.EXTRACTIONS]),
                         staging / tables.EXTRACTIONS / f"{batch}.parquet")


def test_a_second_build_changes_nothing_then_one_build_adds_removes_and_redoes_as_a_full_refresh_would(built):
    """A build with nothing new publishes nothing: the same DuckDB file, the same export
    version, the same exports, no build copy left. Then the incremental scenarios in one
    build that carries all three kinds of change: a new file adds only its rows; a file removed from raw/ keeps its row as removed; and a
    redone extraction that finds no visit drops the old rows (incremental staging replaces a
    content's rows only when new rows arrive; the models' post-hook removes the rest).
    Then a full refresh gives the same rows as the incremental path."""
    db = built["db"]
    before, published = _table_snapshot(db), published_state(built["warehouse"])
    nothing_new = run_build(built["raw"], built["warehouse"], built["home"])
    assert "inputs unchanged since the published build" in nothing_new.output
    assert published_state(built["warehouse"]) == published
    assert not (built["warehouse"] / "visits.duckdb.building").exists()
    assert _table_snapshot(db) == before

    sha, clean_batch = query(
        db,
        "select e.content_sha256, e.clean_batch_id from staging.stg_extractions e"
        " join intermediate.int_article_files f using (content_sha256) where f.file_name = 'page.html'",
    )[0]
    (mentions,) = query(db, "select count(*) from staging.stg_visit_mentions where content_sha256 = ?", [sha])[0]
    assert mentions == 1
    (page_visit,) = query(
        db,
        "select v.visit_id from marts.fact_visit v join marts.dim_article a"
        " on list_contains(v.article_ids, a.article_id) where a.file_name = 'page.html'",
    )[0]
    (built["raw"] / "later.txt").write_text(LEGACY.replace("4月18日至19日", "9月2日至3日"), encoding="utf-8")
    (built["raw"] / "not_a_visit.txt").unlink()
    _redo_extraction_finding_no_visit(built, sha, clean_batch)
    run_build(built["raw"], built["warehouse"], built["home"])
    after = _table_snapshot(db)

    # the new file: one new article row, one new visit; every other row as it was
    removed = [r for r in before["marts.dim_article"] if "'not_a_visit.txt'" in r]
    assert len(removed) == 1
    new_articles = set(after["marts.dim_article"]) - set(before["marts.dim_article"])
    new_articles = {r for r in new_articles if "'not_a_visit.txt'" not in r}
    assert len(new_articles) == 1 and "later.txt" in next(iter(new_articles))
    assert set(before["marts.dim_article"]) - set(removed) <= set(after["marts.dim_article"])
    dropped = [r for r in before["marts.fact_visit"] if repr(page_visit) in r]
    assert len(dropped) == 1  # page.html's one visit, which the redone extraction no longer finds
    assert set(before["marts.fact_visit"]) - set(dropped) <= set(after["marts.fact_visit"])
    assert len(after["marts.fact_visit"]) == len(before["marts.fact_visit"]) + 1 - 1

    # the removed file keeps its row, as removed, and has no text left in staging
    status, reason = query(db, "select status, status_reason from marts.dim_article where file_name = 'not_a_visit.txt'")[0]
    assert status == "removed" and reason.startswith("file left the raw directory; last seen ")
    (loaded,) = query(db, "select count(*) from staging.stg_articles s join marts.dim_article a using (article_id)"
                      " where a.file_name = 'not_a_visit.txt'")[0]
    assert loaded == 0

    # the redone extraction left no mention of the old visit
    for table in ("staging.stg_visit_mentions", "staging.stg_official_mentions"):
        (left,) = query(db, f"select count(*) from {table} where content_sha256 = ?", [sha])[0]
        assert left == 0, table

    # the incremental path and a full refresh give the same rows
    run_build(built["raw"], built["warehouse"], built["home"], full_refresh=True)
    assert _table_snapshot(db) == after
