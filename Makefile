# Kennis oogsten — the project's interface. Targets and arguments are stable:
#   make site    bouw de hele site in site/ (strict; bij een fout blijft de vorige site staan)
#   make serve   live voorbeeld op http://127.0.0.1:8000 (make serve-snel: sneller bij veel verhalen)
#   make serve VERHAAL=<bestand>   live voorbeeld van één verhaal, binnen een seconde bijgewerkt
#   make check   controleer alleen de gegevens en verhalen (snel)
#   make test    installeer de testafhankelijkheden en voer alle tests uit
#   make verhaal TITEL="…" LEERKRING=<id> [AUTEUR=<id>]   maak een nieuw verhaal uit het sjabloon
#   make schema  werk het JSON-schema van de verhaalvelden bij (na een wijziging in macros/models.py)
#   make bench   meet bouwtijd, geheugen en omvang bij 100 tot 5000 verhalen (drukt een tabel af)
#   make site-zensical   bouw dezelfde repository met Zensical (opvolger van Material) in site-zensical/
#   make kring DOEL=<map> NAAM="<naam>"   maak een nieuwe oogst voor een andere kring
#   make engine-bijwerken [BRON=upstream/main]   haal de nieuwste engine op (eigen bestanden blijven)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q
ADRES  ?= 127.0.0.1:8000
# Material prints a banner about MkDocs 2.0; this project pins mkdocs<2 (see README).
export NO_MKDOCS_2_WARNING := 1

# Editor arguments reach the command line tool through the environment (safe with quotes).
export TITEL LEERKRING AUTEUR DOEL NAAM BRON VERHAAL

.PHONY: site serve check test clean verhaal schema generate kring engine-bijwerken deelbeelden site-zensical bench serve-snel
.DEFAULT_GOAL := site

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) install -c constraints.txt -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml constraints.txt $(VENV)/.site-deps
	$(PIP) install -c constraints.txt -e ".[test]"
	touch $@

check: $(VENV)/.site-deps
	$(BIN)/python -m macros check

# Files derived from data, made before every build and not kept in git: the blog's authors and the
# configuration layer with the templates' values and the abbreviation glossary (.afgeleid.yml).
generate: check
	$(BIN)/python -m macros generate

verhaal: $(VENV)/.site-deps
	$(BIN)/python -m macros verhaal

schema: $(VENV)/.site-deps
	$(BIN)/python -m macros schema

# Share images (site + one per circle) in docs/assets/delen/; needs Chromium, run once after a change
# of name or colours and commit the images.
deelbeelden: $(VENV)/.test-deps
	$(BIN)/python -m macros deelbeelden

# Benchmark: synthetic circles with N stories, this configuration against plain Material (a table).
bench: $(VENV)/.test-deps
	$(BIN)/python bench/run.py

# Zensical (the successor of Material for MkDocs) in its own environment: it needs newer versions
# of some packages than mkdocs-macros allows. Same repository, same mkdocs.yml, separate output.
ZVENV := .venv-zensical
$(ZVENV)/.deps: constraints-zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip --disable-pip-version-check -q install -r constraints-zensical.txt
	touch $@

site-zensical: generate $(ZVENV)/.deps
	printf 'INHERIT: mkdocs.yml\nsite_dir: site-zensical\n' > .zensical.yml
	rm -rf site-zensical
	$(ZVENV)/bin/zensical build --clean -f .zensical.yml
	$(BIN)/python -m macros zoekindex site-zensical
	@echo "Site gebouwd met Zensical in site-zensical/"

kring: $(VENV)/.site-deps
	$(BIN)/python -m macros kring

engine-bijwerken: $(VENV)/.site-deps
	$(BIN)/python -m macros engine-bijwerken

# Build into a fresh folder and swap only on success: nothing half-built is published.
site: generate
	rm -rf site.new
	$(BIN)/mkdocs build --strict --clean --site-dir site.new
	$(BIN)/python -m macros zoekindex site.new
	$(BIN)/python -m macros pdf site.new
	rm -rf site && mv site.new site
	@echo "Site gebouwd in site/"

# make serve VERHAAL=<bestand>: only that story (and the pages), rebuilt within a second however
# many stories there are; for an editor checking a story. Preview only, never published.
serve: generate
ifdef VERHAAL
	$(BIN)/python -m macros voorbeeld
	KO_VOORBEELD_VERHAAL=$(basename $(notdir $(VERHAAL))) \
	  $(BIN)/mkdocs serve --dirty -f .voorbeeld.yml --dev-addr $(ADRES)
else
	$(BIN)/mkdocs serve --strict --dev-addr $(ADRES)
endif

# Faster preview for large harvests: rebuilds only changed files (overviews may lag). Preview only:
# the output of a --dirty build is never published (make site always builds clean).
serve-snel: generate
	$(BIN)/mkdocs serve --dirty --dev-addr $(ADRES)

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest

clean:
	rm -rf site site.new site-zensical .zensical.yml .voorbeeld.yml .pytest_cache
	rm -f .afgeleid.yml docs/verhalen/.authors.yml
