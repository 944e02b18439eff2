"""MkDocs hooks: caches of each page's Markdown-to-HTML conversion and of its finished HTML, kept between builds.

Part of the MkDocs adapter (generator/mkdocs_adapter.py lists this file under `hooks:` in every language's
config). MkDocs loads it by its path, so it imports nothing from the generator package.

Converting Markdown is about four fifths of a language's MkDocs build. Most builds change a few pages: a
new fact sheet adds its meeting page and changes its region's and its month's pages, and leaves a thousand
other meeting pages as they were. This cache keeps, per language, what MkDocs' conversion of each page
produced (the HTML, the table of contents, the title, the anchors the page holds and the anchored links it
makes) and gives it back when the same Markdown comes again, so only changed pages are converted.

When an entry is used, the output is the same as a fresh conversion:

- its key is a hash of the page's Markdown, its path, the Markdown extensions and their settings, the
  link and URL settings, the versions of MkDocs, Markdown and pymdown-extensions, and this file and
  generator/markdown_speedups.py;
- MkDocs resolves each relative link against the other pages of the build. The entry records every path
  the conversion looked up and what it found; it is used only if each lookup finds the same page (same
  URL) now, or nothing where it found nothing;
- a conversion that logged a warning is not stored (a strict build fails on it anyway), so an entry never
  hides a warning. Links to anchors of other pages are checked again on every build, cached or not.

The cache is build/<lang>/render-cache.json.gz: JSON, not pickle, so a tampered cache cannot run code.
A build writes exactly the entries of its pages. A missing, unreadable or outdated file is an empty cache.

Filling the theme's template is most of what is left of a build whose conversions were all reused (Material's
header, navigation and tabs: about 5 ms a page). The page cache, build/<lang>/page-cache/<key>.html, keeps
each page's finished HTML (before on_post_page) under a hash of everything the template is given:

- the conversion fingerprint above, the versions of MkDocs, Material, Jinja2 and MarkupSafe, every file of the
  theme's custom_dir, the whole configuration and the navigation (every item's kind, title, URL and meta);
- the page itself: its path, URL (which with the navigation gives its neighbours and ancestors there), title,
  Markdown, HTML, table of contents and meta, and the URLs MkDocs passes along with it.

Two things MkDocs passes every page are deliberately left out: `pages` (all pages: a new page would change
every key) and `build_date_utc`. No template of the theme reads either (tests/test_render_cache.py checks
every template of the theme and its overrides); a context with any other variable (another plugin's) is
rendered without the cache. A page whose rendering logged a warning is not stored. A build deletes the
files it did not use; a file that is not UTF-8 text is rendered again.

A `--dirty` build (the quick rebuild of `make serve` after an edit) uses neither cache: it builds only the
changed pages anyway, and reading and writing the conversions cost more than that (0.8 s of an edit at 1,000
fact sheets). Set EPD_RENDER_CACHE=0 to build without either cache.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import json
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme

FORMAT = 1
FILE_NAME = "render-cache.json.gz"
PAGE_DIR = "page-cache"
# What MkDocs 1.6 passes a page's template (mkdocs.commands.build.get_context). The last two are not in a page's
# key; tests/test_render_cache.py checks that no template of the theme reads them.
CONTEXT = frozenset({"nav", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "config", "page",
                     "pages", "build_date_utc"})
UNKEYED = frozenset({"pages", "build_date_utc"})
HERE = Path(__file__).resolve().parent

_state: dict[str, Any] = {}


class _Warnings(logging.Handler):
    """Counts warnings and errors MkDocs and Markdown log while a page is converted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _RecordingFiles:
    """The build's files, noting each path a conversion looks up and the URL it found (None: nothing)."""

    def __init__(self, files: Any) -> None:
        self._files = files
        self.lookups: dict[str, str | None] = {}

    def get_file_from_path(self, path: str) -> Any:
        found = self._files.get_file_from_path(path)
        self.lookups[path] = _url(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


def _url(file: Any) -> str | None:
    return file.url if file is not None else None


def _without_warnings(call: Any, *args: Any) -> tuple[Any, bool]:
    """call(*args), and whether it logged no warning or error (what logged one is never stored)."""
    warned = _state["warnings"].count
    result = call(*args)
    return result, _state["warnings"].count == warned


def _replace(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


COUNTS = "render cache: %d page(s) reused, %d converted; %d page(s) reused, %d rendered from the template"
_COUNTS = re.compile(re.escape(COUNTS).replace("%d", r"(\d+)"))


class Reuse(NamedTuple):
    """What one language's build took from the caches."""
    reused: int  # conversions reused
    converted: int  # pages converted
    pages_reused: int  # finished pages reused
    rendered: int  # pages rendered from the template


def counts(output: str) -> Reuse:
    """What a MkDocs build's output says it reused (on_post_build logs it); all zero without the cache."""
    found = _COUNTS.search(output)
    return Reuse(*(int(n) for n in found.groups())) if found else Reuse(0, 0, 0, 0)


def _enabled() -> bool:
    return os.environ.get("EPD_RENDER_CACHE", "1") != "0"


def _fingerprint(config: Any) -> str:
    versions = {name: importlib.metadata.version(name) for name in ("mkdocs", "Markdown", "pymdown-extensions")}
    code = {name: hashlib.sha256((HERE / name).read_bytes()).hexdigest()
            for name in ("mkdocs_cache.py", "markdown_speedups.py")}
    validation = config["validation"]
    settings = {
        "format": FORMAT, "versions": versions, "code": code,
        "extensions": config["markdown_extensions"], "extension_configs": config["mdx_configs"],
        "use_directory_urls": config["use_directory_urls"],
        "links": {name: repr(getattr(validation.links, name)) for name in
                  ("not_found", "anchors", "absolute_links", "unrecognized_links")},
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=repr).encode("utf-8")).hexdigest()


def on_startup(command: str, dirty: bool) -> None:
    _state["dirty"] = dirty


def on_config(config: Any) -> None:
    _state.update(entries={}, used={}, hits=0, misses=0, pages_used=set(), page_hits=0, page_misses=0,
                  enabled=_enabled() and not _state.get("dirty"))
    if not _state["enabled"]:
        return
    _state["path"] = Path(config["config_file_path"]).resolve().parent / FILE_NAME
    _state["fingerprint"] = _fingerprint(config)
    try:
        with gzip.open(_state["path"], "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("fingerprint") == _state["fingerprint"]:
            _state["entries"] = data["entries"]
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        pass  # no cache yet, or one from other settings: convert every page
    if not any(isinstance(h, _Warnings) for h in logging.getLogger("mkdocs").handlers):
        _state["warnings"] = _Warnings()
        logging.getLogger("mkdocs").addHandler(_state["warnings"])
        logging.getLogger("MARKDOWN").addHandler(_state["warnings"])


def _key(page: Page, markdown: str) -> str:
    digest = hashlib.sha256(_state["fingerprint"].encode("ascii"))
    digest.update(b"\0" + page.file.src_uri.encode("utf-8") + b"\0" + markdown.encode("utf-8"))
    return digest.hexdigest()


def _restore(page: Page, entry: dict, files: Any) -> bool:
    """Set what Page.render sets, from an entry; False (and nothing set) if a link would resolve differently,
    or if the entry is not one this module wrote."""
    try:
        if any(_url(files.get_file_from_path(path)) != url for path, url in entry["lookups"].items()):
            return False
        links = {files.get_file_from_path(path): dict(anchors) for path, anchors in entry["links_to_anchors"].items()}
        if None in links:
            return False
        content, title, anchors = entry["content"], entry["title"], set(entry["anchors"])
        toc = get_toc(entry["toc"])
        if not isinstance(content, str) or not (title is None or isinstance(title, str)):
            return False
    except (AttributeError, KeyError, TypeError, ValueError):
        return False
    page.content, page.toc, page._title_from_render = content, toc, title
    page.present_anchor_ids, page.links_to_anchors = anchors, links
    return True


def on_page_markdown(markdown: str, page: Page, config: Any, files: Any) -> str:
    if not _state.get("enabled"):
        return markdown
    key = _key(page, markdown)

    def render(config: Any, files: Any) -> None:
        entry = _state["entries"].get(key)
        if entry is not None and _restore(page, entry, files):
            _state["hits"] += 1
            _state["used"][key] = entry
            return
        _state["misses"] += 1
        recording = _RecordingFiles(files)
        if not _without_warnings(Page.render, page, config, recording)[1]:
            return  # not stored: the warning must show again next time
        _state["used"][key] = {
            "content": page.content, "toc": _toc_tokens(page.toc), "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()), "lookups": recording.lookups,
            "links_to_anchors": {f.src_uri: anchors for f, anchors in (page.links_to_anchors or {}).items()},
        }

    page.render = render  # this page only; MkDocs calls page.render(config, files) next
    return markdown


def _toc_tokens(items: Any) -> list[dict]:
    """The tokens get_toc() turns into page.toc, back from page.toc (MkDocs keeps only these four keys)."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": _toc_tokens(item.children)}
            for item in items]


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _state["nav"] = nav
    return nav


def _plain(value: Any) -> Any:
    """A JSON-able, run-independent form of a configuration value."""
    if isinstance(value, Theme):
        return {"config": dict(value.items()), "dirs": value.dirs, "static_templates": sorted(value.static_templates)}
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return repr(value)


def _files_digest(directory: str | None) -> dict[str, str]:
    if directory is None:
        return {}
    root = Path(directory)
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _nav_items(items: Any) -> list[dict]:
    return [{"kind": type(item).__name__, "title": item.title, "url": getattr(item, "url", None),
             "meta": getattr(item, "meta", None), "children": _nav_items(item.children or ())} for item in items]


def _site_key(config: Any) -> bytes:
    """Everything every page's template is given, hashed: see the module's docstring."""
    site = {
        "fingerprint": _state["fingerprint"],
        "versions": {name: importlib.metadata.version(name) for name in ("mkdocs", "mkdocs-material", "Jinja2",
                                                                         "MarkupSafe")},
        "custom_dir": _files_digest(config["theme"].custom_dir),
        "hooks": {name: hashlib.sha256(Path(name).read_bytes()).hexdigest() for name in config["hooks"]},
        "plugins": sorted(config["plugins"]),
        # Not config_file_path: a path spelled differently (relative, absolute) is the same configuration.
        "config": {name: value for name, value in config.items()
                   if name not in ("plugins", "hooks", "config_file_path")},
        "nav": _nav_items(_state["nav"].items),
    }
    return hashlib.sha256(json.dumps(site, sort_keys=True, default=_plain).encode("utf-8")).digest()


def _page_key(name: str, context: Any) -> str | None:
    """The page cache's key for rendering template `name` with `context`; None: render without the cache."""
    page = context.get("page") if isinstance(context, Mapping) else None
    if page is None or not CONTEXT.issuperset(context):
        return None
    keyed = {variable: value for variable, value in context.items()  # base_url, extra_css, ...
             if variable not in UNKEYED and variable not in ("page", "nav", "config")}  # those are hashed apart
    # The page's place in the navigation (neighbours, ancestors, active items) follows from its URL and the
    # navigation, which is in the site key.
    data = [name, keyed, page.file.src_uri, page.url, page.title, _toc_tokens(page.toc), page.meta,
            page.canonical_url, page.edit_url]
    digest = hashlib.sha256(_state["site_key"])
    for text in (page.markdown or "", page.content or ""):  # the long ones hashed as they are, not JSON-escaped
        digest.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    digest.update(json.dumps(data, default=_plain, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class _CachedTemplate:
    """A template whose page renderings are kept in the page cache; everything else is the template's own."""

    def __init__(self, template: Any) -> None:
        self._template = template

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def render(self, *args: Any, **kwargs: Any) -> str:
        key = _page_key(self._template.name, args[0]) if len(args) == 1 and not kwargs else None
        if key is None:
            return self._template.render(*args, **kwargs)
        path = _state["page_dir"] / (key + ".html")
        try:
            output = path.read_bytes().decode("utf-8", "surrogatepass")
        except (OSError, UnicodeDecodeError):
            pass  # not cached, or not a file this module wrote
        else:
            _state["page_hits"] += 1
            _state["pages_used"].add(path.name)
            return output
        _state["page_misses"] += 1
        output, quiet = _without_warnings(self._template.render, *args)
        if quiet:
            _replace(path, output.encode("utf-8", "surrogatepass"))
            _state["pages_used"].add(path.name)
        return output


def on_env(env: Any, config: Any, files: Any) -> Any:
    if not _state.get("enabled"):
        return env
    _state["site_key"] = _site_key(config)
    _state["page_dir"] = _state["path"].with_name(PAGE_DIR)
    _state["page_dir"].mkdir(exist_ok=True)
    get_template = env.get_template

    def cached(*args: Any, **kwargs: Any) -> _CachedTemplate:
        return _CachedTemplate(get_template(*args, **kwargs))

    env.get_template = cached  # MkDocs renders each page with env.get_template(...).render(context)
    return env


def on_post_build(config: Any) -> None:
    if not _state.get("enabled"):
        return
    for stale in _state["page_dir"].iterdir():
        if stale.name not in _state["pages_used"]:
            stale.unlink()
    data = json.dumps({"fingerprint": _state["fingerprint"], "entries": _state["used"]},
                      ensure_ascii=False)  # one string: the C encoder
    _replace(_state["path"], gzip.compress(data.encode("utf-8"), compresslevel=1))
    logging.getLogger("mkdocs.epd_render_cache").info(COUNTS, _state["hits"], _state["misses"],
                                                      _state["page_hits"], _state["page_misses"])
