"""The Dagster definitions as a graph (asset keys, groups, deps, checks), against a snapshot.

Loads the code location only (no build), so a broken link between a dbt source and the
Python asset that writes it shows in seconds. After an intended change to the graph:

    VISITS_UPDATE_SNAPSHOT=1 .venv/bin/pytest tests/test_definitions_snapshot.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from orchestration.dbt_parse import parse_manifest
from orchestration.resources import dbt_project, paths_from_env

SNAPSHOT = Path(__file__).parent / "data" / "definitions_snapshot.json"
DBT_SOURCES = ("models", "macros", "tests", "dbt_project.yml")


def _manifest_is_stale() -> bool:
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    roots = [dbt_project.project_dir / p for p in DBT_SOURCES]
    files = [f for r in roots for f in ([r] if r.is_file() else r.rglob("*"))]
    return any(f.stat().st_mtime > built for f in files if f.is_file())


@pytest.fixture(scope="module")
def defs():
    if _manifest_is_stale():  # parse only when the models moved since the last parse
        parse_manifest(paths_from_env())
    from orchestration.definitions import defs

    return defs


def definitions_graph(defs) -> dict:
    graph = defs.resolve_asset_graph()
    assets = {}
    for key in sorted(graph.get_all_asset_keys()):
        node = graph.get(key)
        assets[key.to_user_string()] = {
            "group": node.group_name,
            "materializable": node.is_materializable,
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
            "checks": sorted(c.name for c in node.check_keys),
        }
    return {
        "assets": assets,
        "jobs": sorted(j.name for j in defs.jobs),
        "sensors": sorted(s.name for s in defs.sensors),
        "schedules": sorted(s.name for s in defs.schedules),
        "resources": sorted(defs.resources),
    }


def test_the_definitions_match_the_snapshot(defs):
    graph = definitions_graph(defs)
    if os.environ.get("VISITS_UPDATE_SNAPSHOT"):
        SNAPSHOT.write_text(json.dumps(graph, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert graph == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_asset_is_built_here_and_every_dbt_source_is_a_python_asset(defs):
    """No external (unmaterialisable) asset: a dbt source whose key no Python asset carries
    would be one, and its staging model would run before the Parquet it reads is written."""
    graph = definitions_graph(defs)["assets"]
    assert [k for k, a in graph.items() if not a["materializable"]] == []
    python = {k for k, a in graph.items() if a["group"] in {"ingest", "clean", "extract"}}
    dbt_staging = [k for k, a in graph.items() if a["group"] == "dbt_staging"]

    def ancestors(key: str) -> set[str]:
        seen, todo = set(), list(graph[key]["deps"])
        while todo:
            k = todo.pop()
            if k not in seen:
                seen.add(k)
                todo += graph[k]["deps"]
        return seen

    assert dbt_staging and all(ancestors(k) & python for k in dbt_staging)
    read_by_dbt = {d for k in dbt_staging for d in graph[k]["deps"]}
    assert python <= read_by_dbt  # each Parquet table the Python stages write is a dbt source
    assert all(graph[d]["group"] != "report" for a in graph.values() for d in a["deps"])
