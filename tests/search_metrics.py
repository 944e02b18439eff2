"""Search measurements shared by tests/e2e/test_search.py and bench/.

* :func:`search_download_bytes` - bytes a reader's browser downloads for one
  search (Pagefind entry JSON, wasm, language meta, index chunks, filter
  chunks, result fragments, the spelling vocabulary), in a fresh browser
  context, through the same ``window.epdSearch.search`` the search box uses.
* :func:`run_queries` - run queries through the real header search box of a
  served site (Pagefind, or Material's lunr search for the baseline) and
  return the top-5 page paths and the time to first result of each.
* :func:`build_lunr_baseline` - build the already generated pages
  (build/<lang>/docs) once more with Material's built-in ``search`` plugin,
  into a directory laid out like site/ (the baseline for search quality).
* :func:`load_queries` - tests/search_queries.yaml.

Everything runs offline against 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
QUERIES_FILE = Path(__file__).resolve().parent / "search_queries.yaml"
DEFAULT_LANG = "id"

# Overrides that replace Material's search box; left out of the baseline build
# so that it gets Material's own search interface.
_PAGEFIND_ONLY_OVERRIDES = ("partials/header.html", "partials/search.html")


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------

def load_queries(path: Path = QUERIES_FILE) -> dict[str, list[dict[str, Any]]]:
    """{lang: [{"q": str, "expect": [path, ...], "why": str, "kind": str}]}; paths relative to the language
    root."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out: dict[str, list[dict[str, Any]]] = {}
    for lang, items in data.items():
        out[lang] = []
        for item in items:
            expect = item["expect"]
            out[lang].append({
                "q": str(item["q"]),
                "expect": [expect] if isinstance(expect, str) else list(expect),
                "why": item.get("why", ""),
                "kind": item.get("kind", ""),
            })
    return out


def lang_root(site_url: str, lang: str, default_lang: str = DEFAULT_LANG) -> str:
    return site_url if lang == default_lang else f"{site_url}{lang}/"


def relative_path(href: str, root_url: str) -> str:
    """'http://h/en/people/x/?h=a#b' -> 'people/x/' (relative to root_url)."""
    parts = urlsplit(href)
    root = urlsplit(root_url).path
    path = parts.path
    return path[len(root):] if path.startswith(root) else path.lstrip("/")


# --------------------------------------------------------------------------
# Serving and browsing
# --------------------------------------------------------------------------

@contextlib.contextmanager
def served(site_url_or_dir: str | Path) -> Iterator[str]:
    """A URL for a site given as URL or directory (served on 127.0.0.1 for the duration)."""
    text = str(site_url_or_dir)
    if text.startswith(("http://", "https://")):
        yield text if text.endswith("/") else text + "/"
        return
    from site_fixtures import SiteServer

    with SiteServer(Path(text)) as server:
        yield server.url


@contextlib.contextmanager
def _browser(browser: Any = None) -> Iterator[Any]:
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright
    from site_fixtures import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield own
        finally:
            own.close()


# --------------------------------------------------------------------------
# Bytes per query
# --------------------------------------------------------------------------

def _kind_of(name: str) -> str:
    name = name.split("?", 1)[0]
    if name == "pagefind-entry.json":
        return "entry"
    if name.startswith("wasm."):
        return "wasm"
    if name.endswith(".pf_meta"):
        return "meta"
    if name.endswith(".pf_index"):
        return "index"
    if name.endswith(".pf_filter"):
        return "filter"
    if name.endswith(".pf_fragment"):
        return "fragment"
    if name.startswith("epd-vocabulary"):
        return "vocabulary"
    if name.endswith(".js"):
        return "js"
    return "other"


