"""`make ui` stops within 10 s of Ctrl-C, with a run in flight, and leaves no run STARTED."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

import dagster as dg
import pytest
from dagster._core.instance.ref import InstanceRef

from orchestration.headless import build_env
from tests.support.paths import REPO, sample_articles

pytestmark = pytest.mark.slow

ACTIVE = (dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _processes_of(home) -> list[int]:
    """Live processes started for this instance (dagster dev and its children carry DAGSTER_HOME)."""
    mark = f"DAGSTER_HOME={home}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                environ = open(f"/proc/{entry}/environ", "rb").read().split(b"\0")
                state = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if mark in environ and state != "Z":
                found.append(int(entry))
    return found


def _runs(home) -> list[dg.DagsterRunStatus]:
    with dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(home))) as instance:
        return [r.dagster_run.status for r in instance.get_run_records()]


def test_make_ui_exits_within_10s_of_sigint_and_leaves_no_run_started(tmp_path, dbt_parsed):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sample_articles()[:2]:
        shutil.copy(path, raw / path.name)
        os.utime(raw / path.name, (time.time() - 60, time.time() - 60))  # settled for the sensor
    home = tmp_path / "home"
    env = build_env(raw, tmp_path / "warehouse", home)
    port = _free_port()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "ui", f"UI_PORT={port}", f"DAGSTER_HOME={home}"],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "ui.log").open("w"),
        start_new_session=True,  # its own group, as a terminal's foreground job is
    )
    try:
        deadline = time.monotonic() + 480  # minutes on a loaded machine
        while True:  # the webserver answers
            assert proc.poll() is None, f"make ui ended early (rc {proc.returncode})"
            assert time.monotonic() < deadline, "dagster dev did not come up"
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                time.sleep(1)
        # The sensor (default RUNNING) requests a build of the two articles: wait until it runs.
        deadline = time.monotonic() + 180
        while not any(s in ACTIVE for s in _runs(home)) and time.monotonic() < deadline:
            time.sleep(1)
        in_flight = any(s in ACTIVE for s in _runs(home))

        started = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        proc.wait(timeout=30)
        took = time.monotonic() - started
        left = _processes_of(home)
    finally:
        if _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in _processes_of(home):  # only what this test started, by its own instance
            os.kill(pid, signal.SIGKILL)
        proc.wait()
    tail = (tmp_path / "ui.log").read_text()[-600:]
    assert took < 10, f"make ui took {took:.1f}s to exit after SIGINT: {tail}"
    assert not left, f"processes of dagster dev outlived make ui: {left}"
    assert in_flight, "no run was in flight when SIGINT was sent (the test proves less)"
    assert not [s for s in _runs(home) if s in ACTIVE], _runs(home)
