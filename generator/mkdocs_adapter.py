"""MkDocs adapter: the only module of the generator that knows about MkDocs.

Layout it expects (written by ``python -m generator generate``)::

    build/site.json                 {"languages": [...], "default": "id", "site_url": "..."}  (optional)
    build/<lang>/docs/**.md         Markdown tree, same relative paths in every language,
    build/<lang>/nav.json           [{"title": ..., "path": "x/index.md"} | {"title": ..., "children": [...]}]

What it produces::

    build/<lang>/mkdocs.yml         INHERIT: ../../mkdocs.yml + per-language settings
    build/<lang>/render-cache.json.gz   each page's Markdown conversion, reused by the next build while the
                                    page's Markdown, links and settings stay the same (hooks: mkdocs_cache.py)
    build/<lang>/page-cache/        each page's finished HTML, reused while everything its template is
                                    given stays the same (same hooks)
    build/<lang>/site/              raw per-language MkDocs output (consumed by assembly)
    site/                           default language at the root, others at site/<lang>/
    site/pagefind/                  search bundle for every language (generator/search_index.py)

Public functions: :func:`write_config`, :func:`build_site`, :func:`serve`.
The command line reaches it through ``python -m generator site`` and ``python -m generator serve``.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import fcntl
import functools
import http.server
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import yaml

from . import mkdocs_cache
from .errors import BuildError
from .escape import html_text

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANGUAGES: tuple[str, ...] = ("id", "en")
DEFAULT_LANG = "id"
FALLBACK_SITE_URL = "https://election-prep-digest.github.io/digest/"

#: Names shown in the language switcher, each in its own language.
LANGUAGE_NAMES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}

THEME_STRINGS_FILE = "theme-strings.json"


def _not_in_nav_patterns(pages: Iterable[str], in_nav: set[str]) -> list[str]:
    """gitignore lines for `not_in_nav` matching every page outside the nav: one line per folder.

    A line per page made MkDocs match every file against every line (seconds at thousands of pages).
    """
    lines, folders = [], {}
    for page in sorted(pages):
        folder, sep, _ = page.partition("/")
        if sep:
            folders.setdefault(folder, []).append(page)
        elif page not in in_nav:
            lines.append("/" + page)
    for folder, members in sorted(folders.items()):
        if any(page not in in_nav for page in members):
            lines.append(f"/{folder}/**")
            lines += [f"!/{page}" for page in members if page in in_nav]
    return lines


def _theme_strings(lang_dir: Path) -> dict[str, str]:
    """The interface strings the generator translated for the theme (site name, toggles, search panel)."""
    with open(lang_dir / THEME_STRINGS_FILE, encoding="utf-8") as fh:
        return json.load(fh)


class SiteBuildError(BuildError):
    """One or more ``mkdocs build --strict`` runs failed.

    ``outputs`` maps each language to the combined stdout/stderr of its build
    and ``failed`` lists the languages whose build exited non-zero.
    """

    def __init__(self, message: str, outputs: Mapping[str, str] | None = None,
                 failed: Sequence[str] = ()) -> None:
        self.outputs = dict(outputs or {})
        self.failed = list(failed)
        detail = "\n".join(
            f"----- mkdocs build [{lang}] -----\n{self.outputs.get(lang, '').rstrip()}"
            for lang in self.failed
        )
        super().__init__(f"{message}\n{detail}" if detail else message)


# --------------------------------------------------------------------------
# Configuration
# --------------------------------------------------------------------------

def _base_config_loader() -> type[yaml.SafeLoader]:
    """A YAML loader that understands the tags used in the root mkdocs.yml."""

    class Loader(yaml.SafeLoader):
        pass

    try:
        from yaml_env_tag import construct_env_tag  # dependency of MkDocs
        Loader.add_constructor("!ENV", construct_env_tag)
    except ImportError:  # pragma: no cover - MkDocs always brings it
        Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_constructor("!relative", lambda loader, node: None)
    return Loader


def _load_base_config(repo_root: Path) -> dict[str, Any]:
    with open(repo_root / "mkdocs.yml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_base_config_loader()) or {}


def _read_site_json(build_dir: Path) -> dict[str, Any]:
    path = build_dir / "site.json"
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    return {}


def resolve_site_url(repo_root: Path, build_dir: Path | None = None,
                     site_url: str | None = None) -> str:
    """Root URL of the whole site (default language), always ending in '/'.

    Precedence: explicit argument, $SITE_URL, build/site.json, the default in
    the root mkdocs.yml.
    """
    url = site_url or os.environ.get("SITE_URL") or ""
    if not url and build_dir is not None:
        url = _read_site_json(build_dir).get("site_url") or ""
    if not url:
        url = _load_base_config(repo_root).get("site_url") or FALLBACK_SITE_URL
    return url if url.endswith("/") else url + "/"


def _lang_prefix(lang: str, default_lang: str) -> str:
    """Path of a language's root below the site root: '' or '<lang>/'."""
    return "" if lang == default_lang else f"{lang}/"


