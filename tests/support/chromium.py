"""Debian's chromium, as the browser tests drive it (never a downloaded browser)."""

from __future__ import annotations

import os
from pathlib import Path

# VISITS_CHROMIUM only exists to try the skip path.
CHROMIUM = Path(os.environ.get("VISITS_CHROMIUM", "/usr/bin/chromium"))
NO_CHROMIUM = f"{CHROMIUM} not found: install Debian's chromium (`make chromium`) to run the UI test"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
