# Two commands for people: `make site` and `make test`. Everything else is optional.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve test validate render clean schema bench

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

test: $(STAMP)  ## run every test
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/python -m generator validate plan.yaml

render: $(STAMP)  ## write the generated pages to build/rendered (for engines without MkDocs plugins)
	$(BIN)/python -m generator render --out build/rendered

schema: $(STAMP)  ## regenerate plan.schema.json from the model
	$(BIN)/python -m generator schema --write

bench: $(STAMP)  ## generator overhead on top of MkDocs for plans 1, 10 and 50 times the example (bench/)
	$(BIN)/python -m bench

clean:
	rm -rf site build
