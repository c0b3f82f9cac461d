# The two commands a fresh machine needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The JavaScript clients the end-to-end tests drive, pinned by their lock file.
JS := tests/js

.PHONY: install serve demo test lint bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

install: $(INSTALLED)

# The API on the embedded SQLite store, with sample data the first time.
serve: install
	$(BIN)/rapport demo --if-empty
	$(BIN)/rapport serve

demo: install
	$(BIN)/rapport demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Installed again whenever the lock file is newer than the installed copy.
$(JS)/node_modules: $(JS)/package-lock.json
	tests/ensure_node.sh $(JS)

test: lint $(JS)/node_modules
	tests/ensure_postgres.sh $(BIN)/python
	tests/ensure_chromium.sh
	$(BIN)/pytest

bench: install
	tests/ensure_postgres.sh $(BIN)/python
	$(BIN)/pytest tests/benchmarks -s -q

# GraphiQL's browser files, copied out of the npm packages pinned in
# interfaces/http/graphiql/packages.lock.json; needs npm. The result is committed, so
# `make serve` needs nothing but Python.
.PHONY: graphiql
graphiql:
	$(PYTHON) interfaces/http/graphiql/build.py interfaces/http/graphiql/static/vendor

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache $(JS)/node_modules
