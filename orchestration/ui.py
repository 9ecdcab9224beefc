"""`make ui`: `dagster dev`, stopped within seconds of Ctrl-C or SIGTERM.

`dagster dev` runs a webserver, a daemon, code servers and run workers. Left to itself it
can take a minute or more to stop with a run in flight, and a SIGTERM sent to `make`
alone reached none of them. Here it runs in its own process group: the first SIGINT or
SIGTERM is passed to the whole group (dagster's own graceful stop), and whatever is still
alive after GRACE_SECONDS is killed. Then dead runs are reaped, so a run that was in flight
is marked failed, not left STARTED, and the writer pool's slot it held is freed.

    .venv/bin/python -m orchestration.ui -m orchestration.definitions -h 127.0.0.1 -p 3000
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

GRACE_SECONDS = 3.0  # dagster dev's own stop with a run in flight takes far longer


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop(proc: subprocess.Popen, sig: int) -> None:
    """Ask the group to stop, then make sure it has."""
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and _group_alive(proc.pid):
        if proc.poll() is not None and not _group_alive(proc.pid):
            return
        time.sleep(0.1)
    if _group_alive(proc.pid):
        print(f"dagster dev still running after {GRACE_SECONDS:.0f}s; killing it", file=sys.stderr)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()


def main(argv: list[str]) -> int:
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.Popen([str(dagster), "dev", *argv], start_new_session=True)
    received: list[int] = []

    def on_signal(sig: int, _frame: object) -> None:
        received.append(sig)

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    # Imported now, with the handlers up, not when stopping: under load importing dagster
    # takes seconds, which would count against the 10 s a Ctrl-C may take.
    from orchestration.recovery import reap_on_load
    while proc.poll() is None and not received:
        time.sleep(0.2)
    began = time.monotonic()
    if received:
        print(f"stopping dagster dev ({signal.Signals(received[0]).name})", file=sys.stderr)
        _stop(proc, signal.SIGINT if received[0] == signal.SIGINT else signal.SIGTERM)
    elif _group_alive(proc.pid):  # dagster dev ended by itself: leave no children behind
        _stop(proc, signal.SIGTERM)
    stopped = time.monotonic()
    reap_on_load()  # a run that was in flight is marked failed and its pool slot freed
    print(f"dagster dev stopped in {stopped - began:.1f}s; runs checked in {time.monotonic() - stopped:.1f}s",
          file=sys.stderr)
    return 0 if received else (proc.returncode or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
