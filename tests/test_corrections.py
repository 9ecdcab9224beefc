"""Corrections (seeds/corrections/*.csv) and the codebook test, run by real dbt on a real build.

A build of the samples gives the warehouse; dbt then rebuilds it from a copy of the project
whose correction seeds (or yml) the test edits, so the repository's own files stay as they are.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.paths import BIN, REPO, query

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(sample_warehouse) -> dict:
    """The session's sample build; corrections are applied to copies of its file, never to it."""
    return sample_warehouse


def _project_copy(dest: Path) -> Path:
    """dbt_project/ and seeds/ side by side, as the project's `seed-paths: ../seeds` expects."""
    shutil.copytree(REPO / "dbt_project", dest / "dbt_project", ignore=shutil.ignore_patterns("target", "logs"))
    shutil.copytree(REPO / "seeds", dest / "seeds")
    return dest / "dbt_project"


def _dbt_build(project: Path, warehouse: Path, db_file: str, *args: str) -> subprocess.CompletedProcess:
    shutil.copy(warehouse / "visits.duckdb", warehouse / db_file)
    env = {**os.environ, "VISITS_WAREHOUSE_DIR": str(warehouse), "VISITS_DUCKDB_FILE": db_file}
    return subprocess.run(
        [str(BIN / "dbt"), "--no-use-colors", "build", "--project-dir", str(project), "--profiles-dir", str(project), *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _rows(db: Path, table: str, key: str) -> dict[tuple, dict]:
    cols = [r[0] for r in query(db, "select column_name from duckdb_columns() where schema_name = 'marts' "
                                    "and table_name = ? order by column_index", [table])]
    keys = key.split(",")
    return {tuple(r[cols.index(k)] for k in keys): dict(zip(cols, r, strict=True))
            for r in query(db, f"select * from marts.{table}")}


def test_one_correction_of_each_kind_changes_what_it_asks_and_nothing_else(built):
    db = built["db"]
    visits = [r[0] for r in query(db, "select visit_id from marts.fact_visit order by visit_id")]
    assert len(visits) >= 5
    dropped, set_on, officials_of = visits[0], visits[1], visits[2]
    # two people in the third visit: one dropped from it, one re-sided
    (gone, gone_side), (moved, moved_side) = query(
        db, "select official_id, side from marts.bridge_visit_official where visit_id = ? "
            "and side is not null order by official_id limit 2", [officials_of])
    # a person only in the fourth visit and one only in the fifth are one person (say): merge them
    only_in = ("select min(official_id) from marts.bridge_visit_official where visit_id = ? and official_id not in "
               "(select official_id from marts.bridge_visit_official where visit_id = ?)")
    absorbed = query(db, only_in, [visits[3], visits[4]])[0][0]
    kept = query(db, only_in, [visits[4], visits[3]])[0][0]
    assert absorbed and kept and absorbed != kept
    new_side = "visiting" if moved_side == "host" else "host"

    project = _project_copy(built["root"] / "project")
    corrections = project.parent / "seeds" / "corrections"
    _write(corrections / "drop_visit.csv", ["visit_id", "note"],
           [[dropped, "not a visit: a meeting at home"], ["v-that-is-gone", "dangling on purpose"]])
    _write(corrections / "set_visit_field.csv", ["visit_id", "field", "value", "note"],
           [[set_on, "meeting_name", "更正后的座谈会", "the article names it so in paragraph 3"]])
    _write(corrections / "visit_official.csv", ["visit_id", "official_id", "action", "side", "note"],
           [[officials_of, gone, "drop", "", "named as absent"], [officials_of, moved, "side", new_side, "the host, in fact"]])
    _write(corrections / "merge_official.csv", ["official_id", "into_official_id", "note"],
           [[absorbed, kept, "one person, two spellings"]])
    proc = _dbt_build(project, built["warehouse"], "corrected.duckdb")
    assert proc.returncode == 0, proc.stdout[-3000:]
    after = built["warehouse"] / "corrected.duckdb"

    # the dangling row warns, by name
    results = json.loads((project / "target" / "run_results.json").read_text())
    dangling = [r for r in results["results"] if r["unique_id"].endswith("assert_corrections_not_dangling")]
    assert dangling and dangling[0]["status"] == "warn" and dangling[0]["failures"] == 1

    before_v, after_v = _rows(db, "fact_visit", "visit_id"), _rows(after, "fact_visit", "visit_id")
    assert (dropped,) not in after_v
    changed = after_v[(set_on,)]
    assert changed["meeting_name"] == "更正后的座谈会" and changed["is_corrected"]
    assert changed["correction_note"] == "the article names it so in paragraph 3"
    assert {**changed, "meeting_name": None, "is_corrected": None, "correction_note": None} == {
        **before_v[(set_on,)], "meeting_name": None, "is_corrected": None, "correction_note": None}
    assert {k: v for k, v in after_v.items() if k != (set_on,)} == {
        k: v for k, v in before_v.items() if k not in ((set_on,), (dropped,))}

    key = "visit_id,official_id,article_id"
    before_b, after_b = _rows(db, "bridge_visit_official", key), _rows(after, "bridge_visit_official", key)
    expected = {}
    for k, row in before_b.items():
        visit, official, article = k
        if visit == dropped or (visit == officials_of and official == gone):
            continue
        if visit == officials_of and official == moved:
            row = {**row, "side": new_side, "is_corrected": True, "correction_note": "the host, in fact"}
        if official == absorbed:
            row = {**row, "official_id": kept, "is_corrected": True, "correction_note": "one person, two spellings"}
            k = (visit, kept, article)
        expected[k] = row
    assert after_b == expected

    before_o, after_o = _rows(db, "dim_official", "official_id"), _rows(after, "dim_official", "official_id")
    assert (absorbed,) not in after_o
    assert after_o[(kept,)]["is_corrected"] and after_o[(kept,)]["correction_note"] == "one person, two spellings"
    touched = {r[0] for r in query(db, "select official_id from marts.bridge_visit_official where visit_id = ?", [dropped])}
    touched |= {gone, absorbed, kept}
    assert {k: v for k, v in after_o.items() if k[0] not in touched} == {
        k: v for k, v in before_o.items() if k[0] not in touched}

    before_a, after_a = _rows(db, "bridge_visit_article", "visit_id,article_id"), _rows(after, "bridge_visit_article", "visit_id,article_id")
    assert after_a == {k: v for k, v in before_a.items() if k[0] != dropped}


def test_an_undocumented_mart_column_fails_the_build(built):
    project = _project_copy(built["root"] / "undocumented")
    yml = project / "models" / "marts" / "_marts.yml"
    text = yml.read_text(encoding="utf-8")
    line = '      - {name: end_md, data_type: varchar, description: "\'MM-DD\' of the last day."}\n'
    assert line in text
    yml.write_text(text.replace(line, "      - {name: end_md, data_type: varchar}\n"), encoding="utf-8")
    proc = _dbt_build(project, built["warehouse"], "undocumented.duckdb",
                      "--select", "fact_visit", "assert_every_mart_column_documented")
    assert proc.returncode != 0
    results = json.loads((project / "target" / "run_results.json").read_text())
    test = [r for r in results["results"] if r["unique_id"].endswith("assert_every_mart_column_documented")]
    assert test and test[0]["status"] == "fail" and test[0]["failures"] == 1
