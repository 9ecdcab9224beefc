"""The raw-dir sensor, evaluated tick by tick against a real (temporary) Dagster instance."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration import sensors
from orchestration.sensors import raw_dir_sensor
from visits.ingest import scan

OLD = time.time() - 3600  # settled long ago, unless a test says otherwise


@pytest.fixture
def instance():
    with dg.instance_for_test() as inst:
        yield inst


@pytest.fixture
def raw(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "raw"
    root.mkdir()
    monkeypatch.setenv("VISITS_RAW_DIR", str(root))
    monkeypatch.setenv("VISITS_WAREHOUSE_DIR", str(tmp_path / "warehouse"))  # its own, empty ledger
    return root


def put(root: Path, name: str, text: str, mtime: float = OLD) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


class Ticker:
    """Evaluates the sensor like the daemon does: each tick gets the previous tick's cursor."""

    def __init__(self, instance: dg.DagsterInstance) -> None:
        self.instance, self.cursor = instance, None

    def tick(self, cursor: str | None = ...) -> dg.SensorResult:  # type: ignore[assignment]
        used = self.cursor if cursor is ... else cursor
        ctx = dg.build_sensor_context(instance=self.instance, cursor=used, sensor_name="raw_dir_sensor")
        result = raw_dir_sensor(ctx)
        assert isinstance(result, dg.SensorResult)
        self.cursor = result.cursor
        return result


def runs(result: dg.SensorResult) -> list[dg.RunRequest]:
    return list(result.run_requests or [])


@pytest.fixture
def ticker(instance, raw) -> Ticker:
    put(raw, "a.txt", "甲文章")
    put(raw, "sub/b.txt", "乙文章")
    t = Ticker(instance)
    (first,) = runs(t.tick())
    assert first.tags["visits/new_files"] == "a.txt, sub/b.txt"
    return t


def test_new_files_request_one_run_tagged_with_them(ticker, raw):
    put(raw, "c.txt", "丙文章")
    (req,) = runs(ticker.tick())
    assert req.tags["visits/new_files"] == "c.txt"
    assert req.tags["visits/new_count"] == "1"
    assert "visits/changed_files" not in req.tags and "visits/removed_files" not in req.tags
    cursor = json.loads(ticker.cursor)
    assert cursor["files"]["c.txt"][0] == scan.sha256_file(raw / "c.txt")


def test_same_cursor_again_skips(ticker):
    result = ticker.tick()
    assert not runs(result)
    assert "no new, changed or removed content" in result.skip_reason.skip_message


def test_re_evaluating_a_cursor_gives_the_same_run_key(ticker, raw):
    put(raw, "c.txt", "丙文章")
    before = ticker.cursor
    first = runs(ticker.tick(before))[0].run_key
    again = runs(ticker.tick(before))[0].run_key
    assert first == again  # a retried tick is deduplicated by Dagster, not launched twice


def test_touch_does_not_run_and_is_not_hashed_again(ticker, raw, monkeypatch):
    os.utime(raw / "a.txt", (OLD + 60, OLD + 60))
    assert not runs(ticker.tick())
    assert json.loads(ticker.cursor)["files"]["a.txt"][2] == (raw / "a.txt").stat().st_mtime_ns
    # With size and mtime as in the cursor, nothing is hashed at all.
    calls: list[Path] = []
    monkeypatch.setattr(scan, "read_bounded", lambda p: calls.append(p) or b"x")
    assert not runs(ticker.tick())
    assert calls == []


def test_rename_does_not_run(ticker, raw):
    (raw / "a.txt").rename(raw / "renamed.txt")
    result = ticker.tick()
    assert not runs(result)
    assert "renamed.txt" in json.loads(ticker.cursor)["files"]
    assert "a.txt" not in json.loads(ticker.cursor)["files"]


def test_copy_of_existing_content_does_not_run(ticker, raw):
    put(raw, "copy_of_a.txt", "甲文章")
    assert not runs(ticker.tick())