def search_download_bytes(site_url_or_dir: str | Path, query: str, lang: str = DEFAULT_LANG,
                          *, browser: Any = None, filters: dict[str, str] | None = None,
                          with_filter_ui: bool = False) -> dict[str, Any]:
    """Bytes the browser downloads from the search bundle for ONE query, cold cache.

    Loads the language's home page in a fresh browser context, then runs
    ``window.epdSearch.search(query)`` (exactly what the search box runs: the
    query, the spelling check and the excerpts of the first 10 results) and
    sums the bodies of every response under ``pagefind/``. With
    ``with_filter_ui`` it also loads the filter lists the results panel shows
    (``pagefind.filters()``). Page HTML, CSS and the site's own JS are not
    counted (the reader has them already).

    Returns ``{"total": int, "by_kind": {kind: bytes}, "files": [(name, bytes)],
    "results": int, "ms": float}``; kinds: entry, js, wasm, meta, index, filter, fragment,
    vocabulary (the search box's lexicon); ms: from the call to the results, cold (what the first
    search after opening a page takes). Sizes are the bytes on the wire from a server without
    compression (Pagefind's index files are already gzip-compressed).
    """
    with served(site_url_or_dir) as url, _browser(browser) as b:
        context = b.new_context()
        try:
            page = context.new_page()
            page.goto(lang_root(url, lang))
            page.wait_for_function("() => window.epdSearch !== undefined")
            bundle = page.evaluate("() => window.epdSearch.bundle")
            files: list[tuple[str, int]] = []

            def on_response(response: Any) -> None:
                if response.url.startswith(bundle):
                    try:
                        size = len(response.body())
                    except Exception:  # redirects, aborted requests
                        size = 0
                    files.append((response.url[len(bundle):], size))

            page.on("response", on_response)
            n, ms = page.evaluate(
                """async ([q, f, ui]) => {
                     const t0 = performance.now();
                     const r = await window.epdSearch.search(q, f || {});
                     const ms = performance.now() - t0;
                     if (ui) { const pf = await window.epdSearch.load(); await pf.filters(); }
                     return [r.results.length, ms];
                   }""", [query, filters or {}, with_filter_ui])
            page.wait_for_load_state("networkidle")
        finally:
            context.close()
    by_kind: dict[str, int] = {}
    for name, size in files:
        kind = _kind_of(name.rsplit("/", 1)[-1])
        by_kind[kind] = by_kind.get(kind, 0) + size
    return {"total": sum(s for _, s in files), "by_kind": by_kind, "files": files, "results": n, "ms": ms}


# --------------------------------------------------------------------------
# Running queries through the search box
# --------------------------------------------------------------------------

_RUN_PAGEFIND = """
async (q) => {
  const root = document.querySelector('[data-epd-search]');
  const input = root.querySelector('.md-search__input');
  const sleep = (ms) => new Promise(r => setTimeout(r, ms));
  input.focus();
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  while (!(root.dataset.epdState === 'done' && root.dataset.epdQuery === q)) {
    if (performance.now() - t0 > 15000) throw new Error('no result for ' + q);
    await sleep(1);
  }
  const ms = performance.now() - t0;
  const hrefs = [...root.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
    .map(a => a.href);
  return {ms, hrefs};
}
"""

_RUN_MATERIAL = """
async ([q, none]) => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const meta = document.querySelector('.md-search-result__meta');
  const sleep = (ms) => new Promise(r => setTimeout(r, ms));
  input.focus();
  // Material reads the box on keyup (and focus), not on input.
  input.value = '';
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'Backspace'}));
  const t = performance.now();
  while (list.children.length) {
    if (performance.now() - t > 5000) throw new Error('results not cleared before ' + q);
    await sleep(1);
  }
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: q.slice(-1)}));
  while (!list.children.length && meta.textContent.trim() !== none) {
    if (performance.now() - t0 > 15000) throw new Error('no result for ' + q);
    await sleep(1);
  }
  const ms = performance.now() - t0;
  const hrefs = [...list.querySelectorAll('.md-search-result__item')]
    .map(li => li.querySelector('a.md-search-result__link')).filter(Boolean).map(a => a.href);
  return {ms, hrefs};
}
"""


