# LDN counseling report builder: the two commands are `make run` and `make test`.
# Everything else here is what they depend on. GNU make; Debian/Ubuntu for `sysdeps` and `cups`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON  ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.ldn-installed
EXAMPLE ?= on-dmt-mood-pain
# extra arguments for pytest, e.g. `make test PYTEST_ARGS='-k wheel -x'`
PYTEST_ARGS ?=

.PHONY: help venv sysdeps cups test run bench wheel dist clean translations translations-update

help:
	@echo "make run      open the app on an example (or, with no display, build the example PDF)"
	@echo "make test     install what is missing, then run pytest and ruff"
	@echo "make venv     .venv with the package (editable) and its test tools"
	@echo "make sysdeps  Debian packages for PDF tools, CUPS and Qt (as root; only if missing)"
	@echo "make cups     start cupsd and add the cups-pdf print queue LDN_PDF (as root)"
	@echo "make bench    timing and memory benchmarks (benchmarks/run.py)"
	@echo "make wheel    build the wheel into dist/"
	@echo "make translations  build the interface translations (.qm) from resources/translations"
	@echo "make translations-update  collect new interface texts into the .ts files"
	@echo "make dist     the installable app: PyInstaller bundle and .deb into dist/"
	@echo "make clean    remove build output (keeps .venv; 'make clean-all' removes it too)"

# --- Python environment: rebuilt when pyproject.toml changes ---------------------------------
venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

# --- system packages and the CUPS test printer (never fail the build; tests skip instead) -----
sysdeps:
	@tools/sysdeps.sh

cups: sysdeps
	@tools/cups-setup.sh

# --- interface translations: .ts sources in the repo, .qm built here (not committed) -------
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
# the app's sources, and the core's marked texts (i18n/: its message table, the built-in
# template names, the command line's lines) that the app and the CLI translate with
GUI_SOURCES := $(shell find desktop/ldn_report/gui -name '*.py') \
    $(shell grep -l 'QT_TRANSLATE_NOOP."' desktop/ldn_report/i18n/*.py)

translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing interface texts: new ones enter the .ts as unfinished (the parity test fails
# until they are translated); vanished ones are dropped.
translations-update: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $(GUI_SOURCES) \
	    -ts $(TS_FILES)

# --- the two commands --------------------------------------------------------------------------
# pytest and ruff both run even when the first fails, so CI shows every problem at once.
test: venv translations sysdeps cups
	@rc=0; \
	. tools/cups-env.sh; \
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS) || rc=$$?; \
	echo "ruff check desktop tests tools benchmarks packaging"; \
	$(VENV)/bin/ruff check --no-cache desktop tests tools benchmarks packaging || rc=$$?; \
	exit $$rc

run: venv translations sysdeps
	@if { [ -n "$${DISPLAY:-}" ] || [ -n "$${WAYLAND_DISPLAY:-}" ]; } \
	    && [ -f desktop/ldn_report/gui/app.py ]; then \
	    $(PY) -m ldn_report.gui --example $(EXAMPLE); \
	else \
	    echo "No display (DISPLAY/WAYLAND_DISPLAY unset) or no GUI yet: building the example report."; \
	    mkdir -p out; \
	    $(VENV)/bin/ldn-report build --example $(EXAMPLE) -o out/example-report.pdf; \
	    echo "Example report: $(CURDIR)/out/example-report.pdf"; \
	fi

# --- the rest ------------------------------------------------------------------------------------
bench: venv
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# build/ is removed first: setuptools reuses build/lib and would ship deleted modules.
wheel: venv translations
	rm -rf build dist/*.whl
	$(PY) -m build --wheel --outdir dist .
	@ls -l dist/*.whl

# The bundle is built once per source state (cached under build/dist-cache, shared with the
# install test) and copied to dist/.
dist: venv translations
	$(PY) packaging/build_dist.py --copy-to dist

clean:
	rm -rf build dist out desktop/*.egg-info .pytest_cache .ruff_cache .hypothesis
	find desktop tests tools benchmarks -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true

.PHONY: clean-all
clean-all: clean
	rm -rf $(VENV)
