# The two commands a user needs: `make site` and `make test`. Everything else
# (the virtualenv, pinned pip packages, npm packages) is set up on demand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CORPUS ?= corpus
OUTPUT ?= output
PELICAN_OPTS ?=
LINT   := plugins tests pelicanconf.py publishconf.py $(wildcard bench)

.PHONY: site publish serve test lint clean setup

site: $(VENV)/.site node_modules/.installed
	$(BIN)/pelican "$(CORPUS)" -o "$(OUTPUT)" -s pelicanconf.py $(PELICAN_OPTS)

publish: $(VENV)/.site node_modules/.installed
	$(BIN)/pelican "$(CORPUS)" -o "$(OUTPUT)" -s publishconf.py $(PELICAN_OPTS)

serve: site
	$(BIN)/pelican --listen --bind 127.0.0.1 --port 8000 -o "$(OUTPUT)" -s pelicanconf.py

test: $(VENV)/.test node_modules/.installed
	$(BIN)/ruff check $(LINT)
	$(BIN)/ruff format --check $(LINT)
	$(BIN)/pytest

lint: $(VENV)/.test
	$(BIN)/ruff check $(LINT)
	$(BIN)/ruff format --check $(LINT)

setup: $(VENV)/.test node_modules/.installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

PIP := $(BIN)/pip install --quiet --disable-pip-version-check
# The spaCy model is a separate, hash-checked install (see requirements-model.txt).
MODEL := $(PIP) --no-deps --require-hashes -r requirements-model.txt

$(VENV)/.site: pyproject.toml constraints.txt requirements-model.txt | $(VENV)/bin/python
	$(PIP) -c constraints.txt -e .
	$(MODEL)
	touch $@

$(VENV)/.test: pyproject.toml constraints.txt requirements-model.txt | $(VENV)/bin/python
	$(PIP) -c constraints.txt -e '.[test]'
	$(MODEL)
	touch $(VENV)/.site $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf "$(OUTPUT)" cache test-artifacts
