# The two commands a fresh machine needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: help install serve demo test lint bench clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

help: ## List the targets, one line each
	@awk -F ':.*## ' '/^[a-z]+:.*## / { printf "  make %-8s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

install: $(INSTALLED) ## Create .venv and install Rapport with its development tools

# The API on the embedded SQLite store, with sample data the first time.
serve: install ## Serve the API on ./rapport.db, loading the sample data the first time
	$(BIN)/rapport demo --if-empty
	$(BIN)/rapport serve

demo: install ## Load the sample data (refused when it is already loaded)
	$(BIN)/rapport demo

lint: install ## Run ruff, mypy and the import contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint ## Lint, then run the tests (PostgreSQL started when it does not answer)
	tests/ensure_postgres.sh $(BIN)/python
	$(BIN)/pytest

bench: install ## Run the benchmarks in tests/benchmarks
	tests/ensure_postgres.sh $(BIN)/python
	$(BIN)/pytest tests/benchmarks -s -q

clean: ## Remove .venv and the tools' caches
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
