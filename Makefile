# The README's two commands: `make site` and `make test`. Both set up .venv themselves.
# `make test` = `make lint` (ruff, the format check, mypy, zizmor on the GitHub workflows),
# `make test-js` (the unit tests of the site's scripts, with Node.js) and then every test (pytest).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
AXE := node_modules/axe-core/axe.min.js

.PHONY: site serve editor check test test-js lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# axe-core (accessibility checks in the browser tests) comes from the npm registry; without npm
# those tests skip on a person's machine and fail in CI.
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $(AXE); \
	else echo "npm is missing: the accessibility tests will be skipped"; fi

site: $(STAMP)
	$(BIN)/sop-builder bouw

serve: $(STAMP)
	$(BIN)/sop-builder bekijk

editor: $(STAMP)
	$(BIN)/sop-builder editor

check: $(STAMP)
	$(BIN)/sop-builder controleer

lint: $(STAMP)
	$(BIN)/ruff check sop_builder tests bench
	$(BIN)/ruff format --check sop_builder tests bench
	$(BIN)/mypy
	$(BIN)/zizmor --offline --no-progress .github/workflows/

# The logic of the site's scripts (templates/assets/javascripts/lib/) under Node's own test
# runner: no npm package, no bundler. Without Node.js they are skipped on a person's machine and
# fail in CI (.ci/run sets SOP_BUILDER_REQUIRE_NODE=1).
test-js:
	@if command -v node >/dev/null 2>&1; then node --test tests/js/*.test.js; \
	elif [ "$$SOP_BUILDER_REQUIRE_NODE" = 1 ]; then \
		echo "Node.js is missing but required (SOP_BUILDER_REQUIRE_NODE=1): apt-get install nodejs"; exit 1; \
	else echo "Node.js is missing: the unit tests of the site's scripts (tests/js/) are skipped"; fi

# pytest on every core (pytest-xdist); each test module stays on one worker, so the builds its
# module-scoped fixtures make are made once, except the modules of SPREAD in tests/conftest.py
# (many independent builds), whose tests go to every worker. PYTEST_ARGS adds options, e.g.
# `make test PYTEST_ARGS="-m 'not slow and not browser'"` for the quick run.
test: $(STAMP) $(AXE) lint test-js
	$(BIN)/python -m pytest -n auto --dist loadscope $(PYTEST_ARGS)

# Benchmarks on synthetic projects (66, 700, 2,000 and 7,000 schools; needs Chromium):
# writes BENCHMARKS.md and bench/results.json. Takes about 55 minutes on 2 cores.
bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) site site-intern .sop-builder node_modules
