# The README's two commands are `make run` and `make test`; every other target serves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test install lint typecheck pytest migrate demo clean chromium browser-test \
	browser-deps bench

# (Re)install when pyproject.toml changes; a fresh machine gets the venv from scratch.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/storedesk db upgrade

demo: migrate
	$(BIN)/storedesk seed demo --if-empty

run: demo
	$(BIN)/streamlit run app/ui/main.py --server.address $(HOST) --server.port $(PORT) \
		--server.headless true --browser.gatherUsageStats false

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy services app seed_data

pytest: install
	$(BIN)/pytest

# Chromium first: as root (CI, a fresh machine) it is installed when missing; otherwise
# the browser test skips with the reason locally and fails under CI=true.
test: lint typecheck browser-deps pytest

# Every benchmark at full size (stores generated once under var/bench/, then reused);
# prints the figures and rewrites BENCHMARKS.md. Not part of `make test` (tests/bench
# runs each one at a tiny size). Takes several minutes.
bench: install
	$(BIN)/storedesk bench all

browser-deps:
	@test -x $(CHROMIUM) || [ "$$(id -u)" != 0 ] || $(MAKE) chromium

# The browser test drives Debian's Chromium (never `playwright install`, which downloads
# a browser from elsewhere). Installs it when missing; needs root, as in CI.

chromium:
	test -x $(CHROMIUM) || (apt-get update && apt-get install -y --no-install-recommends chromium)

browser-test: install chromium
	$(BIN)/pytest -m browser tests/browser

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