def _root_link(from_lang: str, to_lang: str, default_lang: str) -> str:
    """Relative link from one language's root to another language's root."""
    if to_lang == from_lang:
        return "./"
    up = "" if from_lang == default_lang else "../"
    return up + _lang_prefix(to_lang, default_lang)


def _convert_nav(entries: Iterable[Mapping[str, Any]]) -> list[Any]:
    """nav.json entries -> MkDocs nav list; titles as HTML text, which is how the theme prints them."""
    nav: list[Any] = []
    for entry in entries:
        title = entry.get("title")
        if "children" in entry:
            if not title:
                raise ValueError(f"nav section without a title: {entry!r}")
            nav.append({html_text(str(title)): _convert_nav(entry["children"])})
        elif "path" in entry:
            path = str(entry["path"])
            nav.append({html_text(str(title)): path} if title else path)
        else:
            raise ValueError(f"nav entry needs 'path' or 'children': {entry!r}")
    return nav


def _nav_paths(nav: Iterable[Any]) -> set[str]:
    paths: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            paths.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, str):
                    paths.add(value)
                elif isinstance(value, list):
                    paths |= _nav_paths(value)
    return paths


def _localized_palette(base: Mapping[str, Any], text: Mapping[str, str]) -> list[dict[str, Any]] | None:
    palette = (base.get("theme") or {}).get("palette")
    if not isinstance(palette, list):
        return None
    result = []
    for scheme in palette:
        scheme = json.loads(json.dumps(scheme))  # deep copy of plain data
        toggle = scheme.get("toggle")
        if isinstance(toggle, dict):
            toggle["name"] = html_text(text["to_light"] if scheme.get("scheme") == "slate" else text["to_dark"])
        result.append(scheme)
    return result


def write_config(build_dir: Path, lang: str, languages: Sequence[str] = DEFAULT_LANGUAGES,
                 default_lang: str = DEFAULT_LANG, repo_root: Path = REPO_ROOT,
                 site_url: str | None = None) -> Path:
    """Write build/<lang>/mkdocs.yml and return its path.

    The file INHERITs the root mkdocs.yml and sets what differs per language.
    """
    build_dir = Path(build_dir).resolve()
    repo_root = Path(repo_root).resolve()
    lang_dir = build_dir / lang
    docs_dir = lang_dir / "docs"
    if not docs_dir.is_dir():
        raise FileNotFoundError(f"missing docs tree for '{lang}': {docs_dir}")
    nav_file = lang_dir / "nav.json"
    with open(nav_file, encoding="utf-8") as fh:
        nav = _convert_nav(json.load(fh))

    base = _load_base_config(repo_root)
    root_url = resolve_site_url(repo_root, build_dir, site_url)
    text = _theme_strings(lang_dir)

    pages = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")]
    not_in_nav = _not_in_nav_patterns(pages, _nav_paths(nav))

    theme: dict[str, Any] = {
        "language": lang,
        "custom_dir": str(repo_root / "overrides"),
    }
    palette = _localized_palette(base, text)
    if palette is not None:
        theme["palette"] = palette

    config: dict[str, Any] = {
        "INHERIT": os.path.relpath(repo_root / "mkdocs.yml", lang_dir),
        # The theme prints the site name unescaped (as HTML); the description only through our main.html,
        # which escapes it. extra.epd.ui stays plain text: our overrides escape it where they print it.
        "site_name": html_text(text["site_name"]),
        "site_description": text["site_description"],
        "site_url": root_url + _lang_prefix(lang, default_lang),
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme,
        # Reuses each unchanged page's Markdown conversion and finished HTML from the last build
        # (generator/mkdocs_cache.py).
        "hooks": [str(Path(__file__).resolve().parent / "mkdocs_cache.py")],
        "nav": nav,
        "not_in_nav": "".join(line + "\n" for line in not_in_nav),
        "extra": {
            "alternate": [
                {
                    "name": LANGUAGE_NAMES.get(other, other),
                    "link": _root_link(lang, other, default_lang),
                    "lang": other,
                }
                for other in languages
            ],
            "epd": {
                "lang": lang,
                "ui": text,
                "default_lang": default_lang,
                "default_url": root_url,
                "languages": [
                    {"lang": other, "url": root_url + _lang_prefix(other, default_lang)}
                    for other in languages
                ],
            },
        },
    }
    out = lang_dir / "mkdocs.yml"
    header = "# Generated by generator/mkdocs_adapter.py — do not edit.\n"
    out.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                   encoding="utf-8")
    return out


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

