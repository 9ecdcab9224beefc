"""Synthetic corpus generator for East-West cooperation visit articles (issue 4).

Built independently of ``visits.extract`` / ``visits.clean``: it only reads the
reference tables in ``seeds/`` and cpca's bundled GB/T 2260 table.
"""
