# Two commands do everything on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DBT    := $(BIN)/dbt --no-use-colors
DBT_DIRS := --project-dir dbt_project --profiles-dir dbt_project

# A persistent Dagster instance (run history, sensor cursors, the writer pool) lives here.
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: venv dbt-parse build build-full test test-fast test-soak test-ui report-shot chromium ui docs lint bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp orchestration/dagster.yaml $@

# dagster-dbt reads dbt's manifest; it is parsed here, never at import time, with the
# target and vars the build uses (orchestration/dbt_parse.py), so the build's dbt parses
# only what changed.
dbt-parse: venv
	$(BIN)/python -m orchestration.dbt_parse

# A build killed earlier may still hold the writer pool's slot: recovery frees it first.
build: venv dbt-parse $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m orchestration.recovery
	$(BIN)/dagster asset materialize -m orchestration.definitions --select '*'
	@$(BIN)/python -m orchestration.summary

# The same build with every incremental dbt model rebuilt from all staging batches.
build-full: venv dbt-parse $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m orchestration.recovery
	$(BIN)/dagster asset materialize -m orchestration.definitions --select '*' \
		--config-json '{"ops": {"warehouse_models": {"config": {"full_refresh": true}}}}'
	@$(BIN)/python -m orchestration.summary

# Two workers: a build is mostly one core's work. Each test module runs whole on one worker, so
# its fixtures are built once; TEST_WORKERS=0 runs the suite in this one process.
TEST_WORKERS ?= 2
test: venv dbt-parse
	$(BIN)/ruff check .
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile -m "not ui and not soak"

# The edit loop: every test that runs no build (`slow` marks those that do), in about a minute.
test-fast: venv dbt-parse
	$(BIN)/pytest -m "not slow and not ui"

# Articles arriving in bursts under `dagster dev` while readers read (issue 15), a few minutes.
test-soak: venv dbt-parse
	$(BIN)/pytest -m soak -s  # -s: the test prints its figures (files, runs, reader queries, errors)

# The browser test drives Debian's /usr/bin/chromium (never a downloaded browser); it skips without it.
test-ui: venv dbt-parse
	$(BIN)/pytest -m ui

# docs/report.png is the screenshot the report's browser test takes on the samples, never drawn by hand.
report-shot: venv dbt-parse chromium
	VISITS_REPORT_SHOT=$(CURDIR)/docs/report.png $(BIN)/pytest -m ui tests/test_report.py -k chromium

# Install Debian's chromium when apt can (root, or passwordless sudo); otherwise say so and go on.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo -n)
chromium:
	@test -x /usr/bin/chromium \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; } \
	  || echo "chromium is not installable here: the ui tests will skip"

# orchestration/ui.py stops the whole of `dagster dev` within seconds of Ctrl-C or SIGTERM.
# `make ui PORT=3001` when 3000 is taken; DAGSTER_HOME (run history, sensor cursor) stays the same.
PORT ?= 3000
UI_PORT ?= $(PORT)
ui: venv dbt-parse $(DAGSTER_HOME)/dagster.yaml
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m orchestration.ui -m orchestration.definitions -h 127.0.0.1 -p $(UI_PORT)

# The codebook as dbt's docs site, static files in warehouse/docs/ (open static_index.html).
# It reads the published warehouse for column types: run after `make build`.
DOCS_DIR := $(CURDIR)/warehouse/docs
docs: venv dbt-parse
	VISITS_WAREHOUSE_DIR=$(CURDIR)/warehouse $(DBT) docs generate $(DBT_DIRS) --static --target-path $(DOCS_DIR)
	@echo "codebook: $(DOCS_DIR)/static_index.html (or: cd $(DOCS_DIR) && python3 -m http.server)"

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf warehouse/staging warehouse/*.duckdb* warehouse/marts dbt_project/target