def _site_settings(build_dir: Path, languages: Sequence[str] | None,
                   default_lang: str | None) -> tuple[list[str], str]:
    info = _read_site_json(build_dir)
    langs = list(languages or info.get("languages") or DEFAULT_LANGUAGES)
    default = default_lang or info.get("default") or langs[0]
    if default not in langs:
        raise ValueError(f"default language {default!r} not in {langs!r}")
    return langs, default


def _run_mkdocs(config_file: Path, cwd: Path, dirty: bool = False) -> tuple[int, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner
    # Same content, same bytes: MkDocs dates every page and the gzip header of sitemap.xml.gz with the day of
    # the build unless SOURCE_DATE_EPOCH is set (0: no date; the sitemap claims no modification dates).
    env.setdefault("SOURCE_DATE_EPOCH", "0")
    # mkdocs.yml loads generator.markdown_speedups, whichever directory the content lives in.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO_ROOT), env.get("PYTHONPATH"))))
    proc = subprocess.run(
        # A dirty build always warns that it is one, so it cannot be strict; update_site prints other warnings.
        [sys.executable, "-m", "mkdocs", "build", *(["--dirty"] if dirty else ["--strict"]),
         "-f", str(config_file)],
        cwd=str(cwd), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, encoding="utf-8", errors="replace",
    )
    return proc.returncode, proc.stdout


def _build_languages(configs: Mapping[str, Path], repo_root: Path, jobs: int, dirty: bool = False) -> dict[str, str]:
    """Run MkDocs for every language's config, at most `jobs` at once; each language's output.

    Raises :class:`SiteBuildError` with every failed build's output.
    """
    outputs: dict[str, str] = {}
    codes: dict[str, int] = {}
    extra = (True,) if dirty else ()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(_run_mkdocs, cfg, repo_root, *extra): lang for lang, cfg in configs.items()}
        for fut in concurrent.futures.as_completed(futures):
            codes[futures[fut]], outputs[futures[fut]] = fut.result()
    failed = [lang for lang in configs if codes[lang] != 0]
    if failed:
        raise SiteBuildError(f"mkdocs build failed for: {', '.join(failed)}", outputs, failed)
    return outputs


def build_site(build_dir: Path, site_dir: Path, languages: Sequence[str] | None = None,
               jobs: int = 2, *, default_lang: str | None = None,
               repo_root: Path = REPO_ROOT, site_url: str | None = None,
               before_publish: Callable[[Path, Sequence[str]], None] | None = None) -> dict[str, mkdocs_cache.Reuse]:
    """Build every language with ``mkdocs build --strict`` and publish to site_dir; per language, how many
    pages reused their Markdown conversion and their finished HTML from the last build (mkdocs_cache.Reuse).

    Languages are built in parallel (at most ``jobs`` at once). If any build
    fails, :class:`SiteBuildError` is raised with every build's output and
    ``site_dir`` is left untouched. Otherwise the default language is placed
    at ``site_dir`` and each other language at ``site_dir/<lang>``, then
    ``before_publish(assembled_tree, languages)`` runs (the search index), and
    only then is the tree swapped in by renames: a failure there also leaves
    ``site_dir`` untouched.
    """
    build_dir = Path(build_dir).resolve()
    site_dir = Path(site_dir).resolve()
    repo_root = Path(repo_root).resolve()
    langs, default = _site_settings(build_dir, languages, default_lang)

    configs = {
        lang: write_config(build_dir, lang, langs, default, repo_root, site_url)
        for lang in langs
    }

    with _site_lock(site_dir):
        return _build_and_publish(configs, build_dir, site_dir, langs, default, repo_root, jobs, before_publish)


