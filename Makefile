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

# The Air Force bulletins (a user's own copy, never committed): the path in
# WARSTATS_BULLETINS, else the shared reference copy beside the checkout.
BULLETINS ?= $(or $(WARSTATS_BULLETINS),../shared/reference/missile_attacks_daily.csv)

# Ingest the seed articles, load the bulletins when there is a file, and
# write reports/out/briefing.md with charts. Without a bulletin file the
# briefing says how to load one. Bad bulletin rows (exit 3) are listed and
# the rest is loaded: the briefing is still built.
report: $(STAMP)
	$(BIN)/warstats --db $(DB) ingest seeds/
	@if [ -f "$(BULLETINS)" ]; then \
		echo "loading the Air Force bulletins from $(BULLETINS)"; \
		$(BIN)/warstats --db $(DB) load-bulletins "$(BULLETINS)" || [ $$? -eq 3 ]; \
	else \
		echo "no bulletin file at $(BULLETINS): the briefing is built without" \
		     "it (set WARSTATS_BULLETINS to the path of missile_attacks_daily.csv)"; \
	fi
	$(BIN)/warstats --db $(DB) report --out reports/out

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) reports/out $(DB) $(DB).wal .pytest_cache