def run_queries(page: Any, site_url: str, lang: str, queries: list[dict[str, Any]],
                engine: str = "pagefind") -> list[dict[str, Any]]:
    """Type each query into the header search box; top-5 paths and time to first result.

    ``engine`` is "pagefind" (this site) or "lunr" (Material's search plugin,
    the baseline build). Each row: q, expect, top5, hit (bool), ms.
    """
    root = lang_root(site_url, lang)
    page.goto(root)
    if engine == "lunr":
        none = page.evaluate(
            "() => JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.none']")
        page.focus(".md-search__input")
        # wait until Material's worker has loaded its index: the meta line leaves its "initializing" text
        # (compared with the translation, not a snapshot, which the worker may already have replaced)
        initializing = page.evaluate(
            "() => JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.initializer']")
        page.wait_for_function(
            "(init) => { const meta = document.querySelector('.md-search-result__meta');"
            " const text = meta ? meta.textContent.trim() : ''; return text !== '' && text !== init; }",
            arg=initializing, timeout=30000)
    rows = []
    for item in queries:
        if engine == "lunr":
            out = page.evaluate(_RUN_MATERIAL, [item["q"], none])
        else:
            out = page.evaluate(_RUN_PAGEFIND, item["q"])
        top: list[str] = []
        for href in out["hrefs"]:
            path = relative_path(href, root)
            if path not in top:
                top.append(path)
            if len(top) == 5:
                break
        rows.append({"q": item["q"], "expect": item["expect"], "kind": item.get("kind", ""), "top5": top,
                     "hit": any(e in top for e in item["expect"]), "ms": out["ms"]})
    return rows


def by_kind(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """summarize() per kind of query, kinds in the order they first appear."""
    kinds: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        kinds.setdefault(row.get("kind", ""), []).append(row)
    return {kind: summarize(group) for kind, group in kinds.items()}


def summarize(rows: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "n": len(rows),
        "recall": sum(r["hit"] for r in rows) / len(rows) if rows else 0.0,
        "median_ms": statistics.median(r["ms"] for r in rows) if rows else 0.0,
    }


# --------------------------------------------------------------------------
# Baseline: Material's built-in lunr search on the same pages
# --------------------------------------------------------------------------

def build_lunr_baseline(out_dir: Path, build_dir: Path = REPO_ROOT / "build",
                        languages: tuple[str, ...] = ("id", "en"),
                        default_lang: str = DEFAULT_LANG) -> Path:
    """Build build/<lang>/docs with Material's `search` plugin into out_dir (site/ layout).

    Each language's generated config (build/<lang>/mkdocs.yml, written by the
    real build) is INHERITed; only `plugins: [search]`, `site_dir` and a
    copy of overrides/ without the Pagefind search box differ. Returns out_dir.
    """
    out_dir = Path(out_dir)
    work = out_dir.parent / (out_dir.name + "-work")
    shutil.rmtree(work, ignore_errors=True)
    overrides = work / "overrides"
    shutil.copytree(REPO_ROOT / "overrides", overrides)
    for rel in _PAGEFIND_ONLY_OVERRIDES:
        (overrides / rel).unlink(missing_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for lang in languages:
        base_cfg = (Path(build_dir) / lang / "mkdocs.yml").resolve()
        cfg = work / lang / "mkdocs.yml"
        cfg.parent.mkdir(parents=True, exist_ok=True)
        cfg.write_text(yaml.safe_dump({
            "INHERIT": str(base_cfg),
            "docs_dir": str(base_cfg.parent / "docs"),
            "site_dir": str(work / lang / "site"),
            "theme": {"name": "material", "custom_dir": str(overrides)},
            "plugins": ["search"],
        }), encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(cfg)],
                              cwd=REPO_ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"baseline build failed for {lang}:\n{proc.stdout}\n{proc.stderr}")
    shutil.rmtree(out_dir, ignore_errors=True)
    shutil.copytree(work / default_lang / "site", out_dir)
    for lang in languages:
        if lang != default_lang:
            shutil.copytree(work / lang / "site", out_dir / lang)
    shutil.rmtree(work, ignore_errors=True)
    return out_dir


if __name__ == "__main__":  # python tests/search_metrics.py [site_dir] [query] [lang]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    site = sys.argv[1] if len(sys.argv) > 1 else str(REPO_ROOT / "site")
    q = sys.argv[2] if len(sys.argv) > 2 else "pengamanan"
    lg = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_LANG
    started = time.monotonic()
    res = search_download_bytes(site, q, lg)
    print(f"{q!r} [{lg}]: {res['total']} bytes, {res['by_kind']} ({time.monotonic() - started:.1f}s)")
