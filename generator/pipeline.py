"""build(config): load -> verify -> index -> render -> write. Reads top to bottom.

Each stage takes plain values and returns one. Rendering renders only the pages whose recorded lookups or
values changed since the last build (reuse.py); the last build is kept by a store: in memory for `make serve`
(BuildState), in build/ for a build in a new process.
"""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
import re
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import reuse
from .errors import ContentErrors, Location
from .export import ExportMemo, render_exports
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, formatter
from .index import Index, build_index
from .load import LoadCache, Reader, content_folder_problem, read_content
from .pages import navigation, plan_pages, theme_strings
from .place_finder import places_json
from .render import environment, render_pages
from .search_lexicon import WordMemo, lexicons, remember_roots
from .verify import Checked, Report, verify

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
    same_pages: bool = False  # the same generated pages as the last build (only their contents may differ)


@dataclass
class BuildState:
    """What `make serve` keeps between builds: converted files, verify's findings, and the last build's pages."""

    cache: LoadCache = field(default_factory=LoadCache)
    verified: dict = field(default_factory=dict)  # each fact sheet's own findings (verify's memo)
    pages: reuse.MemoryStore = field(default_factory=reuse.MemoryStore)
    exports: ExportMemo = field(default_factory=ExportMemo)  # the parts of the open-data files, by what made them
    words: WordMemo = field(default_factory=WordMemo)  # the words of each part of the content (search lexicon)
    data: dict = field(default_factory=dict)  # the open-data files as the last build wrote them


def build(config: BuildConfig, state: BuildState | None = None) -> BuildResult:
    """Generate every language's Markdown tree from the content; writes nothing if the content has problems.

    `state` (kept by `make serve`) spares re-reading and re-checking the files that did not change and keeps the
    last build's pages in memory; without it the last build's pages are the ones in build/ (reuse.DiskStore,
    off with EPD_RENDER_CACHE=0). Either way only the pages whose recorded lookups changed are rendered.
    """
    clock = _Clock()
    with _without_cycle_collection():
        loaded = read_content(config.root / "content", config.root, state.cache if state is not None else None)
        content = loaded.content
        store = state.pages if state is not None else _disk_store(config)
        stamp = reuse.stamp(config.site_url, config.languages)
        previous = store.load()
        memo = previous.memo if previous is not None and previous.stamp == stamp else {}
        remember_roots(memo.get("roots"))
        clock.lap("load")
        checked = _checked(memo.get("checked"), stamp, loaded)
        report = verify(content, state.verified if state is not None else None, loaded, checked)
        clock.lap("verify")
        index = build_index(content)
        clock.lap("index")
        job = plan_job(config, index, stamp, previous, state)
        if checked is not None:
            job.memo["checked"] = checked.saved_form(report)
    store.forget()  # until this build saves, no state describes what is on disk
    done = render(job)
    clock.lap("render")
    with _without_cycle_collection():
        write_state(config, job, done, store)
    clock.lap("write", moved_from="render", seconds=max(d["write_seconds"] for d in done))
    return BuildResult(report, done[-1]["pages"], sum(d["written"] for d in done),
                       sum(d["unchanged"] for d in done), sum(d["removed"] for d in done), clock.laps,
                       max(d["rendered"] for d in done), done[-1]["planned"], all(d["same_pages"] for d in done))


@contextlib.contextmanager
def _without_cycle_collection():
    """Pause Python's cycle collector: loading builds hundreds of thousands of objects that all stay alive,
    and the collector kept scanning them (a third of the load time at 1,000 sheets); reading and saving the
    reuse state builds hundreds of thousands more (it took twice as long with the collector on). Reference
    counting still frees what these stages discard; a cycle among it waits for the collector's next run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _checked(saved, stamp: str, loaded) -> Checked | None:
    """What the last build's verify found clean (verify.Checked), under this code and these registries; None
    when the registries' digest is unknown (files a LoadCache handed out were not read)."""
    if loaded.registry_digest is None:
        return None
    return Checked.restore(saved, f"{stamp} {loaded.registry_digest}")


def _disk_store(config: BuildConfig) -> reuse.Store:
    """The store of a build in a new process: build/, unless EPD_RENDER_CACHE=0 (then every page renders)."""
    if os.environ.get("EPD_RENDER_CACHE", "1") == "0":
        return reuse.NoStore(config.out)
    return reuse.DiskStore(config.out)


# ---------------------------------------------------------------- render

@dataclass
class RenderJob:
    """Everything rendering needs, as plain values."""

    config: BuildConfig
    index: Index
    stamp: str
    previous: reuse.Previous | None  # what the store kept of the last build
    hand_written: dict[str, dict[str, bytes]]
    assets: dict[str, bytes]
    keep_pages: bool  # return every generated page's bytes (for a store in memory)
    state: BuildState | None = None  # what `make serve` keeps: the last build's exports and words
    memo: dict = field(default_factory=dict)  # what this build leaves the next besides pages (reuse.Previous.memo)

    @property
    def parallel(self) -> bool:
        """Languages render in forked workers, one each, unless the content is small (forking costs more)."""
        return (len(self.config.languages) > 1 and (os.cpu_count() or 1) > 1
                and len(self.index.sheets) >= PARALLEL_MIN_SHEETS
                and "fork" in multiprocessing.get_all_start_methods() and os.environ.get("EPD_SERIAL") != "1")


