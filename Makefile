# csm-roles: the two commands of the README, and their parts.
#   make jd      install csm-roles in .venv and print an enterprise job description
#   make check   install the test tools in .venv and run every check CI runs
#                (pytest with a coverage gate, mypy, ruff, the docs build)
#   make docs    build the documentation site into site/ (strict: any warning fails)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: jd check install-dev install-test test test-only typecheck lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

jd: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check .
	$(BIN)/csm-roles jd --segment enterprise

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,docs]'

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

# the whole suite with a branch-coverage gate (fail_under in pyproject.toml);
# `$(BIN)/python -m pytest -m "not slow"` skips the wheel-in-a-fresh-venv tests while you work
test: install-dev
	$(BIN)/python -m pytest --cov --cov-report=term

# the suite alone, without the docs tools (CI runs it on other Pythons: PYTHON=... VENV=...)
test-only: install-test
	$(BIN)/python -m pytest --cov --cov-report=term

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

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
