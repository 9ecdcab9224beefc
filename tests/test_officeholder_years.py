"""Years from officeholders, run for real in dbt + DuckDB on rows written here.

Every person below is invented; the provinces are real because titles are read by the
kind of province (省 / 自治区 / 直辖市). The upstream tables (mentions, visits, articles and
the leaders table itself) are written straight into a fresh DuckDB file, the vocabulary
seeds are loaded by `dbt seed`, and the year models, the marts and the contradiction test
run with dbt. The project's slacks apply: one month either side of a tenure, two when one
gives no common year.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.support.paths import BIN, REPO, query

pytestmark = pytest.mark.slow

# (province, post, post_title, name, start, end, verified): an invented record
LEADERS = [
    ("江西省", "party_secretary", "省委书记", "费同舟", "2010-03", "2015-08", True),
    ("江西省", "party_secretary", "省委书记", "柯望远", "2015-08", "", True),
    ("江西省", "government_head", "省长", "隋明德", "2012-01", "2016-06", False),
    ("江西省", "government_head", "省长", "晏秋实", "2016-06", "2019-02", True),
    ("宁夏回族自治区", "party_secretary", "自治区党委书记", "严守一", "2009-01", "2014-05", True),
    ("宁夏回族自治区", "party_secretary", "自治区党委书记", "宓长青", "2014-05", "2017-11", True),
    ("宁夏回族自治区", "government_head", "自治区主席", "车行健", "2014-07", "2017-02", False),
    ("宁夏回族自治区", "government_head", "自治区主席", "喻知行", "2017-02", "2021-09", True),
    ("重庆市", "party_secretary", "市委书记", "班若水", "2016-02", "", True),
    ("湖南省", "government_head", "省长", "闻载舟", "2015-10", "", True),
]

FEI = ("费同舟", "江西省", ["省委书记"])
FEI_HUNAN = ("费同舟", "湖南省", ["省委书记"])  # a namesake: not in the record for 湖南
SUI = ("隋明德", "江西省", ["省委副书记", "省长"])
YAN = ("晏秋实", "江西省", ["省长"])
MI = ("宓长青", "宁夏回族自治区", ["自治区党委书记"])
CHE = ("车行健", "宁夏回族自治区", ["自治区主席"])
YU = ("喻知行", "宁夏回族自治区", ["自治区主席"])
BAN = ("班若水", "重庆市", ["市委书记"])
WEN = ("闻载舟", "湖南省", ["省长"])
WEN_ACTING = ("闻载舟", "湖南省", ["省委副书记", "代省长"])
QI = ("祁远山", "江西省", ["市委书记"])  # a prefecture's secretary in a 省: no provincial post

# visit id: (start_date, 'MM-DD', officials)
VISITS = {
    "range": (None, "09-10", [FEI, MI]),  # 2010..2015 and 2014..2017 at September
    "single": (None, "01-15", [MI, YU]),  # 2015..2017 and 2017..2021 at January
    "unverified_pin": (None, "11-20", [FEI, CHE]),  # 2010..2014 and, unverified, 2014..2016
    "unverified_narrows": (None, "06-01", [MI, CHE]),  # 2014..2017 narrowed to ..2016
    "text_wins": (date(2016, 1, 15), "01-15", [MI, YU]),  # the officeholders alone say 2017
    "wrong_governor": (date(2019, 3, 2), "03-02", [SUI]),  # 江西 GH in 2019-03 is 晏秋实
    "changeover": (date(2016, 6, 20), "06-20", [YAN]),  # 晏秋实's first month: no contradiction
    "namesake": (None, "05-05", [FEI_HUNAN]),
    "open_end": (None, "07-01", [BAN, QI]),  # still in office: a lower bound only
    "disjoint": (None, "04-01", [FEI, YU]),  # 2010..2015 and 2017..2021: no common year
    # at August, 费同舟 (to 2015-08) and 闻载舟 (from 2015-10) meet only with two months' slack
    "wider_slack": (None, "08-10", [FEI, WEN]),
    # 闻载舟 has held the post since 2015-10: as 省长 any January from 2016 on; as 代省长
    # only within the first months, so January 2016
    "governor_january": (None, "01-20", [WEN]),
    "acting_january": (None, "01-20", [WEN_ACTING]),
    # the "range" visit's 2014..2015, with years the text frames as its present
    "hint_picks": (None, "09-10", [FEI, MI]),
    "hint_outside": (None, "09-10", [FEI, MI]),
    "hints_two": (None, "09-10", [FEI, MI]),
}
# visit id: the years its text frames as the present (int_visits.year_hints)
HINTS = {"hint_picks": [1996, 2015], "hint_outside": [2019], "hints_two": [2014, 2015]}


def _dbt(args: list[str], env: dict, target: Path) -> subprocess.CompletedProcess:
    cmd = [str(BIN / "dbt"), "--no-use-colors", *args, "--project-dir", "dbt_project", "--profiles-dir",
           "dbt_project", "--target-path", str(target), "--log-path", str(target / "logs")]
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return proc


def _write_upstream(db: Path) -> None:
    """The tables the year models read, as the staging and intermediate models would make them."""
    con = duckdb.connect(str(db))
    try:
        for schema in ("intermediate", "staging", "reference"):
            con.execute(f"create schema {schema}")
        con.execute(
            "create table reference.provincial_leaders (province varchar, post varchar, post_title varchar,"
            " name varchar, start_month varchar, end_month varchar, is_verified boolean, source_url varchar)"
        )
        for row in LEADERS:
            con.execute("insert into reference.provincial_leaders values (?, ?, ?, ?, ?, ?, ?, 'invented')", row)
        con.execute(
            "create table intermediate.int_visits (visit_id varchar, visiting_unit varchar, host_unit varchar,"
            " year_known boolean, island hugeint, visiting_province varchar, host_province varchar,"
            " start_date date, end_date date, start_md varchar, end_md varchar, host_cities varchar[],"
            " meeting_name varchar, programme varchar, leader_names varchar[], article_ids varchar[],"
            " first_day date, first_report varchar, evidence varchar, basis varchar[], year_hints integer[],"
            " page_year integer, year_in_text boolean, inferred_year integer, year_source varchar)"
        )
        con.execute(
            "create table intermediate.int_official_mentions (visit_id varchar, article_id varchar,"
            " official_id varchar, name varchar, province varchar, titles varchar[], side varchar,"
            " is_leader boolean, evidence varchar, mention_seq bigint, visit_date date,"
            " found_official_id varchar, is_corrected boolean, correction_note varchar)"
        )
        con.execute("create table staging.stg_articles (article_id varchar, clean_text varchar, published_date date)")
        for visit_id, (start, md, officials) in VISITS.items():
            article = f"a_{visit_id}"
            con.execute("insert into staging.stg_articles values (?, '', null)", [article])
            con.execute(
                "insert into intermediate.int_visits values (?, '江西省', '宁夏回族自治区', ?, 0, '江西省',"
                " '宁夏回族自治区', ?, ?, ?, ?, [], null, null, [], [?], ?, ?, '（虚构）', ['movement'], ?, null,"
                " ?, ?, ?)",
                [visit_id, start is not None, start, start, md, md, article, start, article, HINTS.get(visit_id, []),
                 start is not None, start.year if start else None, "text" if start else None],
            )
            for seq, (name, province, titles) in enumerate(officials):
                con.execute(
                    "insert into intermediate.int_official_mentions values (?, ?, ?, ?, ?, ?, 'visiting',"
                    " false, '（虚构）', ?, ?, ?, false, null)",
                    [visit_id, article, f"{name}|{province}", name, province, titles, seq, start,
                     f"{name}|{province}"],
                )
    finally:
        con.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("officeholders")
    db, target = root / "visits.duckdb", root / "target"
    _write_upstream(db)
    partial = REPO / "dbt_project" / "target" / "partial_parse.msgpack"
    if partial.exists():  # spares a full parse per command
        target.mkdir()
        shutil.copy(partial, target / partial.name)
    env = {**os.environ, "VISITS_WAREHOUSE_DIR": str(root), "VISITS_DUCKDB_FILE": db.name}
    # every seed the marts read but the reference leaders, which are the invented ones above
    _dbt(["seed", "--exclude", "provincial_leaders"], env, target)
    _dbt(["run", "--select", "int_official_leader_posts", "int_visit_officeholder_years", "dim_province",
          "int_visits_corrected", "int_unit_names", "fact_visit", "bridge_visit_official", "dim_official",
          "audit_leader_title_contradictions", "audit_officeholder_conflicts", "int_name_pinyin"],
         env, target)
    _dbt(["test", "--select", "assert_leader_title_matches_record", "assert_visit_officeholders_coexist"],
         env, target)
    results = {r["unique_id"].split(".")[-1]: r for r in json.loads((target / "run_results.json").read_text())["results"]}
    flagged = {name: query(db, r["compiled_code"]) for name, r in results.items()}
    return {"db": db, "env": env, "target": target, "results": results, "flagged": flagged}


def _years(db: Path) -> dict[str, tuple]:
    rows = query(db, "select visit_id, oh_year, oh_year_source, year_min, year_max, is_contradictory"
                     " from intermediate.int_visit_officeholder_years")
    return {r[0]: r[1:] for r in rows}


def _fact(db: Path) -> dict[str, tuple]:
    rows = query(db, "select visit_id, inferred_year, year_source, year_min, year_max from marts.fact_visit")
    return {r[0]: r[1:] for r in rows}


def test_tenures_intersect_at_the_visit_month(warehouse):
    years = _years(warehouse["db"])
    assert years["range"] == (None, None, 2014, 2015, False)
    assert years["single"] == (2017, "officeholders", None, None, False)
    # an open tenure bounds the year from below only; a prefecture's 市委书记 is no claim
    assert years["open_end"] == (None, None, 2016, None, False)
    assert query(warehouse["db"], "select claim_count from intermediate.int_visit_officeholder_years"
                                  " where visit_id = 'open_end'") == [(1,)]
    # tenures with no year in common: no year, no bounds, and the visit is marked and warned about
    assert years["disjoint"] == (None, None, None, None, True)
    assert [r[0] for r in warehouse["flagged"]["assert_visit_officeholders_coexist"]] == ["disjoint"]
    assert warehouse["results"]["assert_visit_officeholders_coexist"]["status"] == "warn"
    fact = _fact(warehouse["db"])
    assert fact["range"] == (None, None, 2014, 2015)
    assert fact["single"] == (2017, "officeholders", None, None)
    assert fact["disjoint"] == (None, None, None, None)


def test_unverified_rows_narrow_but_flag_a_year_resting_on_them(warehouse):
    years = _years(warehouse["db"])
    # the verified row alone allows 2010..2014; only the unverified one pins 2014
    assert years["unverified_pin"] == (2014, "officeholders_unverified", None, None, False)
    # the unverified row cuts 2017 off a verified 2014..2017
    assert years["unverified_narrows"] == (None, None, 2014, 2016, False)
    assert _fact(warehouse["db"])["unverified_pin"] == (2014, "officeholders_unverified", None, None)
    # verified rows, but seated together only by the wider slack: not the record as written
    assert years["wider_slack"] == (2015, "officeholders_unverified", None, None, False)
    slack = query(warehouse["db"], "select visit_id, slack_months from intermediate.int_visit_officeholder_years"
                                   " where visit_id in ('wider_slack', 'single')")
    assert dict(slack) == {"wider_slack": 2, "single": 1}


def test_a_year_in_the_text_beats_the_officeholders(warehouse):
    assert _years(warehouse["db"])["text_wins"][:2] == (2017, "officeholders")
    fact = _fact(warehouse["db"])
    assert fact["text_wins"] == (2016, "text", None, None)
    assert fact["wrong_governor"] == (2019, "text", None, None)


def test_precedence_text_then_published_date_then_officeholders(warehouse):
    """fact_visit's year columns come from one macro; here it is given the published-date
    step that fact_visit will slot in between text and officeholders."""
    inline = (
        "select id, {{ visit_year_columns([('text_year', \"'text'\"), ('published_year', \"'published_date'\"),"
        " ('oh_year', 'oh_source')], 'oh_min', 'oh_max') }}"
        " from (values (1, 2015, 2016, 2017, 'officeholders', null, null),"
        " (2, null, 2016, 2017, 'officeholders', null, null),"
        " (3, null, null, 2017, 'officeholders_unverified', null, null),"
        " (4, null, null, null, null, 2014, 2015),"
        " (5, null, 2016, null, null, 2014, 2015))"
        " as t(id, text_year, published_year, oh_year, oh_source, oh_min, oh_max) order by id"
    )
    proc = _dbt(["show", "--inline", inline, "--limit", "10", "--output", "json", "--log-format", "json"],
                warehouse["env"], warehouse["target"])
    shown = next(
        json.loads(line)["data"]["preview"] for line in proc.stdout.splitlines()
        if line.startswith("{") and "preview" in json.loads(line).get("data", {})
    )
    rows = [tuple(r.values()) for r in json.loads(shown)]
    assert rows == [
        (1, 2015, "text", None, None),
        (2, 2016, "published_date", None, None),
        (3, 2017, "officeholders_unverified", None, None),
        (4, None, None, 2014, 2015),
        (5, 2016, "published_date", None, None),
    ]


def test_a_title_contradicting_the_record_is_warned_about(warehouse):
    result = warehouse["results"]["assert_leader_title_matches_record"]
    assert result["status"] == "warn"
    by_visit = {r[0]: r for r in warehouse["flagged"]["assert_leader_title_matches_record"]}
    assert sorted(by_visit) == ["text_wins", "wrong_governor"]
    _, _, name, province, title, when, holders = by_visit["wrong_governor"]
    assert (name, province, title, when) == ("隋明德", "江西省", "省长", "2019-03")
    assert holders == "晏秋实 2016-06..2019-02"
    # called 自治区主席 in 2016-01, when the record gives the post to 车行健
    assert by_visit["text_wins"][2] == "喻知行" and "车行健" in by_visit["text_wins"][6]
    assert result["failures"] == 2


def test_an_acting_title_holds_only_the_first_months_of_the_tenure(warehouse):
    years = _years(warehouse["db"])
    assert years["governor_january"] == (None, None, 2016, None, False)
    assert years["acting_january"] == (2016, "officeholders", None, None, False)


def test_a_year_the_text_frames_as_its_present_picks_one_among_the_tenures(warehouse):
    years = _years(warehouse["db"])
    assert years["hint_picks"] == (2015, "officeholders", None, None, False)  # 1996 lies outside
    assert years["hint_outside"] == (None, None, 2014, 2015, False)
    assert years["hints_two"] == (None, None, 2014, 2015, False)
    hinted = dict(query(warehouse["db"], "select visit_id, is_from_hint from intermediate.int_visit_officeholder_years"
                                         " where visit_id in ('hint_picks', 'range', 'single')"))
    assert hinted == {"hint_picks": True, "range": False, "single": False}
    assert _fact(warehouse["db"])["hint_picks"] == (2015, "officeholders", None, None)


def test_the_findings_are_audit_tables_the_build_summary_counts(warehouse, tmp_path):
    from orchestration.summary import build_summary

    db = warehouse["db"]
    for test, table in (("assert_leader_title_matches_record", "audit_leader_title_contradictions"),
                        ("assert_visit_officeholders_coexist", "audit_officeholder_conflicts")):
        assert sorted(query(db, f"select * from audit.{table}")) == sorted(warehouse["flagged"][test])
    copy = tmp_path / "visits.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))  # the marts the summary reads besides, left empty here
    con.execute("create table marts.dim_article (article_id varchar, file_name varchar, status varchar,"
                " status_reason varchar)")
    con.execute("create table marts.bridge_visit_article (visit_id varchar, article_id varchar)")
    con.close()
    lines = [line.split() for line in build_summary(copy)]
    assert ["titles", "against", "the", "record:", "2"] in lines
    assert ["leaders", "never", "in", "office", "together:", "1"] in lines


def test_a_namesake_in_another_province_is_not_linked(warehouse):
    posts = dict(query(warehouse["db"], "select province, leader_posts from marts.dim_official where name = '费同舟'"))
    assert posts == {"江西省": ["江西省 省委书记 2010-03..2015-08"], "湖南省": []}
    assert _fact(warehouse["db"])["namesake"] == (None, None, None, None)
    open_posts = query(warehouse["db"], "select leader_posts from marts.dim_official where name = '班若水'")
    assert open_posts == [(["重庆市 市委书记 2016-02.."],)]


def test_the_record_checks_are_warn_checks_on_fact_visit(dbt_parsed):
    """Dagster shows each dbt test on the audit table holding its findings."""
    from orchestration.definitions import defs

    keys = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    assert ("audit/audit_leader_title_contradictions", "assert_leader_title_matches_record") in keys
    assert ("audit/audit_officeholder_conflicts", "assert_visit_officeholders_coexist") in keys
    manifest = json.loads(dbt_parsed.read_text())
    severities = {n["name"]: n["config"]["severity"] for n in manifest["nodes"].values() if n["resource_type"] == "test"}
    assert severities["assert_leader_title_matches_record"].lower() == "warn"
    assert severities["assert_visit_officeholders_coexist"].lower() == "warn"
