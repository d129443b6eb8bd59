# The two commands in the README call these targets. Each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# `make site`: where the publishable site goes, and its address (default: [project.urls]
# Documentation in pyproject.toml; the Pages workflow passes the address GitHub gives it).
SITE     ?= site
SITE_URL ?=

.PHONY: book site test lint browser clean handouts

# Virtual environment with the package (editable) and the book and test extras.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[book,test]"
	@touch $(STAMP)

# Debian's chromium for the browser tests (never `playwright install`).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium: install the 'chromium' package (sudo apt-get install chromium)." >&2; exit 1; \
	  fi; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check src tests benchmarks

test: $(STAMP) browser lint
	$(BIN)/python -m pytest

book: $(STAMP)
	$(BIN)/python book/build.py

# The book as a folder for any static host, then checked on a local server (every page, link,
# asset and anchor). .github/workflows/pages.yml runs exactly this before it uploads the folder.
site: book
	$(BIN)/python book/publish.py package book/_build/html $(SITE) $(if $(SITE_URL),--site-url "$(SITE_URL)")
	$(BIN)/python book/publish.py check $(SITE)

# PDFs to print (book/handouts.py): each article with line numbers, each exercise notebook,
# and the pages marked as handouts in their front matter, the lesson plans and the worksheets,
# printed from the built book.
handouts: book browser
	$(BIN)/python book/handouts.py

clean:
	rm -rf $(VENV) book/_build book/_widgets $(SITE) dist