def test_changed_content_runs(ticker, raw):
    put(raw, "a.txt", "甲文章（更正）", mtime=OLD + 120)
    (req,) = runs(ticker.tick())
    assert req.tags["visits/changed_files"] == "a.txt"
    assert "visits/new_files" not in req.tags


def test_overwriting_with_another_files_content_runs(ticker, raw):
    put(raw, "a.txt", "乙文章", mtime=OLD + 120)  # 甲's content has left raw/
    (req,) = runs(ticker.tick())
    assert req.tags["visits/changed_files"] == "a.txt"


def test_tmp_and_just_written_files_wait(ticker, raw):
    put(raw, "d.txt.tmp", "丁文章")
    put(raw, "e.txt", "戊文章", mtime=time.time())
    result = ticker.tick()
    assert not runs(result)
    assert "2 file(s) still being written" in result.skip_reason.skip_message
    assert "e.txt" not in json.loads(ticker.cursor)["files"]
    # Once it has settled, it runs.
    os.utime(raw / "e.txt", (OLD, OLD))
    (req,) = runs(ticker.tick())
    assert req.tags["visits/new_files"] == "e.txt"


def test_file_being_rewritten_is_neither_removed_nor_changed_yet(ticker, raw):
    old_sha = json.loads(ticker.cursor)["files"]["a.txt"][0]
    put(raw, "a.txt", "甲文章，写到一半", mtime=time.time())
    assert not runs(ticker.tick())
    assert json.loads(ticker.cursor)["files"]["a.txt"][0] == old_sha  # kept until it settles
    os.utime(raw / "a.txt", (OLD + 300, OLD + 300))
    (req,) = runs(ticker.tick())
    assert req.tags["visits/changed_files"] == "a.txt"


def test_removal_runs(ticker, raw):
    (raw / "sub" / "b.txt").unlink()
    (req,) = runs(ticker.tick())
    assert req.tags["visits/removed_files"] == "sub/b.txt"
    assert "sub/b.txt" not in json.loads(ticker.cursor)["files"]


def test_missing_raw_dir_skips_instead_of_removing_everything(ticker, raw, tmp_path, monkeypatch):
    monkeypatch.setenv("VISITS_RAW_DIR", str(tmp_path / "unmounted"))
    ctx = dg.build_sensor_context(instance=ticker.instance, cursor=ticker.cursor)
    result = raw_dir_sensor(ctx)
    assert isinstance(result, dg.SkipReason)


def test_run_keys_differ_when_an_edit_is_reverted_and_redone(ticker, raw):
    keys = []
    for i, text in enumerate(["B", "A", "B"]):
        put(raw, "a.txt", text, mtime=OLD + 10 * (i + 1))
        keys.append(runs(ticker.tick())[0].run_key)
    assert len(set(keys)) == 3


def test_many_files_are_tagged_up_to_a_limit(ticker, raw, monkeypatch):
    monkeypatch.setattr(sensors, "MAX_TAGGED_FILES", 3)
    for i in range(5):
        put(raw, f"n{i}.txt", f"新文章{i}")
    (req,) = runs(ticker.tick())
    assert req.tags["visits/new_files"] == "n0.txt, n1.txt, n2.txt (+2 more)"
    assert req.tags["visits/new_count"] == "5"


