"""The closing summary of a build, read from the published warehouse.

    python -m orchestration.summary      # `make build` prints it after the run

Files seen, and what became of them (each file not loaded named with its reason), the visits
and officials in the marts, the loaded articles that yielded no visit, and the rows of the
audit tables (findings of the warn tests a reader should look at).
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from visits.settings import duckdb_path

STATUSES = ("loaded", "duplicate", "quarantined", "removed")
# audit table -> the summary's label for its row count (dbt_project/models/audit/)
AUDITS = {
    "audit_leader_title_contradictions": "titles against the record",
    "audit_officeholder_conflicts": "leaders never in office together",
}


def build_summary(db_path: Path) -> list[str]:
    """The summary's lines; the counts first, then every file that needs a reader's eye."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        counts = dict(con.execute("select status, count(*) from marts.dim_article group by 1").fetchall())
        not_loaded = con.execute(
            "select status, file_name, status_reason from marts.dim_article "
            "where status <> 'loaded' order by status, file_name"
        ).fetchall()
        (visits,) = con.execute("select count(*) from marts.fact_visit").fetchone()  # type: ignore[misc]
        (officials,) = con.execute("select count(*) from marts.dim_official").fetchone()  # type: ignore[misc]
        no_visit = [
            r[0]
            for r in con.execute(
                "select a.file_name from marts.dim_article as a where a.status = 'loaded' "
                "and not exists (select 1 from marts.bridge_visit_article as b where b.article_id = a.article_id) "
                "order by 1"
            ).fetchall()
        ]
        tables = con.execute("select table_name from duckdb_tables() where schema_name = 'audit'").fetchall()
        present = {r[0] for r in tables}
        audits = {
            label: con.execute(f"select count(*) from audit.{table}").fetchone()[0]  # type: ignore[index]
            for table, label in AUDITS.items()
            if table in present  # a warehouse built before the audit tables has none
        }
    finally:
        con.close()
    lines = [f"Build summary ({db_path})", f"  files seen:             {sum(counts.values())}"]
    for status in STATUSES:
        lines.append(f"  {status + ':':<23} {counts.get(status, 0)}")
        lines += [f"    {name}: {reason}" for s, name, reason in not_loaded if s == status]
    lines += [
        f"  visits:                 {visits}",
        f"  officials:              {officials}",
        f"  articles with no visit: {len(no_visit)}",
        *(f"    {name}" for name in no_visit),
    ]
    if audits:
        lines.append("  audit (warn tests' findings, in schema audit):")
        lines += [f"    {label + ':':<33} {n}" for label, n in audits.items()]
    return lines


def main() -> int:
    path = duckdb_path()
    if not path.exists():
        print(f"no warehouse at {path}: the build did not publish one", file=sys.stderr)
        return 1
    print("\n".join(build_summary(path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