def _build_and_publish(configs, build_dir: Path, site_dir: Path, langs, default: str, repo_root: Path, jobs: int,
                       before_publish) -> dict[str, mkdocs_cache.Reuse]:
    """build_site's work, under its lock: build, assemble beside site_dir, index, swap in."""
    _clear_leftovers(site_dir)
    outputs = _build_languages(configs, repo_root, jobs)

    parent = site_dir.parent
    tag = f"{os.getpid()}-{int(time.time() * 1000)}"
    new = parent / f"{site_dir.name}.new-{tag}"
    old = parent / f"{site_dir.name}.old-{tag}"
    try:
        shutil.copytree(build_dir / default / "site", new, copy_function=_link_or_copy)
        for lang in langs:
            if lang == default:
                continue
            target = new / lang
            if target.exists():
                raise SiteBuildError(
                    f"the '{default}' site already has '{lang}/'; cannot place the "
                    f"'{lang}' site there", outputs)
            shutil.copytree(build_dir / lang / "site", target, copy_function=_link_or_copy)
        if before_publish is not None:
            before_publish(new, langs)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _swap(new, site_dir, old)
    for lang in langs:
        log.info("built %s", lang)
    return {lang: mkdocs_cache.counts(outputs[lang]) for lang in langs}


@contextlib.contextmanager
def _site_lock(site_dir: Path):
    """One build at a time publishes into site_dir (and clears what killed builds left beside it)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = site_dir.parent / f".{site_dir.name}.lock"
    with open(lock_path, "a+b") as lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another build is publishing into {site_dir} (it holds {lock_path}); "
                             "wait for it to finish, or stop it") from None
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _leftovers(site_dir: Path) -> list[Path]:
    """The folders builds that were killed or failed left beside site_dir (site.new-*, site.old-*)."""
    return sorted(p for pattern in (f"{site_dir.name}.new-*", f"{site_dir.name}.old-*")
                  for p in site_dir.parent.glob(pattern) if p.is_dir() and not p.is_symlink())


def _clear_leftovers(site_dir: Path) -> None:
    """Remove what earlier builds left beside site_dir; only one build runs at a time (_site_lock)."""
    for path in _leftovers(site_dir):
        try:
            shutil.rmtree(path)
        except OSError as error:
            raise BuildError(f"cannot remove {path}, which an earlier build left: {error.strerror or error} "
                             f"({error.filename}); remove it by hand") from None


def _swap(new: Path, site_dir: Path, old: Path) -> None:
    """Put the assembled tree `new` in place of site_dir by two renames; on any failure site_dir is left as it
    was and the error says so. Ctrl-C between the two renames waits until both are done."""
    with _interrupts_deferred():
        try:
            if site_dir.exists():
                os.rename(site_dir, old)
        except OSError as error:
            shutil.rmtree(new, ignore_errors=True)
            raise BuildError(f"cannot move the previous site aside ({error.strerror or error}: {site_dir}); "
                             "it is unchanged") from None
        try:
            os.rename(new, site_dir)
        except OSError as error:
            if old.exists():
                os.rename(old, site_dir)
            shutil.rmtree(new, ignore_errors=True)
            raise BuildError(f"cannot put the new site in place ({error.strerror or error}: {site_dir}); "
                             "the previous site is unchanged") from None
    try:
        if old.exists():
            shutil.rmtree(old)
    except OSError as error:
        raise BuildError(f"the new site is in {site_dir}, but the previous one could not be removed from {old} "
                         f"({error.strerror or error}: {error.filename}); the next build removes it, or remove "
                         "it by hand") from None


@contextlib.contextmanager
def _interrupts_deferred():
    """Hold back Ctrl-C (SIGINT) until the block ends, then raise it; only the main thread can."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _link_or_copy(source: str, destination: str) -> None:
    """Assemble site/ from the per-language outputs by hard links (instant; MkDocs replaces rather than
    rewrites its files on the next full build), or by copying across file systems."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def update_site(build_dir: Path, site_dir: Path, languages: Sequence[str] | None = None,
                jobs: int = 2, *, repo_root: Path = REPO_ROOT, site_url: str | None = None,
                after_publish: Callable[[Path, Sequence[str]], None] | None = None) -> threading.Thread | None:
    """The quick rebuild `serve` runs after an edit, on a site :func:`build_site` built before.

    ``mkdocs build --dirty`` renders only the pages whose Markdown the generator rewrote (it writes only what
    changed), then the changed files are copied into site_dir in place. ``after_publish`` (the search index)
    runs in a background thread, returned, so the page shows before its search entry catches up.
    Raises :class:`SiteBuildError` like build_site; site_dir is then left as it was.
    """
    build_dir = Path(build_dir).resolve()
    site_dir = Path(site_dir).resolve()
    repo_root = Path(repo_root).resolve()
    if _indexing and _indexing[-1].is_alive():  # one search index run at a time, after the last one
        _indexing[-1].join()
    langs, default = _site_settings(build_dir, languages, None)
    configs = {lang: write_config(build_dir, lang, langs, default, repo_root, site_url) for lang in langs}
    started = time.time_ns() - 2_000_000_000  # files MkDocs writes from now on (with room for coarse clocks)
    with _site_lock(site_dir):
        outputs = _build_languages(configs, repo_root, jobs, dirty=True)
        for lang in langs:
            for line in outputs[lang].splitlines():
                if line.startswith("WARNING") and "'dirty' build" not in line:
                    print(f"serve [{lang}]: {line}", file=sys.stderr)
        for lang in langs:
            _copy_newer(build_dir / lang / "site", site_dir if lang == default else site_dir / lang, started)
    if after_publish is None:
        return None

    def index() -> None:
        try:
            after_publish(site_dir, langs)
        except BuildError as error:
            print(f"serve: search index not updated: {error}", file=sys.stderr)

    thread = threading.Thread(target=index, daemon=True)
    _indexing[:] = [thread]
    thread.start()
    return thread


_indexing: list[threading.Thread] = []  # the search index run update_site last started


def _copy_newer(source: Path, target: Path, since_ns: int) -> None:
    """Copy into target the files of source modified since `since_ns` (what a dirty build wrote).

    A dirty build keeps the same pages (the generator's plan did not change, or `serve` would have rebuilt
    everything), so nothing needs deleting.
    """
    for folder, _, names in os.walk(source):
        for name in names:
            path = os.path.join(folder, name)
            if os.stat(path).st_mtime_ns < since_ns:
                continue
            destination = target / os.path.relpath(path, source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            temporary = destination.with_name(destination.name + ".tmp")
            shutil.copy2(path, temporary)
            os.replace(temporary, destination)


# --------------------------------------------------------------------------
# Serve
# --------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


GENERATE_CMD: tuple[str, ...] = (sys.executable, "-m", "generator", "generate")
SAME_PAGES = "same pages"  # what an in-process generate returns when no page came or went


def _regenerate(repo_root: Path, build_dir: Path, site_dir: Path,
                languages: Sequence[str] | None, jobs: int, site_url: str,
                generate_cmd: Sequence[str] = GENERATE_CMD,
                before_publish: Callable[[Path, Sequence[str]], None] | None = None,
                generate: Callable[[], bool] | None = None, incremental: bool = False) -> bool:
    """Generate, then build the whole site, or with ``incremental`` only what changed; False on failure.

    ``generate`` runs the generator in this process (serve passes one that keeps its state between runs);
    it returns False on failure, :data:`SAME_PAGES` when the pages are the ones of the last run (only their
    contents changed, so a dirty MkDocs build is enough), anything else true otherwise. Without it,
    ``generate_cmd`` runs as a subprocess, and the whole site is built.
    """
    started = time.monotonic()
    if generate is not None:
        outcome = generate()
        if not outcome:
            print("serve: generate failed; still serving the previous site", file=sys.stderr)
            return False
        incremental = incremental and outcome == SAME_PAGES
    else:
        incremental = False  # what a subprocess changed is not known: build everything
        gen = subprocess.run(list(generate_cmd), cwd=str(repo_root),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if gen.returncode != 0:
            print(gen.stdout.rstrip(), file=sys.stderr)
            print("serve: generate failed; still serving the previous site", file=sys.stderr)
            return False
    try:
        if incremental and site_dir.is_dir():
            indexing = update_site(build_dir, site_dir, languages, jobs, repo_root=repo_root, site_url=site_url,
                                   after_publish=before_publish)
            print(f"serve: pages updated in {time.monotonic() - started:.1f}s"
                  + ("; search index follows" if indexing else ""), file=sys.stderr)
            return True
        build_site(build_dir, site_dir, languages, jobs, repo_root=repo_root, site_url=site_url,
                   before_publish=before_publish)
    except SiteBuildError as exc:
        print(str(exc), file=sys.stderr)
        print("serve: build failed; still serving the previous site", file=sys.stderr)
        return False
    print(f"serve: rebuilt in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return True


def serve(build_dir: Path = REPO_ROOT / "build", site_dir: Path = REPO_ROOT / "site",
          languages: Sequence[str] | None = None, jobs: int = 2, *,
          host: str = "127.0.0.1", port: int = 8000, repo_root: Path = REPO_ROOT,
          debounce: float = 0.5, generate_cmd: Sequence[str] = GENERATE_CMD,
          before_publish: Callable[[Path, Sequence[str]], None] | None = None,
          generate: Callable[[], bool] | None = None) -> None:
    """Build, serve ``site_dir`` on http://host:port/ and rebuild on changes.

    Watches content/, generator/templates/, docs/, overrides/ and mkdocs.yml;
    each burst of changes (quiet for ``debounce`` seconds) re-runs the generator
    (``generate`` in this process, else ``generate_cmd`` as a subprocess) and
    :func:`update_site`, which rebuilds only the changed pages; a change to
    overrides/ or mkdocs.yml, or to the set of pages, rebuilds the whole site. A
    failed rebuild keeps the previous site. Runs until interrupted (Ctrl-C).
    """
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    build_dir = Path(build_dir).resolve()
    site_dir = Path(site_dir).resolve()
    repo_root = Path(repo_root).resolve()
    # Local URLs, so canonical links, sitemaps and instant navigation work.
    site_url = f"http://{host}:{port}/"
    os.environ["SITE_URL"] = site_url

    _regenerate(repo_root, build_dir, site_dir, languages, jobs, site_url, generate_cmd, before_publish, generate)

    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serve: http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)

    changed = threading.Event()
    last = [0.0]
    theme_changed = [False]  # overrides/ or mkdocs.yml: every page's HTML changes, so no dirty build
    ignored_parts = {"__pycache__", ".git"}
    theme_dir = repo_root / "overrides"

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            if event.event_type in ("opened", "closed", "closed_no_write"):
                return
            path = Path(os.fsdecode(event.src_path))
            name = path.name
            if ignored_parts & set(path.parts) or name.endswith(("~", ".swp", ".swx")) \
                    or name.startswith(".#"):
                return
            if path.parent == repo_root and name != "mkdocs.yml":
                return
            if path.parent == repo_root or theme_dir in path.parents:
                theme_changed[0] = True
            last[0] = time.monotonic()
            changed.set()

    observer = Observer()
    for rel in ("content", "generator/templates", "docs", "overrides"):
        if (repo_root / rel).is_dir():
            observer.schedule(Handler(), str(repo_root / rel), recursive=True)
    observer.schedule(Handler(), str(repo_root), recursive=False)
    observer.start()

    def _stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    try:
        while True:
            if not changed.wait(timeout=1.0):
                continue
            while time.monotonic() - last[0] < debounce:
                time.sleep(debounce / 4)
            changed.clear()
            incremental, theme_changed[0] = not theme_changed[0], False
            _regenerate(repo_root, build_dir, site_dir, languages, jobs, site_url, generate_cmd, before_publish,
                        generate, incremental=incremental)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        observer.join()
        server.shutdown()
        server.server_close()
