"""Moved to tests/support/dagster_dev.py; kept for test files written on other branches meanwhile."""

from tests.support.dagster_dev import *  # noqa: F403
from tests.support.dagster_dev import _stop, _wait_until_ready  # noqa: F401
