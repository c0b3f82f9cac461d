# The two commands a fresh machine needs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# The JavaScript clients the end-to-end tests drive, pinned by their lock file.
JS := tests/js
# The admin app's sources; its built bundle is committed beside the code that serves it.
ADMIN := interfaces/admin

# The newest PostgreSQL server installed; its pg_auto_failover extension must match it.
PG_MAJOR := $(shell ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)

.PHONY: help install serve demo test lint bench admin graphiql clean

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

# Installed again whenever the lock file is newer than the installed copy.
$(JS)/node_modules: $(JS)/package-lock.json
	tests/ensure_node.sh $(JS)

$(ADMIN)/node_modules: $(ADMIN)/package-lock.json
	tests/ensure_node.sh $(ADMIN)

test: lint $(JS)/node_modules $(ADMIN)/node_modules ## Lint, then run every test (PostgreSQL, Node, Chromium, pg_auto_failover and PgBouncer made ready first)
	tests/ensure_postgres.sh $(BIN)/python
	tests/ensure_debian_package.sh /usr/bin/chromium chromium
	tests/ensure_debian_package.sh /usr/bin/pg_autoctl pg-auto-failover-cli postgresql-$(PG_MAJOR)-auto-failover
	tests/ensure_debian_package.sh /usr/sbin/pgbouncer pgbouncer
	$(BIN)/pytest

bench: install ## Run the benchmarks in tests/benchmarks
	tests/ensure_postgres.sh $(BIN)/python
	$(BIN)/pytest tests/benchmarks -s -q

# The result is committed, so `make serve` needs nothing but Python.
admin: ## Rebuild the admin app's bundle from its sources and schema.graphql (needs Node)
	tests/ensure_node.sh $(ADMIN) && test -d $(ADMIN)/node_modules
	cd $(ADMIN) && npm run codegen && npm run build

graphiql: ## Copy GraphiQL's browser files out of the npm packages pinned in interfaces/http/graphiql (needs npm)
	$(PYTHON) interfaces/http/graphiql/build.py interfaces/http/graphiql/static/vendor

clean: ## Remove .venv, the tools' caches and the npm packages
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache $(JS)/node_modules $(ADMIN)/node_modules
