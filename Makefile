# ML Interview Lab: one command per task. `make help` lists them.
#
# Everything runs from the virtual environment in .venv/, created on first use from
# this repository's own files. Its bin/ goes first on PATH for every recipe, because
# nbgrader runs `alembic` from PATH when it creates a gradebook.

PYTHON ?= python3
VENV   := .venv
BIN    := $(CURDIR)/$(VENV)/bin
STAMP  := $(VENV)/.installed
export PATH := $(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# JupyterLab refuses to run as root unless told; the course runs as root in containers.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
PORT ?= 8888
A ?=

.DEFAULT_GOAL := help
.PHONY: help setup lab system-deps test test-fast lint format release grade grade-all \
        progress review interview interview-grade reset bench clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run: make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and prepare notebooks/ (safe to re-run)
	$(BIN)/python -m interview_lab prepare

lab: setup  ## start the course in JupyterLab (http://127.0.0.1:$(PORT))
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $(ROOT_FLAG) \
	    --ServerApp.root_dir="$(CURDIR)" \
	    --LabApp.default_url=/lab/tree/notebooks/README.md

system-deps:  ## under CI=true: install Chromium, PostgreSQL and bubblewrap from Debian
	@if [ "$$CI" = "true" ]; then bash .ci/system-deps; fi

test: system-deps setup  ## run the whole test suite
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

test-fast: setup  ## unit tests only (no notebook execution, no browser)
	$(BIN)/python -m pytest -m "not slow and not browser and not postgres" $(PYTEST_ARGS)

lint: setup  ## ruff on code and notebooks
	$(BIN)/ruff check . && $(BIN)/ruff format --check src tests tools

format: setup  ## format code with ruff
	$(BIN)/ruff check --fix . && $(BIN)/ruff format src tests tools

release: setup  ## regenerate release/ from source/ with nbgrader
	$(BIN)/python -m interview_lab release

grade: setup  ## grade your notebooks/A work: make grade A=01_metrics [STUDENT=you]
	$(BIN)/python -m interview_lab grade $(A) $(if $(STUDENT),--student "$(STUDENT)")

grade-all: setup  ## instructor: autograde every submission, export grades.csv [JOBS=4] [SCHEDULER=tcp://host:8786]
	$(BIN)/python -m interview_lab grade-all $(if $(JOBS),--jobs $(JOBS)) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

progress: setup  ## your best score per assignment, as a table and a chart
	$(BIN)/python -m interview_lab progress $(if $(STUDENT),--student "$(STUDENT)")

interview: setup  ## a timed mock interview from the whole course [MINUTES=45] [SEED=7]
	$(BIN)/python -m interview_lab interview $(if $(MINUTES),--minutes $(MINUTES)) $(if $(SEED),--seed $(SEED)) $(if $(STUDENT),--student "$(STUDENT)")

interview-grade: setup  ## grade the latest mock interview (hidden tests, time, rubric)
	$(BIN)/python -m interview_lab interview-grade $(if $(STUDENT),--student "$(STUDENT)")

review: setup  ## what to practise next: failed, never graded, then due [ALL=1]
	$(BIN)/python -m interview_lab review $(if $(STUDENT),--student "$(STUDENT)") $(if $(ALL),--all)

reset: setup  ## fresh copy of a released notebook (old one kept): make reset A=01_metrics
	$(BIN)/python -m interview_lab reset $(A)

bench: setup  ## time notebooks, autograding, explorers, a class: make bench [REPEAT=3] [CLASS=50] [BEFORE=1]
	$(BIN)/python tools/bench.py $(if $(REPEAT),--repeat $(REPEAT)) $(if $(CLASS),--class-size $(CLASS)) $(if $(JOBS),--jobs $(JOBS)) $(if $(BEFORE),--before)

clean:  ## remove generated files (keeps notebooks/ and .venv/)
	rm -rf .pytest_cache .ruff_cache build src/*.egg-info
