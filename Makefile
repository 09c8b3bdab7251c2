# The two commands a newcomer needs: `make run` and `make test`.
# Each creates .venv on first use; nothing is installed outside it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench screenshot clean

run: $(VENV)/.app-installed
	$(BIN)/parallax $(ARGS)

test: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/python -m pip install -q -e ".[dev]"
	$(BIN)/ruff check library desktop tests benchmarks
	$(BIN)/ruff format --check library desktop tests benchmarks
	$(BIN)/mypy

screenshot: $(VENV)/.app-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/parallax --data-dir "$$(mktemp -d)" --screenshot resources/screenshots/comparison.png \
		resources/articles/confidentiality-bureau-steps-into-spotlight.md \
		resources/articles/fourth-plenary-session-approaches.md

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	touch $@

$(VENV)/.app-installed: $(VENV)/.created pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.app-installed
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
