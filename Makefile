# make serve: set up and serve the site · make test: set up and run every test · make bench: performance figures
VENV    ?= .venv
PY      := $(VENV)/bin/python
PORT    ?= 8000
SITE    ?= site
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: setup serve build publish check versions schema lint test browser bench lighthouse clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

setup: $(VENV)/.installed

serve: setup
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# Builds beside $(SITE) and swaps the result in only on success: a failed, crashed or interrupted
# build leaves the previous site as it was (MkDocs itself writes into its folder as it goes).
build: setup
	rm -rf $(SITE).new
	$(VENV)/bin/mkdocs build --strict --site-dir $(SITE).new
	rm -rf $(SITE).old; if [ -e $(SITE) ]; then mv $(SITE) $(SITE).old; fi; mv $(SITE).new $(SITE); rm -rf $(SITE).old

# Builds for the address SITE_URL and copies the site to DEST (anything rsync takes: host:/var/www/site/,
# or a local folder), deleting what the new build no longer has.
publish:
	@test -n "$(SITE_URL)" -a -n "$(DEST)" || { echo "usage: make publish SITE_URL=https://example.org/ DEST=host:/var/www/site/"; exit 2; }
	$(MAKE) build
	rsync -a --delete $(SITE)/ $(DEST)

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
	@command -v chromium >/dev/null || bash .ci/install-browser

test: setup browser lint check
	$(PY) -m pytest

bench: setup
	PYTHONPATH=hooks:tests $(PY) tests/bench/bench.py

lighthouse: setup browser
	PYTHONPATH=hooks:tests $(PY) tests/quality/lighthouse.py

clean:
	rm -rf $(SITE) $(SITE).new $(SITE).old .pytest_cache
