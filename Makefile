# Cairn: two commands set everything up on a fresh machine.
#   make run    installs what is missing, builds, migrates, loads the demo and serves on :8000
#   make test   the whole suite (unit, request, authorisation matrix, browser + axe)
# DATABASE_URL picks the database (SQLite by default); PORT overrides the port.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SYSTEM_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 gettext

export CAIRN_INSECURE_LOCAL ?= 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test check setup system assets messages migrate demo format clean

run: setup system migrate
	CAIRN_DEMO=1 $(BIN)/python manage.py loaddemo
	@echo "Cairn is running at http://127.0.0.1:$(PORT)/ (demo accounts are listed on the sign-in page)"
	CAIRN_DEMO=1 $(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

test: setup system
	$(BIN)/python -m pytest -q

check: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy cairn
	$(BIN)/lint-imports
	$(BIN)/python manage.py check_catalogue
	$(BIN)/python manage.py makemigrations --check --dry-run
	CAIRN_INSECURE_LOCAL=0 CAIRN_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		CAIRN_ALLOWED_HOSTS=cairn.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

setup: $(VENV)/.installed node_modules/.installed build/.built messages

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build/.built: node_modules/.installed $(shell find assets cairn/*/static -type f 2>/dev/null)
	npm run --silent build
	$(BIN)/python manage.py collectstatic --noinput -v0
	touch $@

messages: $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy --statistics -d cairn/locale -D django

# Browser tests need Debian's Chromium; PDFs need poppler and Pango. Installed only if missing.
system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else echo "Install these Debian packages first:$$missing" >&2; exit 1; fi; \
	fi

migrate: setup
	$(BIN)/python manage.py migrate --noinput -v0

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract interface text and update the Welsh catalogue (then translate cairn/locale/cy/...).
translations: setup
	$(BIN)/pybabel extract -F babel.cfg -k _ -k gettext -k gettext_lazy -k ngettext:1,2 -k pgettext:1c,2 -o cairn/locale/django.pot --no-location --sort-output .
	$(BIN)/pybabel update -i cairn/locale/django.pot -d cairn/locale -D django -l cy --no-fuzzy-matching

clean:
	rm -rf build staticfiles $(VENV) node_modules
