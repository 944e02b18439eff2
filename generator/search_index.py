"""The Pagefind search index of the assembled site, with the search box's lexicon beside it (search_lexicon.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from .errors import BuildError

#: Directory of the search bundle, relative to the site root. Every language's
#: pages load it from there (overrides/partials/search.html).
PAGEFIND_DIR = "pagefind"
#: Per-language lexicon of the search box (docs/assets/javascripts/epd-search.js): roots of word forms, names
#: for the spelling correction, short names and abbreviations (generator/search_lexicon.py);
#: build/<lang>/search-vocabulary.json -> site/pagefind/.
VOCABULARY_FILE = "epd-vocabulary-{lang}.json"
PAGEFIND_CMD: tuple[str, ...] = (sys.executable, "-m", "pagefind")
# Pagefind's ready-made interfaces are not used (the search box is Material's, driven by epd-search.js).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def build_search_index(site_root: Path, languages: Sequence[str], build_dir: Path,
                       pagefind_cmd: Sequence[str] = PAGEFIND_CMD) -> dict[str, int]:
    """Index an assembled site with Pagefind into site_root/pagefind/; returns pages indexed per language.

    One run over the whole tree: Pagefind splits the index by each page's <html lang> (Indonesian and
    English stemming), and pagefind.js loads the index of the page's language, so /en/ pages search
    English pages only. Only data-pagefind-body elements are indexed (overrides/main.html). The
    lexicons the generator wrote (build/<lang>/search-vocabulary.json) are copied beside the index.
    Raises BuildError if Pagefind fails or a language got no pages.
    """
    out_dir = Path(site_root) / PAGEFIND_DIR
    proc = subprocess.run(
        [*pagefind_cmd, "--site", str(site_root), "--output-subdir", PAGEFIND_DIR,
         "--exclude-selectors", ".headerlink"],  # heading permalinks ("¶") would show up in excerpts
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise BuildError(f"pagefind failed (exit {proc.returncode}):\n{proc.stdout.rstrip()}")
    try:
        entry = json.loads((out_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BuildError(f"pagefind wrote no usable pagefind-entry.json: {error}\n{proc.stdout}") from error
    indexed = {lang: int(info.get("page_count", 0)) for lang, info in entry.get("languages", {}).items()}
    missing = [lang for lang in languages if indexed.get(lang, 0) == 0]
    if missing:
        raise BuildError(f"pagefind indexed no pages for: {', '.join(missing)} (indexed: {indexed})\n"
                         f"{proc.stdout}")
    for unused in _UNUSED:
        (out_dir / unused).unlink(missing_ok=True)
    for lang in languages:
        words = (Path(build_dir) / lang / "search-vocabulary.json").read_bytes()
        (out_dir / VOCABULARY_FILE.format(lang=lang)).write_bytes(words)
    return indexed