PARALLEL_MIN_SHEETS = 200


def plan_job(config: BuildConfig, index: Index, stamp: str, previous: reuse.Previous | None,
             state: BuildState | None = None) -> RenderJob:
    """What every language's render starts from: the stamp, the last build, hand-written pages and assets."""
    return RenderJob(config, index, stamp, previous, _read_hand_written(config.root / "docs"),
                     _read_assets(config.root / "docs" / "assets"), state is not None, state)


def render(job: RenderJob) -> list[dict]:
    """Render and write every language's tree (render_language), each in a forked worker when that is quicker,
    while this process writes the open-data files and the search lexicons (write_shared); serial and parallel
    renders give the same bytes."""
    if not job.parallel:
        fingerprints = reuse.Fingerprints()  # one process: the languages share what it computed
        done = [render_language(job, lang, fingerprints) for lang in job.config.languages]
        return _with_exports(done, write_shared(job))
    warm_caches(job.config.languages)  # compiled once here, inherited by every fork (serve forks on each edit)
    gc.freeze()  # the workers' garbage collector leaves the shared objects alone: fewer pages copied
    try:
        context = multiprocessing.get_context("fork")
        workers = []
        for lang in job.config.languages:  # the job goes to each worker as an argument; fork shares it
            receiver, sender = context.Pipe(duplex=False)
            worker = context.Process(target=_render_in_worker, args=(job, lang, sender), daemon=True)
            worker.start()
            sender.close()
            workers.append((worker, receiver))
        exports = write_shared(job)  # meanwhile
        results = []
        for worker, receiver in workers:
            try:
                outcome, value = receiver.recv()
            except EOFError:
                raise RuntimeError(f"a render worker ended without a result (exit code {worker.exitcode})") from None
            finally:
                receiver.close()
                worker.join()
            if outcome == "error":
                raise value
            results.append(value)
        return _with_exports(results, exports)
    finally:
        gc.unfreeze()


def _render_in_worker(job: RenderJob, lang: str, sender) -> None:
    """A worker's render: its result (or its exception, with the worker's traceback as a note) to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report, in one line
    try:
        languages = job.config.languages
        share = (languages.index(lang), len(languages))  # the lookups whose digests this worker computes
        sender.send(("done", render_language(job, lang, reuse.Fingerprints(), share)))
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        error.add_note("in the render worker of '" + lang + "':\n" + traceback.format_exc())
        sender.send(("error", error))
    finally:
        sender.close()


def warm_caches(languages) -> None:
    """Compile every template and load every language's catalog and locale in this process."""
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    for lang in languages:
        formatter(lang)


def render_language(job: RenderJob, lang: str, fingerprints: reuse.Fingerprints, share=(0, 1)) -> dict:
    """Plan one language's pages, render those whose lookups changed since the last build (reuse.decide), and
    make build/<lang>/ hold exactly this build's files (data/ and the search lexicon are write_shared's)."""
    pages = plan_pages(job.index, lang)
    plan = reuse.decide(job.previous, job.stamp, lang, pages, job.index, fingerprints)
    hand_written = job.hand_written[lang]
    # Hover definitions: each page gets the glossary terms it uses (Markdown's abbr syntax, so any
    # Python-Markdown builder shows them); a whole-glossary snippet on every page doubled the build.
    abbreviations = Abbreviations(job.index.content.glossary, lang)
    tree = dict(plan.reused)
    records = {}
    for path, (text, reads) in render_pages(plan.render, job.index, lang).items():
        tree[path] = data = abbreviations.append(text).encode("utf-8")
        records[path] = (reuse.digest(data), reads | reuse.EVERY_PAGE_READS)
    generated = dict(tree) if job.keep_pages else None
    tree.update({name: abbreviations.append(text.decode("utf-8")).encode("utf-8")
                 for name, text in hand_written.items()})
    tree.update({f"assets/{name}": data for name, data in job.assets.items()})
    started = time.perf_counter()
    lang_dir = job.config.out / lang
    # Reused pages are what the last build wrote there: they are not read back to compare.
    written, unchanged, removed = write_tree(lang_dir / "docs", tree, known=plan.reused, kept="data/")
    for name, text in (
            ("nav.json", json.dumps(navigation(lang, operations=bool(job.index.content.operations)),
                                    ensure_ascii=False, indent=1)),
            ("theme-strings.json", json.dumps(theme_strings(lang), ensure_ascii=False, indent=1, sort_keys=True))):
        if _write_if_changed(lang_dir / name, (text + "\n").encode("utf-8")):
            written += 1
        else:
            unchanged += 1
    return {"lang": lang, "pages": len(pages) + len(hand_written), "planned": len(pages),
            "rendered": len(records), "values": plan.values, "reused": tuple(plan.reused), "records": records,
            "lookups": reuse.digests_of(records, share, job.index, fingerprints), "tree": generated,
            "same_pages": plan.same_pages, "written": written, "unchanged": unchanged, "removed": removed,
            "write_seconds": time.perf_counter() - started}


