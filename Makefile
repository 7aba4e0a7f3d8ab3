# csm-roles: the two commands of the README, and their parts.
#   make jd      install csm-roles in .venv and print an enterprise job description
#   make check   install the test tools in .venv and run every check CI runs
#                (pytest with a coverage gate, mypy, ruff, the docs build)
#   make docs    build the documentation site into site/ (strict: any warning fails)
#   make install-browser   Debian's Chromium and ChromeDriver, for the web page's browser
#                tests (needs root and apt-get; without a browser those tests skip, except in CI)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: jd check install-dev install-test install-browser test test-only typecheck lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

jd: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check .
	$(BIN)/csm-roles jd --segment enterprise

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,docs]'

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

# the browser the web page's tests drive (tests/test_web_browser.py); .ci/run calls this
install-browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then \
	  echo "chromium and chromedriver are installed"; \
	else \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

# the whole suite with a branch-coverage gate (fail_under in pyproject.toml);
# `$(BIN)/python -m pytest -m "not slow"` skips the wheel-in-a-fresh-venv tests while you work
test: install-dev
	$(BIN)/python -m pytest --cov --cov-report=term

# the suite alone, without the docs tools or the coverage gate (CI runs it on other
# Pythons: PYTHON=... VENV=...; coverage is measured once, by `make test`)
test-only: install-test
	$(BIN)/python -m pytest

typecheck: install-dev
	$(BIN)/python -m mypy

lint: install-dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

docs: install-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --quiet -d site

check: test typecheck lint docs

bench: install-dev
	$(BIN)/python benchmarks/bench_lookups.py --installed
	$(BIN)/python benchmarks/bench_jd.py --installed
	$(BIN)/python benchmarks/bench_lint.py
	$(BIN)/python benchmarks/bench_server.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
