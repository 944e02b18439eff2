# Election-Prep Digest / Digest Persiapan Pemilu
# Needs only python3 (with the venv module) on a fresh clone.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements.stamp

NPM_STAMP := node_modules/.package-lock.stamp

.PHONY: venv test-tools node-tools check new generate site serve test check-external-links screenshots messages golden bench clean

venv: $(STAMP)

# Chromium, Node.js with npm and Java for the browser tests and quality gates: installed with apt-get when missing
# (as root, or with sudo that asks no password), or one line that says what to install.
test-tools:
	@sh scripts/test-prerequisites

# Pinned npm tools for the reader-facing quality gates in tests/e2e (axe-core, vnu-jar).
# `npm ci` reinstalls whenever package.json or package-lock.json is newer than the stamp.
# --ignore-scripts: vnu-jar's install script would try to download a Java runtime;
# the system Java (test-tools installs it) runs vnu.jar.
node-tools: $(NPM_STAMP)

$(NPM_STAMP): package.json package-lock.json | test-tools
	@command -v npm >/dev/null 2>&1 || { echo "error: npm is missing (on Debian: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NPM_STAMP)

# Reinstalls whenever requirements.txt is newer than the stamp.
$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || \
	  { echo "error: '$(PYTHON) -m venv' failed (on Debian: apt-get install python3-venv)" >&2; exit 1; }
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $(STAMP)

check: venv
	$(PY) -m generator check

# Draft a fact sheet from an article's text: make new ARTICLE=path/to/article.txt [URL=https://...] [OUTLET="..."]
new: venv
	@test -n "$(ARTICLE)" || { echo "error: say which article: make new ARTICLE=path/to/article.txt" >&2; exit 2; }
	$(PY) -m generator new "$(ARTICLE)" $(if $(URL),--url "$(URL)") $(if $(OUTLET),--outlet "$(OUTLET)")

generate: venv
	$(PY) -m generator generate

# Validate, regenerate build/<lang>/docs, then build every language with
# `mkdocs build --strict` and publish site/ (default language at the root).
site: venv
	$(PY) -m generator site

# http://127.0.0.1:8000/ ; rebuilds on changes to content/, generator/templates/, docs/, overrides/, mkdocs.yml
serve: venv
	$(PY) -m generator serve

test: test-tools venv node-tools
	$(PY) -m pytest -q

# Fetch every external link of the built site (needs the network; not part of `make test`).
# `make test` only lists them, in test-output/external-links.txt.
check-external-links: site
	$(PY) tests/e2e/linkcheck.py site --external-list test-output/external-links.txt --external

# Refresh the curated screenshots for the README and docs (taken by tests/e2e/test_browser.py).
screenshots: venv node-tools
	$(PY) -m pytest -q tests/e2e/test_browser.py -k test_screenshots
	$(PY) tests/e2e/test_browser.py --copy-curated test-output/screenshots docs/screenshots

# Interface strings: extract from code and templates, then merge into both catalogs.
# Fill the new msgstr entries in generator/locale/{id,en}/LC_MESSAGES/messages.po;
# tests/test_i18n.py fails while any is empty.
messages: venv
	$(VENV)/bin/pybabel extract -F babel.cfg -k _ -k N_ -k gettext -k ngettext:1,2 -k doc --no-location \
	  --sort-output --project "Election-Prep Digest" --copyright-holder "Election-Prep Digest" \
	  -o generator/locale/messages.pot .
	$(VENV)/bin/pybabel update -i generator/locale/messages.pot -d generator/locale \
	  --ignore-obsolete --no-fuzzy-matching

# Expected pages of the fixture content tree (tests/golden/<lang>/**.md), which tests/test_render.py compares
# with a fresh build. Run after an intended change to templates, render.py or the catalogs; review the diff.
# Scale benchmark on synthetic corpora (bench/synthetic.py): generator stages, site build, sizes, search download,
# edit latency and the plain MkDocs baseline; the generator alone at 10,000 sheets. Prints a Markdown table; writes
# bench/results/sizes-100-1000-5000-10000.json. Takes about 25 minutes (the 5,000-sheet baseline, stopped after
# 5 minutes per language, most of it);
# `bench/run.py --sizes 100 --quick` is quick. Then bench/hostile.py: check and generate on a hostile list (a statement with
# 4,000 copies of a topic, refused) and at the limit check accepts, beside the clean corpus. Then bench/bounds.py:
# CPU seconds of check on a 0.5-2 MiB archived text with passages it does not hold, and of new on a 256 KiB-1.9 MiB
# paragraph of numbered sentences and one of quotations (SECURITY.md: what a pull request cannot make unbounded).
bench: venv
	$(PY) bench/run.py --sizes 100 1000 5000 --generator-only 10000 --baseline-max 5000 --baseline-timeout 300
	$(PY) bench/hostile.py --sheets 1000
	$(PY) bench/bounds.py

golden: venv
	$(PY) tests/update_golden.py

clean:
	rm -rf build site site.new-* site.old-* .pytest_cache test-output node_modules
