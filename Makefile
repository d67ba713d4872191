# make serve: set up and serve the site · make test: set up and run every test · make bench: performance figures
VENV    ?= .venv
PY      := $(VENV)/bin/python
PORT    ?= 8000
SITE    ?= site
BUILD_WAIT ?= 600
TEST_WORKERS ?= 2
TEST_BUDGET := 180
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: checkout setup serve build publish check versions schema lint test browser bench lighthouse clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

# A checkout that tracks files git ignores (a cache, a virtual environment, bytecode, a built site, added
# with `git add -f`) could run or publish what no diff shows: refused before anything of it runs.
checkout:
	@! git ls-files --cached --ignored --exclude-standard 2>/dev/null | grep . || { echo "make: git tracks the files above, which it ignores: a checkout must not carry caches, builds or environments (git rm --cached them)"; exit 1; }

setup: checkout $(VENV)/.installed

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# One build at a time (a second waits up to BUILD_WAIT seconds for the lock), into a fresh folder under
# $(SITE).builds/; $(SITE) is a link to the finished build, swapped in by one rename: a failed, crashed,
# interrupted or concurrent build never leaves $(SITE) missing or partial (hooks/release.py). exec: no shell
# stays between make and the build, so Ctrl-C reaches the build itself and make waits for it to clean up.
build: setup
	exec $(PY) hooks/release.py build --site "$(SITE)" --wait "$(BUILD_WAIT)"

# Builds for the address SITE_URL and copies the new build to DEST (anything rsync takes: host:/var/www/site/,
# or a local folder), deleting what the new build no longer has; the lock is held through the copy.
publish: setup
	@test -n "$(SITE_URL)" -a -n "$(DEST)" || { echo "usage: make publish SITE_URL=https://example.org/ DEST=host:/var/www/site/"; exit 2; }
	exec $(PY) hooks/release.py publish --site "$(SITE)" --wait "$(BUILD_WAIT)" --dest "$(DEST)"

check: setup
	$(PY) -m sitegen check data

# Needs the network (PyPI), so make test does not run it: lists each tool whose reviewed version is behind.
versions: setup
	$(PY) -m sitegen versions data

schema: setup
	$(PY) -m sitegen schema schema

lint: setup
	$(VENV)/bin/ruff check hooks tests
	$(VENV)/bin/ruff format --check hooks tests
	$(VENV)/bin/mypy

browser:
	@command -v chromium >/dev/null && command -v rsync >/dev/null || bash .ci/install-browser

# Lint, the data check and every test, the tests on TEST_WORKERS processes (an idle one takes queued tests
# from the busy one: in pairs of runs, 3 % less time than handing them out in turns); says how long it took,
# against the budget the README states (3 minutes on 2 cores, set-up and Chromium's install not counted).
test: setup browser
	@start=$$(date +%s); status=0; \
	$(MAKE) --no-print-directory lint check && $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s (budget: $(TEST_BUDGET) s)"; exit $$status

bench: setup
	PYTHONPATH=hooks:tests $(PY) tests/bench/bench.py

lighthouse: setup browser
	PYTHONPATH=hooks:tests $(PY) tests/quality/lighthouse.py

clean:
	rm -rf "$(SITE)" "$(SITE).builds" site.by-hand .pytest_cache
