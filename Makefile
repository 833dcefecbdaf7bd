# Quick start: `make run` (extract the bundled corpus) and `make test` (the whole test suite).
# Both create .venv on first use with nothing but python3 (3.11+) and make.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test evaluate evaluate-dev evaluate-heldout bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/bulletin-facts extract corpus/ --format summary

evaluate: $(BIN)/.installed
	$(BIN)/bulletin-facts evaluate

# the development set: other text, free to study when a rule fails to generalise (corpus/dev/README.md)
evaluate-dev: $(BIN)/.installed
	$(BIN)/bulletin-facts evaluate --gold gold/dev --corpus corpus/dev

# the held-out set: other text, never used to tune a rule; measure, don't read (corpus/heldout/README.md)
evaluate-heldout: $(BIN)/.installed
	$(BIN)/bulletin-facts evaluate --gold gold/heldout --corpus corpus/heldout

test: $(BIN)/.installed
	@scripts/ensure-browser.sh
	$(BIN)/python -m pytest

# Benchmarks (issue #8): speed, memory and L1 accuracy beside jionlp and Recognizers-Text (the `bench`
# extra); writes benchmarks/results.json and docs/benchmark.png. BENCH_ARGS=--profile adds the profile.
$(BIN)/.bench-installed: $(BIN)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(BIN)/.bench-installed
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
