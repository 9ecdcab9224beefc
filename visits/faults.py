"""Named pause points for fault tests: a test kills the build exactly at one of them.

Some windows (between two renames) last microseconds, too short to hit by watching the
disk. With VISITS_FAULT_POINT=<name> set, the process reaching that point creates the file
named by VISITS_FAULT_MARKER and stops there until it is killed. Unset, as in every real
build, a fault point does nothing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def fault_point(name: str) -> None:
    """Pause here for good if a fault test asked for this point; otherwise return at once."""
    if os.environ.get("VISITS_FAULT_POINT") != name:
        return
    marker = os.environ.get("VISITS_FAULT_MARKER")
    if marker:
        Path(marker).write_text(f"{os.getpid()}\n")
    while True:  # the test's SIGKILL ends this
        time.sleep(1)
