# Every target sets up .venv first, so any of them works on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup serve build test lint check publish bench clean axe captures

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/capi build

check: $(STAMP)
	$(BIN)/capi check

test: lint
	$(BIN)/python -m pytest

# Rules and their reasons are in pyproject.toml: ruff (style, bugs, complexity <= 15 per
# function) and import-linter (the engine's layers, no import cycle, MkDocs only in its adapter)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

publish: $(STAMP)
	$(BIN)/capi publish

bench: $(STAMP)
	$(BIN)/python -m bench

# The accessibility audit's axe-core, replaced by the latest release (or AXE=x.y.z) from npm:
# the only command that downloads, run by hand; commit what it writes (tests/browser/vendor/)
axe: $(STAMP)
	$(BIN)/python -m tests.browser.vendor_axe $(AXE)

# Screenshots of every page type (1280 and 360 px, light and dark) into captures/, for review
captures: build
	$(BIN)/python -m tests.browser.captures $(PAGES)

clean:
	rm -rf site dist .pytest_cache
