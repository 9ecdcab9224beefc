"""What the tests share: paths, the build helper, the contract, `dagster dev` and chromium drivers.

Test modules import from here, never from one another or from conftest.
"""
