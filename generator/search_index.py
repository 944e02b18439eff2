"""The Pagefind search index of the assembled site, and the vocabulary its spelling fallback uses."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Sequence

from .errors import BuildError
from .index import Index

#: Directory of the search bundle, relative to the site root. Every language's
#: pages load it from there (overrides/partials/search.html).
PAGEFIND_DIR = "pagefind"
#: Per-language vocabulary for the search box's spelling correction
#: (docs/assets/javascripts/epd-search.js): build/<lang>/ -> site/pagefind/.
VOCABULARY_FILE = "epd-vocabulary-{lang}.json"
PAGEFIND_CMD: tuple[str, ...] = (sys.executable, "-m", "pagefind")
# Pagefind's ready-made interfaces are not used (the search box is Material's, driven by epd-search.js).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
_WORD = re.compile(r"[^\W_]+")


def vocabulary(index: Index, lang: str) -> list[str]:
    """Lower-cased words (3+ letters) of the names a reader may misspell: people, regions, agencies,
    agency kinds, topics, elections and meeting titles, in one language."""
    def plain(text) -> str:
        return text.en if lang == "en" and text.en else text.id

    content = index.content
    names = [p.name for p in content.people] + [n for p in content.people for n in p.short_names]
    names += [r.name for r in content.regions] + [n for r in content.regions for n in r.short_names]
    names += [a.name_en if lang == "en" and a.name_en else a.name for a in content.agencies]
    names += [k.abbreviation for k in content.agency_kinds] + [plain(k.name) for k in content.agency_kinds]
    names += [plain(t.name) for t in content.topics] + [plain(e.name) for e in content.elections]
    names += [plain(s.meeting.title) for s in content.sheets]
    return sorted({w for name in names for w in _WORD.findall(name.lower()) if len(w) >= 3})


def build_search_index(site_root: Path, languages: Sequence[str], build_dir: Path,
                       pagefind_cmd: Sequence[str] = PAGEFIND_CMD) -> dict[str, int]:
    """Index an assembled site with Pagefind into site_root/pagefind/; returns pages indexed per language.

    One run over the whole tree: Pagefind splits the index by each page's <html lang> (Indonesian and
    English stemming), and pagefind.js loads the index of the page's language, so /en/ pages search
    English pages only. Only data-pagefind-body elements are indexed (overrides/main.html). The
    vocabularies the generator wrote (build/<lang>/search-vocabulary.json) are copied beside the index.
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
