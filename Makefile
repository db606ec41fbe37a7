PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo review test test-fast lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m tools.demo

# Browse a database in Datasette at http://127.0.0.1:8001 (read-only): DB=path, else the
# demo's (made by `make demo` when missing).
DB ?= demo.db
review: $(STAMP)
	@[ -f "$(DB)" ] || [ "$(DB)" != demo.db ] || $(BIN)/python -m tools.demo > /dev/null
	$(BIN)/datasette serve "$(DB)" --plugins-dir datasette/plugins --host 127.0.0.1 --port 8001

# The fast tier (in process), then the e2e tier (real processes). pytest exits 5 when a tier
# selects no test: that is not a failure.
test-fast: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest || [ $$? -eq 5 ]

test: test-fast
	$(BIN)/pytest -m e2e || [ $$? -eq 5 ]

bench: $(STAMP)
	$(BIN)/python -m tools.bench

clean:
	rm -rf $(VENV) listings.db demo.db .pytest_cache
