"""The Dagster UI for real: `dagster dev`, Debian's chromium (headless), "Materialize all", a green run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS, NO_CHROMIUM
from tests.support.dagster_dev import (
    DagsterDev,
    all_runs,
    check_evaluations,
    dagster_dev,
    wait_for_run,
    wait_until_idle,
)
from tests.support.paths import REPO, query, sample_articles

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the fixture skips the test with a message
    PlaywrightTimeout = TimeoutError  # noqa: N816

pytestmark = [pytest.mark.ui, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture
def browser_page(tmp_path):
    """A page in Debian's chromium with a fresh profile; Playwright never downloads a browser here."""
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed in .venv")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1600, "height": 1000},
        )
        context.set_default_timeout(120_000)  # the first page load compiles a large UI bundle
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_materialize_all_from_the_asset_graph(tmp_path, browser_page, dbt_parsed):
    page = browser_page
    started = time.monotonic()
    with dagster_dev(tmp_path / "dev") as dev:
        try:
            run_id = _materialize_all_in_the_browser(page, dev)
        except Exception:
            shot(page, "ui-failure")
            raise
        checks = check_evaluations(dev.url, run_id)
    print(f"\nui test: dagster dev up, materialized from the browser, down in {time.monotonic() - started:.0f}s")

    assert checks.get("every_loaded_article_cleaned") is True, checks
    (loaded,) = query(dev.db, "select count(*) from marts.dim_article where status = 'loaded'")[0]
    assert loaded == len(sample_articles())


def _open_asset_graph(page, url: str) -> None:
    page.goto(f"{url}/asset-groups")
    page.get_by_text("Global asset lineage").first.wait_for(state="visible")
    # A fresh profile gets the "Join the Dagster community" modal once; it covers the graph.
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(state="visible", timeout=5_000)
        skip.click()
    except PlaywrightTimeout:
        pass
    page.locator("svg").get_by_text("dbt_marts").first.wait_for(state="visible")  # the graph has drawn


def _materialize_all_in_the_browser(page, dev: DagsterDev) -> str:
    _open_asset_graph(page, dev.url)
    shot(page, "ui-01-asset-graph")

    before = {r["runId"] for r in all_runs(dev.url)}
    page.get_by_role("button", name="Materialize all").click()
    run_id = _new_ui_run(dev.url, before, timeout=120)
    shot(page, "ui-02-launched")

    page.goto(f"{dev.url}/runs/{run_id}")
    assert wait_for_run(dev, run_id) == "SUCCESS", dev.log_tail()
    page.reload()
    page.get_by_text("Success").first.wait_for(state="visible")
    page.get_by_text("Loading run logs").wait_for(state="hidden")
    shot(page, "ui-03-run-succeeded")

    wait_until_idle(dev)  # the sensor's own run too, before DuckDB is read
    _open_asset_graph(page, dev.url)
    shot(page, "ui-04-asset-graph-after")
    return run_id


def _new_ui_run(url: str, before: set[str], timeout: float) -> str:
    """The run the click launched: new since the click, and not one the raw-dir sensor asked for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for run in all_runs(url):
            tags = {t["key"]: t["value"] for t in run["tags"]}
            if run["runId"] not in before and "dagster/sensor_name" not in tags:
                return run["runId"]
        time.sleep(1)
    raise AssertionError("clicking 'Materialize all' launched no run")
