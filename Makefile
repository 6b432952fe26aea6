# The README's two commands: `make site` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: site serve check test lint clean

$(STAMP): pyproject.toml package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# axe-core for the accessibility tests, pinned in package-lock.json (skipped without npm).
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; fi
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/sop-builder build

serve: $(STAMP)
	$(BIN)/sop-builder serve

check: $(STAMP)
	$(BIN)/sop-builder check

lint: $(STAMP)
	$(BIN)/ruff check sop_builder tests

test: $(STAMP)
	$(BIN)/ruff check sop_builder tests
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site site-intern .sop-builder node_modules
