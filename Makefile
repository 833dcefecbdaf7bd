# Quick start: `make run` (extract the bundled corpus) and `make test` (the whole test suite).
# Both create .venv on first use with nothing but python3 (3.11+) and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test evaluate clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/bulletin-facts extract corpus/ --format summary

evaluate: $(BIN)/.installed
	$(BIN)/bulletin-facts evaluate

test: $(BIN)/.installed
	@scripts/ensure-browser.sh
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
