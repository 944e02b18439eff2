# Election-Prep Digest / Digest Persiapan Pemilu
# Needs only python3 (with the venv module) on a fresh clone.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements.stamp

.PHONY: venv check generate site serve test messages golden clean

venv: $(STAMP)

# Reinstalls whenever requirements.txt is newer than the stamp.
$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
	  { echo "error: '$(PYTHON) -m venv' failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $(STAMP)

check: venv
	$(PY) -m generator check

generate: venv
	$(PY) -m generator generate

# Validate, regenerate build/<lang>/docs, then build every language with
# `mkdocs build --strict` and publish site/ (default language at the root).
site: venv
	$(PY) -m generator site

# http://127.0.0.1:8000/ ; rebuilds on changes to content/, generator/templates/, docs/, overrides/, mkdocs.yml
serve: venv
	$(PY) -m generator serve

test: venv
	$(PY) -m pytest -q

# Interface strings: extract from code and templates, then merge into both catalogs.
# Fill the new msgstr entries in generator/locale/{id,en}/LC_MESSAGES/messages.po;
# tests/test_i18n.py fails while any is empty.
messages: venv
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k N_ -k gettext -k ngettext:1,2 --no-location \
	  --sort-output --project "Election-Prep Digest" --copyright-holder "Election-Prep Digest" \
	  -o generator/locale/messages.pot .
	$(VENV)/bin/pybabel update -i generator/locale/messages.pot -d generator/locale \
	  --ignore-obsolete --no-fuzzy-matching

# Expected pages of the fixture content tree (tests/golden/<lang>/**.md), which tests/test_render.py compares
# with a fresh build. Run after an intended change to templates, render.py or the catalogs; review the diff.
golden: venv
	$(PY) tests/update_golden.py

clean:
	rm -rf build site site.new-* site.old-* .pytest_cache test-output
