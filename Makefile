# The two set-up commands are `make serve` and `make test`; both create .venv on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
ENGINE ?= mkdocs
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve build test goldens bench lint validate chromium clean help

help:
	@echo "make serve    - set up, generate, build and serve on http://127.0.0.1:8000 (PORT=…)"
	@echo "make build    - write the static site to site/ (ENGINE=zensical for Zensical)"
	@echo "make test     - set up what the tests need and run the whole suite"
	@echo "make validate - check content/ and list every mistake"
	@echo "make goldens  - refresh the golden files after an intended output change"
	@echo "make bench    - print the benchmark numbers"

$(RUN_STAMP): pyproject.toml
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	@touch $@

$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(PY) -m pip install -q -e ".[test]"
	@touch $@

serve: $(RUN_STAMP)
	$(PY) -m generator serve $(if $(PORT),--dev-addr 127.0.0.1:$(PORT))

build: $(RUN_STAMP)
	$(if $(filter zensical,$(ENGINE)),$(PY) -m pip install -q -e ".[zensical]")
	$(PY) -m generator build --engine $(ENGINE) $(if $(SITE_URL),--site-url "$(SITE_URL)") \
		$(if $(REPO_URL),--repo-url "$(REPO_URL)") $(if $(EDIT_URI),--edit-uri "$(EDIT_URI)") \
		$(if $(STRICT),--strict)

validate: $(RUN_STAMP)
	$(PY) -m generator validate

# Browser tests drive Debian's Chromium (Playwright never downloads a browser here);
# the scoring parity test runs the browser's scoring.js in Node.
chromium:
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@command -v node >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs >/dev/null; }

test: $(TEST_STAMP) chromium
	$(PY) -m pytest -q

goldens: $(TEST_STAMP)
	UPDATE_GOLDENS=1 $(PY) -m pytest -q tests/site/test_goldens.py tests/commands/test_report.py

bench: $(TEST_STAMP) chromium
	$(PY) tests/bench.py

lint: $(TEST_STAMP)
	$(PY) -m ruff check generator tests

clean:
	rm -rf generated site .site.new .site.old
