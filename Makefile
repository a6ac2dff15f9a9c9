# Two commands are all the set-up: `make run` and `make test`.
# `make run` creates (or reuses) .venv from requirements.txt: only what running needs.
# `make test` adds the test tools from requirements-dev.txt.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
DEV    := $(VENV)/.dev-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
DATA   ?= data
HOST   ?= 127.0.0.1
PORT   ?= 8050

.PHONY: run serve test validate lint browser clean

run: $(STAMP)
	$(BIN)/python -m dashboard run --data "$(DATA)" --host "$(HOST)" --port "$(PORT)"

# Serving a classroom: gunicorn with gevent workers (gunicorn.conf.py): a slow client holds a
# greenlet, not a thread; request bodies over 1 MiB get 413.
# HOST stays 127.0.0.1 unless you open it on purpose: make serve HOST=0.0.0.0
serve: $(STAMP)
	$(BIN)/python -m dashboard validate --data "$(DATA)"
	@echo "Serving on http://$(HOST):$(PORT)/ with gunicorn (Ctrl+C to stop)"
	DASHBOARD_DATA="$(abspath $(DATA))" DASHBOARD_HOST="$(HOST)" DASHBOARD_PORT="$(PORT)" \
	  $(BIN)/gunicorn -c gunicorn.conf.py app:server

validate: $(STAMP)
	$(BIN)/python -m dashboard validate --data "$(DATA)"

# The test files run in WORKERS processes (pytest-xdist), each with its own server and
# Chromium: the browser tests are bound by Chromium's main thread, so two processes use
# both cores of a two-core machine (0.69x the time of one). WORKERS=0 runs them one after
# another in this process. The browser tests wait on Dash's own queue (tests/browser.py
# `settle`), not on a quiet period, so a busy machine slows them without failing them.
WORKERS ?= 2
test: $(DEV) browser lint
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile

# ruff on everything, mypy on the package (settings in pyproject.toml)
lint: $(DEV)
	$(BIN)/ruff check .
	$(BIN)/mypy

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

$(DEV): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.dev-* && touch $@

# Browser tests use Debian's Chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; }

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
