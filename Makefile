# The two commands: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
PG_URL ?= postgres://postgres@127.0.0.1:5432/engagementnetz
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON := $(BIN)/python

.PHONY: run test setup lint test-sqlite test-postgres test-browser bench messages clean

run: setup ## set up, migrate, load the demo once, serve web and worker on 127.0.0.1:8000
	@mkdir -p var
	@DEBUG=true $(BIN)/engagementnetz migrate --no-input -v 0
	@DEBUG=true $(BIN)/engagementnetz load_demo --if-empty
	@echo ""
	@echo "  Engagement-Netz läuft auf http://127.0.0.1:8000  (Strg-C beendet Web-Server und Worker)"
	@echo "  Demo-Zugänge (Passwort jeweils: engagement-demo):"
	@echo "    Bürgerin:        buergerin@example.org"
	@echo "    Vereinskontakt:  verein@example.org"
	@echo "    Netzwerkbüro:    netzwerkbuero@example.org  (TOTP-Code: make totp)"
	@echo "  Mails landen als Dateien in var/mail/."
	@echo ""
	@DEBUG=true exec $(BIN)/engagementnetz run

totp: ## the current TOTP code of the demo network-office login
	@DEBUG=true $(BIN)/engagementnetz demo_totp

setup: $(VENV)/.synced node_modules/.installed src/engagementnetz/static/vendor/.built messages-compiled

$(VENV)/.synced: pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.9
	@$(UV) sync --locked --quiet --inexact
	@touch $@

node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

src/engagementnetz/static/vendor/.built: node_modules/.installed scripts/build_assets.py $(VENV)/.synced
	@$(BIN)/python scripts/build_assets.py
	@touch $@

messages-compiled: $(VENV)/.synced
	@$(BIN)/python scripts/messages.py compile > /dev/null

messages: setup ## update the German catalogues from the code (needs gettext)
	@$(BIN)/python scripts/messages.py extract

lint: setup
	@mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	ENGAGEMENTNETZ_TESTING=1 $(BIN)/python manage.py makemigrations --check --dry-run
	git ls-files '*.py' | grep -v '/migrations/' | xargs $(BIN)/django-upgrade --target-version 5.2 > /dev/null

test: setup lint test-sqlite test-postgres ## set up, lint, the whole suite on SQLite and PostgreSQL, browser journeys

test-sqlite: setup
	@mkdir -p var
	ENGAGEMENTNETZ_TESTING=1 $(BIN)/pytest -n 2 --dist loadgroup -q

test-postgres: setup
	@bash scripts/ensure_postgres.sh
	ENGAGEMENTNETZ_TESTING=1 DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 -q -m "not browser"

# All load comes from one address: the API's rate limit is lifted to measure its answers.
BENCH_ENV := BENCHMARK=1 SECRET_KEY=benchmark-only-secret-key-not-for-production-0123456789 \
	DATA_DIR=$(CURDIR)/var/bench ALLOWED_HOSTS=127.0.0.1,localhost SITE_URL=http://127.0.0.1:8765 \
	API_RATE_LIMIT_PER_MINUTE=1000000

# make bench BENCH_ARGS="--seconds 2"; with DATABASE_URL=postgres://… it runs on PostgreSQL.
bench: setup ## the performance benchmark on the large data set (not part of CI)
	@mkdir -p var/bench
	$(BENCH_ENV) $(BIN)/engagementnetz bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules var src/engagementnetz/static/vendor
