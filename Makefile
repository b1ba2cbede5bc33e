# Two commands for a newcomer (see README):  make demo  |  make test
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
DATA_DIR ?= ./data

.PHONY: demo test install install-dev lint bench clean

demo: install  ## install, sync the bundled Musterstadt data, serve http://127.0.0.1:8000
	$(BIN)/rathaus --data-dir $(DATA_DIR) sync oparl demo
	$(BIN)/rathaus --data-dir $(DATA_DIR) sync services demo
	$(BIN)/rathaus --data-dir $(DATA_DIR) serve

test: install-dev  ## install with test tools and run every test (pytest's "no tests" counts as success)
	@sh scripts/ensure-chromium.sh
	@$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install -q -e .

# llama-cpp-python (extra local-llm) compiles from source: about 6 minutes on 2 cores the first time, then pip
# reuses the wheel from its cache. Portable flags, so a cached wheel runs on any x86-64 CPU with AVX2.
LLAMA_CMAKE_ARGS ?= -DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON

install-dev: $(BIN)/python
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install -q -e '.[dev,local-llm]'

lint: install-dev
	$(BIN)/ruff check src tests bench

bench: install-dev  ## retrieval quality and speed; writes docs/BENCHMARKS.md (needs ../shared)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DATA_DIR) build *.egg-info src/*.egg-info