def test_sensor_is_registered_running_and_targets_the_all_assets_job(dbt_parsed):
    from orchestration.definitions import defs

    sensor = defs.resolve_sensor_def("raw_dir_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert sensor.job_name == "build_warehouse"


def test_a_non_utf8_file_name_neither_breaks_the_tick_nor_waits_forever(ticker, raw):
    bad = os.fsencode(raw) + b"/\xd6\xd0.txt"  # GBK bytes: os.fsdecode gives lone surrogates
    fd = os.open(bad, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, "中文".encode("gbk"))
    os.close(fd)
    os.utime(bad, (OLD, OLD))
    (req,) = runs(ticker.tick())  # a run, so the manifest records it with its read_error
    assert req.tags["visits/new_files"].startswith("\\xd6\\xd0.txt (name not UTF-8 ")
    json.loads(ticker.cursor)  # the cursor still serialises
    result = ticker.tick()
    assert not runs(result)
    assert "still being written" not in result.skip_reason.skip_message


def _launch(instance: dg.DagsterInstance, request: dg.RunRequest) -> str:
    """What the daemon does with a request: a run carrying the request's key and tags."""
    run = instance.create_run_for_job(
        job_def=dg.GraphDefinition("g").to_job(),
        run_id=None,
        tags={**request.tags, sensors.RUN_KEY_TAG: request.run_key},
    )
    return run.run_id


def _finish(instance: dg.DagsterInstance, run_id: str, ok: bool) -> None:
    run = instance.get_run_by_id(run_id)
    if ok:
        instance.handle_run_event(
            run_id,
            dg.DagsterEvent(
                event_type_value=dg.DagsterEventType.RUN_SUCCESS.value, job_name=run.job_name, message="ok"
            ),
        )
    else:
        instance.report_run_failed(run, message="boom")


@pytest.fixture
def no_backoff(monkeypatch):
    monkeypatch.setattr(sensors, "RETRY_DELAYS_SECONDS", (0.0, 0.0, 0.0))


def test_a_failed_run_is_requested_again_with_its_files(ticker, raw, instance, no_backoff):
    put(raw, "c.txt", "丙文章")
    (req,) = runs(ticker.tick())
    failed = _launch(instance, req)
    assert not runs(ticker.tick())  # queued, not finished: nothing to do
    _finish(instance, failed, ok=False)

    (retry,) = runs(ticker.tick())
    assert retry.run_key != req.run_key
    assert retry.tags["visits/retry_of"] == failed
    assert retry.tags["visits/attempt"] == "2"
    assert retry.tags["visits/new_files"] == "c.txt"
    assert not runs(ticker.tick())  # the retry is requested, not yet launched: no second one
    _finish(instance, _launch(instance, retry), ok=True)
    result = ticker.tick()
    assert not runs(result)
    assert json.loads(ticker.cursor)["pending"] is None


def test_retries_stop_after_the_last_back_off(ticker, raw, instance, no_backoff):
    put(raw, "c.txt", "丙文章")
    (req,) = runs(ticker.tick())
    attempts = 0
    while req is not None:
        _finish(instance, _launch(instance, req), ok=False)
        req = next(iter(runs(ticker.tick())), None)
        attempts += req is not None
    assert attempts == len(sensors.RETRY_DELAYS_SECONDS)
    assert json.loads(ticker.cursor)["pending"] is None
    assert not runs(ticker.tick())  # gave up until new content arrives
    put(raw, "d.txt", "丁文章")
    assert runs(ticker.tick())[0].tags["visits/new_files"] == "d.txt"


def test_a_retry_waits_for_its_back_off(ticker, raw, instance, monkeypatch):
    monkeypatch.setattr(sensors, "RETRY_DELAYS_SECONDS", (3600.0,))
    put(raw, "c.txt", "丙文章")
    (req,) = runs(ticker.tick())
    failed = _launch(instance, req)
    _finish(instance, failed, ok=False)
    assert not runs(ticker.tick())
    ended = instance.get_run_record_by_id(failed).end_time
    cursor = sensors.RawDirCursor.parse(ticker.cursor)
    assert sensors.retry_request(instance, cursor, now=ended + 3599) is None
    retry = sensors.retry_request(instance, cursor, now=ended + 3601)
    assert retry is not None and retry.tags["visits/attempt"] == "2"


def test_new_content_supersedes_a_pending_retry(ticker, raw, instance, no_backoff):
    put(raw, "c.txt", "丙文章")
    (req,) = runs(ticker.tick())
    _finish(instance, _launch(instance, req), ok=False)
    put(raw, "d.txt", "丁文章")
    (new,) = runs(ticker.tick())
    assert "visits/retry_of" not in new.tags
    assert json.loads(ticker.cursor)["pending"] == new.run_key


def test_after_a_headless_build_a_first_tick_requests_nothing_and_then_counts_only_new(instance, raw, tmp_path):
    # What a headless build's scan step leaves: the staging ledger of raw/ (the real code).
    from datetime import UTC, datetime

    from visits.ledger.manifest import update_manifest

    for name in ("a.txt", "b.txt", "sub/c.txt"):
        put(raw, name, f"{name}文章")
    update_manifest(tmp_path / "warehouse" / "staging", raw, datetime.now(UTC))
    t = Ticker(instance)
    first = t.tick()  # a fresh `make ui`: no cursor yet
    assert not runs(first), "the warehouse already holds every file"
    put(raw, "d.txt", "丁文章")
    (req,) = runs(t.tick())
    assert req.tags["visits/new_count"] == "1" and req.tags["visits/new_files"] == "d.txt"
    assert not runs(t.tick())  # requested once, not again while the run is pending


def test_a_removal_the_ledger_still_lists_is_requested_once(instance, raw, tmp_path):
    from datetime import UTC, datetime

    from visits.ledger.manifest import update_manifest

    put(raw, "a.txt", "甲文章")
    put(raw, "b.txt", "乙文章")
    update_manifest(tmp_path / "warehouse" / "staging", raw, datetime.now(UTC))
    t = Ticker(instance)
    assert not runs(t.tick())
    (raw / "b.txt").unlink()
    (req,) = runs(t.tick())
    assert req.tags["visits/removed_count"] == "1"
    assert not runs(t.tick())  # the ledger still lists b.txt until that run scans: no second run


def test_while_a_build_runs_new_files_wait_and_the_next_tick_requests_them_once(ticker, raw, instance):
    """Runs never pile up behind a running build (issue 15's soak: at most one waiting)."""
    running = instance.create_run_for_job(job_def=dg.GraphDefinition("build_warehouse").to_job(), run_id=None)
    put(raw, "c.txt", "丙文章")
    waiting = ticker.tick()
    assert not runs(waiting) and running.run_id in waiting.skip_reason.skip_message
    put(raw, "d.txt", "丁文章")
    assert not runs(ticker.tick())
    _finish(instance, running.run_id, ok=True)
    (req,) = runs(ticker.tick())
    assert req.tags["visits/new_count"] == "2" and req.tags["visits/new_files"] == "c.txt, d.txt"


@pytest.mark.slow
def test_after_a_real_headless_build_a_tick_on_its_instance_requests_nothing_then_one_new_file_once(
    sample_warehouse, tmp_path, monkeypatch
):
    """The bullet literally: `make build`'s command built the samples; then the UI's first tick."""
    import shutil

    raw = tmp_path / "raw"  # a copy (same bytes and mtimes): the shared build is never written
    shutil.copytree(sample_warehouse["raw"], raw, copy_function=shutil.copy2)
    home = tmp_path / "home"
    shutil.copytree(sample_warehouse["home"], home)
    monkeypatch.setenv("VISITS_RAW_DIR", str(raw))
    monkeypatch.setenv("VISITS_WAREHOUSE_DIR", str(sample_warehouse["warehouse"]))
    with dg.DagsterInstance.from_config(str(home)) as instance:
        t = Ticker(instance)
        assert not runs(t.tick()), "the headless build already took up every file"
        put(raw, "new.txt", "新文章")
        (req,) = runs(t.tick())
        assert req.tags["visits/new_count"] == "1" and req.tags["visits/new_files"] == "new.txt"
        assert not runs(t.tick())
