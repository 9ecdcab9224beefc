"""Moved to tests/support/contract.py; kept for test files written on other branches meanwhile."""

from tests.support.contract import CONTRACT, CONTRACT_TYPES, CONTRACT_VALUES  # noqa: F401
