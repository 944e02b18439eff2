"""build(config): load -> verify -> index -> render -> write. Reads top to bottom."""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
import re
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental
from .export import render_exports
from .i18n import LANGUAGES, DEFAULT_LANGUAGE
from .incremental import affected_pages
from .index import Index, build_index
from .errors import ContentErrors, Location, Problem
from .load import MAX_FILE_BYTES, LoadCache, NotRegularFile, load_content, read_regular_file
from .pages import navigation, plan_pages, theme_strings
from .search_index import vocabulary
from .render import environment, formatter, render_pages
from .verify import Report, verify

DEFAULT_SITE_URL = "https://election-prep-digest.github.io/digest/"


@dataclass(frozen=True)
class BuildConfig:
    """Where content comes from and where the generated Markdown trees go."""

    root: Path
    out: Path
    site_url: str = field(default_factory=lambda: os.environ.get("SITE_URL", DEFAULT_SITE_URL))
    languages: tuple[str, ...] = LANGUAGES

    @classmethod
    def for_repository(cls, root: Path, out: Path | None = None) -> "BuildConfig":
        return cls(root=root, out=out or root / "build")


@dataclass(frozen=True)
class BuildResult:
    """What a build did, and how long each stage took (seconds)."""

    report: Report
    pages: int  # per language
    written: int
    unchanged: int
    removed: int
    timings: dict[str, float]
    rendered: int = 0  # generated pages rendered per language (the others were the last build's, unchanged)
    planned: int = 0  # generated pages per language (`pages` adds the hand-written ones)


@dataclass
class BuildState:
    """What `make serve` keeps between builds, so an edit re-reads and re-renders only what it can change."""

    cache: LoadCache = field(default_factory=LoadCache)
    verified: dict = field(default_factory=dict)  # each fact sheet's own findings (verify's memo)
    index: Index | None = None  # of the last build
    stamp: tuple = ()  # templates and catalogs the last build rendered with
    trees: dict[str, dict[str, bytes]] = field(default_factory=dict)  # lang -> rendered pages, as written
    incremental: bool = False  # whether the last build rendered only the pages its edit could change


