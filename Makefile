# The two commands of the README:
#   make run   - create .venv, install Herald, code the bundled example articles into herald.duckdb, print the events
#   make test  - install the development dependencies (and Chromium/Java from Debian when missing), run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= herald.duckdb

.PHONY: run test quality install install-dev system-deps benchmark benchmark-profile benchmark-spark benchmark-queries benchmark-api benchmark-resume clean

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.dev-installed system-deps

system-deps:
	@scripts/install-system-deps.sh

run: install
	$(BIN)/herald demo --db $(DB)

test: install-dev
	$(BIN)/python -m pytest

quality: install-dev
	$(BIN)/python -m herald.evaluate.suite --shared ../shared

benchmark: install-dev
	$(BIN)/python benchmarks/throughput.py

benchmark-profile: install-dev
	$(BIN)/python benchmarks/profile_stages.py

benchmark-spark: install-dev
	$(BIN)/python benchmarks/spark_speed.py

benchmark-queries: install-dev
	$(BIN)/python benchmarks/query_speed.py

benchmark-api: install-dev
	$(BIN)/python benchmarks/api_load.py
	$(BIN)/python benchmarks/api_load.py --warm

benchmark-resume: install-dev
	$(BIN)/python benchmarks/resume.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
