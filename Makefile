# Two commands do everything on a fresh machine:
#   make preview   install, build public/, and preview at http://127.0.0.1:5000
#   make test      install what the tests need, then lint and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: preview build check test lint schema translations bench mutation clean
.DEFAULT_GOAL := test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install whenever the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# npm brings the partial Plotly bundle the site serves, and the test tools (Nu HTML
# Checker, axe-core, Lighthouse); versions are pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium drives the browser tests (Playwright cannot download its own here);
# the Nu HTML Checker runs on Java.
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

/usr/bin/java:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless

# Real nginx, Apache and Caddy serve the builds with the configurations `build.py host` writes
# (each on a free port with its own files: a service Debian starts on install is left alone);
# lynx and w3m read every kind of page as text browsers do.
/usr/sbin/nginx /usr/sbin/apache2 /usr/bin/caddy /usr/bin/lynx /usr/bin/w3m:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx apache2 caddy lynx w3m

# The preview starts even when the build finds problems: its pages show them until they are fixed.
preview: $(VENV)/.installed node_modules/.installed
	-$(BIN)/python build.py build
	$(BIN)/python build.py serve

build: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py build

check: $(VENV)/.installed
	$(BIN)/python build.py check

schema: $(VENV)/.installed
	$(BIN)/python build.py schema

# The interface's words: gather every marked string into the catalogs' template, then add the
# new ones to each language's catalog to translate (LANGUAGE=ky starts a catalog for Kyrgyz).
BABEL_KEYWORDS := -k pgettext:1c,2 -k N_ -k say:2
translations: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --no-location --sort-output --omit-header -o site/translations/messages.pot .
	$(if $(LANGUAGE),$(BIN)/pybabel init -i site/translations/messages.pot -d site/translations -l $(LANGUAGE),)
	$(BIN)/pybabel update -i site/translations/messages.pot -d site/translations --no-fuzzy-matching --ignore-obsolete

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# pytest also runs the JavaScript tests (tests/js/), on vectors it generates from the Python model.
test: $(VENV)/.installed node_modules/.installed /usr/bin/chromium /usr/bin/java /usr/sbin/nginx /usr/sbin/apache2 /usr/bin/caddy /usr/bin/lynx /usr/bin/w3m lint
	$(BIN)/python -m pytest

# Lighthouse, 3 runs a page, on one page of each kind (`python bench/lighthouse.py` for all).
bench: $(VENV)/.installed node_modules/.installed /usr/bin/chromium
	$(BIN)/python bench/lighthouse.py --kinds

# Mutation testing of calculator/ and records/ (not part of `make test`): mutmut changes the code
# one small way at a time and runs the tests that exercise it ([tool.mutmut] in pyproject.toml);
# a change no test notices survives. Results stay in mutants/, so a second run only retests
# what changed; `$(BIN)/mutmut results` lists the survivors, `$(BIN)/mutmut show NAME` shows one.
$(VENV)/.installed-mutation: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	touch $@

mutation: $(VENV)/.installed-mutation
	rm -rf $(addprefix mutants/,site content tools bench tests node_modules)  # stale copies
	find mutants/fakefarms -name '*.py' -delete 2>/dev/null || true  # stale copies; keeps results (*.meta)
	$(BIN)/python bench/mutation_results.py restore  # go on from the committed results
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/mutmut run  # its type check runs the venv's mypy
	$(BIN)/python bench/mutation_results.py save
	$(BIN)/python bench/mutation_score.py

clean:
	rm -rf public $(VENV) node_modules .pytest_cache .ruff_cache .hypothesis