def write_shared(job: RenderJob) -> dict:
    """Write what is made from the whole content at once: the open-data files (the same in every language) into
    each language's data/, with that language's list of places for the place finder, and each language's search
    lexicon. With `make serve`'s state, only the parts that
    changed are made again, and a file is compared with what the last build wrote rather than read back."""
    state = job.state
    exports = {name: text.encode("utf-8")
               for name, text in render_exports(job.index, job.config.site_url, state and state.exports).items()}
    counts = {"written": 0, "unchanged": 0, "removed": 0}
    for lang in job.config.languages:
        # Beside the open data, each language's list of places for the place finder (its kind labels differ).
        files = {**exports, "places.json": places_json(job.index, lang).encode("utf-8")}
        for name, count in zip(counts, write_tree(job.config.out / lang / "docs" / "data", files,
                                                  known=state and state.data)):
            counts[name] += count
    if state is not None:
        state.data = exports
    # The lexicon holds Indonesian words: those of the Indonesian pages, and those English pages keep.
    pages = {name: text.decode("utf-8") for name, text in job.hand_written.get("id", {}).items()}
    made, job.memo["roots"] = lexicons(job.index, job.config.languages, pages, state and state.words)
    for lang, lexicon in made.items():
        # Downloaded by the search box (site/pagefind/epd-vocabulary-<lang>.json): compact.
        text = json.dumps(lexicon, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        counts["written" if _write_if_changed(job.config.out / lang / "search-vocabulary.json",
                                              (text + "\n").encode("utf-8")) else "unchanged"] += 1
    return counts


def _with_exports(done: list[dict], exports: dict) -> list[dict]:
    """The languages' results, the first one counting the open-data files too."""
    for name, count in exports.items():
        done[0][name] += count
    return done


# ---------------------------------------------------------------- write

def write_state(config: BuildConfig, job: RenderJob, done: list[dict], store: reuse.Store) -> None:
    """Write build/site.json (for the MkDocs adapter) and leave the store what the next build reuses."""
    site = {"languages": list(config.languages), "default": DEFAULT_LANGUAGE, "site_url": config.site_url}
    _write_if_changed(config.out / "site.json", (json.dumps(site, indent=1) + "\n").encode("utf-8"))
    store.save(reuse.state(job.stamp, job.previous, done, job.index, job.memo),
               {d["lang"]: d["tree"] for d in done} if job.keep_pages else {})


def write_tree(directory: Path, files: dict[str, bytes], known: dict[str, bytes] | None = None,
               kept: str | None = None) -> tuple[int, int, int]:
    """Make `directory` hold exactly `files`: write what changed, keep what did not, remove the rest.

    `known`: files as the last call wrote them; a file equal to its known bytes is taken as unchanged unread.
    `kept`: a folder (like "data/") another writer keeps: nothing under it is removed.
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
            if kept and (relative + "/").startswith(kept):
                continue
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
    reader = Reader(docs.parent, [])
    found = {lang: _read_tree(docs / lang, ".md", reader) for lang in LANGUAGES}
    if reader.problems:
        raise ContentErrors(reader.problems)
    return found


def _read_assets(assets: Path) -> dict[str, bytes]:
    reader = Reader(assets.parents[1], [])
    found = _read_tree(assets, "", reader)
    if reader.problems:
        raise ContentErrors(reader.problems)
    return found


def _read_tree(folder: Path, suffix: str, reader: Reader) -> dict[str, bytes]:
    """The regular files of a folder whose names end with `suffix`, by relative path, read as content files
    are (load.Reader.read_bytes: a symbolic link, a device or an unreadable file is a problem, so nothing
    outside the repository is published)."""
    problem = content_folder_problem(folder, reader.root)
    if problem is not None:
        reader.problems.append(problem)
    if problem is not None or not folder.is_dir():
        return {}
    found = {}
    for directory, folders, names in os.walk(folder):
        for name in sorted(folders + names):
            path = Path(directory, name)
            if name in folders and not path.is_symlink() or not name.endswith(suffix):
                continue
            data = reader.read_bytes(path, Location.of_file(path, reader.root))
            if data is not None:
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

    def lap(self, name: str, moved_from: str | None = None, seconds: float = 0.0) -> None:
        """Time since the last lap; with `moved_from`, `seconds` of that earlier lap count as this one's."""
        now = time.perf_counter()
        self.laps[name] = now - self.last + seconds
        if moved_from is not None:
            self.laps[moved_from] -= seconds
        self.last = now
