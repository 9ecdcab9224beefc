"""Evaluation-only code: scores the product against gold data, and is never part of a build.

It lives outside `visits` so that editing it changes no stage version (visits/ledger/versions.py)
and so reprocesses no article.
"""
