# warstats: `make report` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= warstats.duckdb

.PHONY: report test bench install clean

# The virtualenv, with warstats installed in editable mode and test extras.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Ingest the seed articles and write reports/out/briefing.md with charts.
report: $(STAMP)
	$(BIN)/warstats --db $(DB) ingest seeds/
	$(BIN)/warstats --db $(DB) report --out reports/out

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) reports/out $(DB) $(DB).wal .pytest_cache