def build(config: BuildConfig, state: BuildState | None = None) -> BuildResult:
    """Generate every language's Markdown tree from the content; writes nothing if the content has problems.

    `state` (kept by `make serve` between builds) spares re-reading and re-checking the files that did not
    change, and re-renders only the pages an edit can change (generator/incremental.py). Without it, the
    build compares with what the last build in another process saved in build/generator-state.json, and
    re-renders only the pages the fact sheets edited since then can change (unless EPD_RENDER_CACHE=0).
    """
    clock = _Clock()
    with _without_cycle_collection():
        content = load_content(config.root / "content", config.root, state.cache if state is not None else None)
        clock.lap("load")
        report = verify(content, state.verified if state is not None else None)
        clock.lap("verify")
        index = build_index(content)
        clock.lap("index")
    exports = render_exports(index, config.site_url)
    hand_written = _read_hand_written(config.root / "docs")
    assets = _read_assets(config.root / "docs" / "assets")
    job = _LanguageJob(config, content, index, exports, hand_written, assets)
    stamp = _source_stamp()
    job.keep_tree = state is not None
    build_stamp = None  # set when this build saves its state for the next build in a new process
    if state is not None and state.index is not None and state.stamp == stamp and state.trees:
        job.only = _affected(state, index, config.languages)
    elif state is None and _keep_state():
        build_stamp = incremental.stamp(content, config.site_url, config.languages)
        sheet_digests = {sheet.id: incremental.record_digest(sheet) for sheet in content.sheets}
        job.only = _affected_since_last(config, index, build_stamp, sheet_digests)
        job.keep_digests = True
    incremental.forget_state(config.out)  # until this build saves its own, no state describes what is on disk
    if job.only is not None:
        done = [job.run(lang) for lang in config.languages]  # a few pages: forking would cost more
    elif _parallel(config, content):
        # Languages are independent: render and write each in a forked worker (the index is shared
        # copy-on-write), so two cores halve the longest stage.
        global _JOB
        _JOB = job
        warm_caches(config.languages)  # compiled once here, inherited by every fork (serve forks on each edit)
        gc.freeze()  # the workers' garbage collector leaves the shared objects alone: fewer pages copied
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(len(config.languages), initializer=_ignore_interrupts) as pool:
                done = pool.map(_run_job, config.languages)
        finally:
            _JOB = None
            gc.unfreeze()
    else:
        done = [job.run(lang) for lang in config.languages]
    if state is not None:
        state.index, state.stamp = index, stamp
        state.trees = {lang: d["tree"] for lang, d in zip(config.languages, done)}
        state.incremental = job.only is not None
    slowest_write = max(d["write_seconds"] for d in done)
    clock.lap("render")
    clock.laps["render"] -= slowest_write  # the write share of the workers' time is reported as "write"
    pages = done[-1]["pages"]
    written = sum(d["written"] for d in done)
    unchanged = sum(d["unchanged"] for d in done)
    removed = sum(d["removed"] for d in done)
    site = {"languages": list(config.languages), "default": DEFAULT_LANGUAGE, "site_url": config.site_url}
    _write_if_changed(config.out / "site.json", (json.dumps(site, indent=1) + "\n").encode("utf-8"))
    if build_stamp is not None:
        state_data = incremental.state(build_stamp, index, sheet_digests,
                                       {lang: d["digests"] for lang, d in zip(config.languages, done)})
        _write_if_changed(config.out / incremental.STATE_FILE,
                          json.dumps(state_data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    clock.lap("write")
    clock.laps["write"] += slowest_write
    rendered = max(d["rendered"] for d in done)
    return BuildResult(report, pages, written, unchanged, removed, clock.laps, rendered, done[-1]["planned"])


@contextlib.contextmanager
def _without_cycle_collection():
    """Pause Python's cycle collector: loading builds hundreds of thousands of objects that all stay alive,
    and the collector kept scanning them (a third of the load time at 1,000 sheets). Reference counting
    still frees what these stages discard; a cycle among it waits for the collector's next run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


PARALLEL_MIN_SHEETS = 200  # below this, forking costs more than it saves
_JOB = None  # the job forked workers inherit


def _parallel(config: BuildConfig, content) -> bool:
    return (len(config.languages) > 1 and (os.cpu_count() or 1) > 1 and len(content.sheets) >= PARALLEL_MIN_SHEETS
            and "fork" in multiprocessing.get_all_start_methods() and os.environ.get("EPD_SERIAL") != "1")


def _affected(state: BuildState, index: Index, languages) -> dict | None:
    """Per language, the pages to render again, the last build's pages and the plan; None to render all."""
    return _only(index, languages, state.trees.get,
                 lambda planned: affected_pages(state.index, index, planned),
                 lambda lang, previous, pages: previous)


def _keep_state() -> bool:
    """Whether builds in new processes reuse pages through build/generator-state.json (incremental.py)."""
    return os.environ.get("EPD_RENDER_CACHE", "1") != "0"


def _affected_since_last(config: BuildConfig, index: Index, build_stamp: str, sheet_digests: dict) -> dict | None:
    """Like _affected, from what the last build in another process saved; None to render all."""
    saved = incremental.read_state(config.out)
    if saved is None or not isinstance(saved.get("pages"), dict):
        return None

    def read_back(lang: str, recorded: dict, pages: set[str]) -> dict | None:
        """The pages not rendered again, from disk, if each is still what the last build wrote."""
        previous = {}
        for path, page_digest in recorded.items():
            if path in pages:
                continue
            try:
                data = (config.out / lang / "docs" / path).read_bytes()
            except OSError:
                return None
            if incremental.digest(data) != page_digest:
                return None
            previous[path] = data
        return previous

    return _only(index, config.languages, saved["pages"].get,
                 lambda planned: incremental.affected_since(saved, build_stamp, index, sheet_digests, planned),
                 read_back)


def _only(index: Index, languages, recorded_of, affected_of, previous_of) -> dict | None:
    """Per language, (pages to render again, the last build's other pages, the plan); None to render all.

    recorded_of(lang): what the last build recorded of its pages, by path; affected_of(planned): the paths
    to render again; previous_of(lang, recorded, pages): the last build's pages, by path (None: unusable).
    """
    only = {}
    for lang in languages:
        plan = plan_pages(index, lang)
        planned = {page.path for page in plan}
        recorded = recorded_of(lang)
        if not isinstance(recorded, dict) or recorded.keys() != planned:  # pages came or went (a new month...)
            return None
        pages = affected_of(planned)
        previous = previous_of(lang, recorded, pages) if pages is not None else None
        if previous is None:
            return None
        only[lang] = (pages, previous, plan)
    return only


def warm_caches(languages) -> None:
    """Compile every template and load every language's catalog and locale in this process."""
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    for lang in languages:
        formatter(lang)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and reports it in one line (no traceback each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_job(lang: str) -> dict:
    return _JOB.run(lang)


@dataclass
class _LanguageJob:
    """Render one language's pages and make build/<lang>/ hold exactly them."""

    config: BuildConfig
    content: object
    index: object
    exports: dict
    hand_written: dict
    assets: dict
    only: dict[str, tuple] | None = None  # lang -> (pages to render, the last build's pages, the plan)
    keep_tree: bool = False  # return the rendered pages (for the next incremental build)
    keep_digests: bool = False  # return the digest of every generated page (for the state this build saves)

    def run(self, lang: str) -> dict:
        hand_written = self.hand_written[lang]
        only, previous, plan = self.only[lang] if self.only is not None else (None, None, None)
        plan = plan or plan_pages(self.index, lang)
        # Hover definitions: each page gets the glossary terms it uses (Markdown's abbr syntax, so any
        # Python-Markdown builder shows them); a whole-glossary snippet on every page doubled the build.
        abbreviations = Abbreviations(self.content.glossary, lang)
        if only is None:
            rendered = render_pages(plan, self.index, lang)
            pages = {path: abbreviations.append(text).encode("utf-8") for path, text in rendered.items()}
        else:
            rendered = render_pages([page for page in plan if page.path in only], self.index, lang)
            pages = dict(previous)
            pages.update({path: abbreviations.append(text).encode("utf-8") for path, text in rendered.items()})
        tree = dict(pages)
        tree.update({name: abbreviations.append(text.decode("utf-8")).encode("utf-8")
                     for name, text in hand_written.items()})
        tree.update({f"data/{name}": text.encode("utf-8") for name, text in self.exports.items()})
        tree.update({f"assets/{name}": data for name, data in self.assets.items()})
        started = time.perf_counter()
        lang_dir = self.config.out / lang
        # After an incremental render, pages equal to what the last build wrote are not read back from disk.
        written, unchanged, removed = write_tree(lang_dir / "docs", tree, known=previous if only is not None else None)
        for name, data in (("nav.json", navigation(lang)), ("theme-strings.json", theme_strings(lang)),
                           ("search-vocabulary.json", vocabulary(self.index, lang))):
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=name != "nav.json") + "\n"
            if _write_if_changed(lang_dir / name, text.encode("utf-8")):
                written += 1
            else:
                unchanged += 1
        return {"pages": len(plan) + len(hand_written), "written": written, "unchanged": unchanged,
                "removed": removed, "write_seconds": time.perf_counter() - started, "rendered": len(rendered),
                "planned": len(plan),
                "tree": pages if self.keep_tree else None,
                "digests": {path: incremental.digest(data) for path, data in pages.items()}
                if self.keep_digests else None}


def _source_stamp() -> tuple:
    """The templates' and catalogs' modification times: rendered pages are reused only while these hold."""
    folder = Path(__file__).resolve().parent
    files = sorted([*(folder / "templates").glob("*.j2"), *(folder / "locale").rglob("*.po")])
    return tuple((path.name, path.stat().st_mtime_ns) for path in files)


def write_tree(directory: Path, files: dict[str, bytes], known: dict[str, bytes] | None = None
               ) -> tuple[int, int, int]:
    """Make `directory` hold exactly `files`: write what changed, keep what did not, remove the rest.

    `known`: files as the last call wrote them; a file equal to its known bytes is taken as unchanged unread.
    """
    written = unchanged = 0
    known = known or {}
    for relative, data in sorted(files.items()):
        if known.get(relative) == data:
            unchanged += 1
        elif _write_if_changed(directory / relative, data):
            written += 1
        else:
            unchanged += 1
    removed = 0
    if directory.exists():
        for path in sorted(directory.rglob("*"), reverse=True):
            relative = path.relative_to(directory).as_posix()
            if path.is_file() and relative not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, unchanged, removed


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def _read_hand_written(docs: Path) -> dict[str, dict[str, bytes]]:
    """The hand-written pages of each language: docs/<lang>/*.md (none when the folder is absent)."""
    problems: list[Problem] = []
    found = {lang: _read_tree(docs / lang, ".md", problems) for lang in LANGUAGES}
    if problems:
        raise ContentErrors(problems)
    return found


def _read_assets(assets: Path) -> dict[str, bytes]:
    problems: list[Problem] = []
    found = _read_tree(assets, "", problems)
    if problems:
        raise ContentErrors(problems)
    return found


def _read_tree(folder: Path, suffix: str, problems: list[Problem]) -> dict[str, bytes]:
    """The regular files of a folder whose names end with `suffix`, by relative path; a symbolic link, a
    device or an unreadable file is a problem (nothing outside the repository is published)."""
    if not folder.is_dir() or folder.is_symlink():
        if folder.is_symlink():
            problems.append(Problem(Location.of_file(folder, folder.parents[1]), "",
                                    "expected a folder, found a symbolic link", "commit the folder itself"))
        return {}
    found = {}
    root = folder.parents[1]  # the repository, for display paths
    for directory, folders, names in os.walk(folder):
        for name in sorted(folders + names):
            path = Path(directory, name)
            if name in folders and not path.is_symlink() or not name.endswith(suffix):
                continue
            try:
                data = read_regular_file(path, MAX_FILE_BYTES)
            except NotRegularFile as error:
                problems.append(Problem(Location.of_file(path, root), "", f"expected a regular file, found "
                                        f"{error.found}", error.hint))
                continue
            except OSError as error:
                problems.append(Problem(Location.of_file(path, root), "",
                                        f"cannot read the file: {error.strerror or error}"))
                continue
            if len(data) > MAX_FILE_BYTES:
                problems.append(Problem(Location.of_file(path, root), "", f"file is too large: expected at "
                                        f"most {MAX_FILE_BYTES:,} bytes", "check that it is the right file"))
                continue
            found[path.relative_to(folder).as_posix()] = data
    return dict(sorted(found.items()))


class Abbreviations:
    """Appends to a page the abbreviation definitions (`*[DPT]: ...`) of the glossary terms it uses."""

    def __init__(self, terms, lang: str):
        self.definitions = {}
        for term in sorted(terms, key=lambda t: t.term):
            meaning = term.definition.en if lang == "en" and term.definition.en else term.definition.id
            title = f"{term.expansion}: {meaning}" if term.expansion else meaning
            if not _ABBREVIATION.match(_one_line(term.term)):
                # abbr would not read the line as a definition, and Markdown would print it, HTML and all.
                continue
            self.definitions[term.term] = f"*[{_one_line(term.term)}]: {_one_line(title)}"
        # The same test Python-Markdown's abbr extension applies to text, `\b(?:terms)\b`, run over the whole
        # page: it may find a term in a link or heading id too, and an unused definition is harmless. The
        # leading `\b` is checked by hand: a pattern that starts with the terms lets `re` skip ahead to the
        # characters a term starts with, five times faster than trying `\b` at every position.
        self.pattern = re.compile(r"(?:%s)\b" % "|".join(
            re.escape(t) for t in sorted(self.definitions, key=len, reverse=True))) if self.definitions else None

    def used(self, text: str) -> set[str]:
        r"""The terms `\b(?:terms)\b` finds in the text."""
        found = set()
        search = self.pattern.search
        match = search(text)
        while match is not None:
            start = match.start()
            before = text[start - 1] if start else " "
            if before.isalnum() or before == "_":  # not at a word boundary: a term may still start further in
                match = search(text, start + 1)
                continue
            found.add(match.group())
            match = search(text, match.end())
        return found

    def append(self, text: str) -> str:
        if self.pattern is None:
            return text
        used = self.used(text)
        if not used:
            return text
        lines = [self.definitions[term] for term in sorted(used)]
        return text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


# What Python-Markdown's abbr extension accepts between `*[` and `]`: no backslash (nor `]`, see _one_line).
_ABBREVIATION = re.compile(r"^[^\\\]]+$")


def _one_line(text: str) -> str:
    """A definition stays on one line; a `]` would end the term early, so brackets become parentheses."""
    return " ".join(str(text).split()).replace("[", "(").replace("]", ")")


class _Clock:
    def __init__(self):
        self.started = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.last
        self.last = now
