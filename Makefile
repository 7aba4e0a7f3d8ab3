# csm-roles: the two commands of the README, and their parts.
#   make jd      install csm-roles in .venv and print an enterprise job description
#   make check   install the test tools in .venv and run every check CI runs
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: jd check install-dev test typecheck lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

jd: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check .
	$(BIN)/csm-roles jd --segment enterprise

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'

test: install-dev
	$(BIN)/python -m pytest

typecheck: install-dev
	$(BIN)/python -m mypy --strict csm_roles

lint: install-dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

check: test typecheck lint

bench: install-dev
	$(BIN)/python benchmarks/bench_lookups.py
	$(BIN)/python benchmarks/bench_jd.py
	$(BIN)/python benchmarks/bench_lint.py

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
