"""Page reuse: a page is rendered again only when something it read has changed.

Pages read the index only through a :class:`RecordingIndex`, which notes every lookup a page makes: one entry
of a mapping (`("people", "siti-rahayu")`), a whole collection (`("sheets", None)`, `("content.glossary",
None)`), and, through them, every method of the index. The build saves each page's lookups with a digest of
what each returned (:class:`Fingerprints`: records by their content, derived values field by field), and the
digest of the values pages.py gave the page. The next build renders a page again when its values or the
result of any lookup it made differ, or when it is new; every other page is the last build's, byte for byte.
No map of which page shows what is kept by hand: a new kind of page is covered the moment it renders.

What recording cannot see is in the **stamp**: the generator's code, templates and catalogs, the versions of
Python and the rendering packages, the site URL and the languages. A different stamp renders everything.

Two stores keep what a build leaves for the next, behind one interface (:class:`Store`):

- :class:`MemoryStore` for `make serve`, which keeps the pages it rendered in memory;
- :class:`DiskStore` for a build in a new process (`make site`, CI): build/generator-state.json (JSON, not
  pickle) and the pages under build/<lang>/docs, each read back only if it still matches its digest.

tests/test_reuse.py applies random sequences of edits and compares every build, from memory and from disk,
with a fresh build, byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.metadata
import json
import sys
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .index import Index
from .model import Record

STATE_FILE = "generator-state.json"
STATE_FORMAT = 2
RENDERING_PACKAGES = ("Jinja2", "MarkupSafe", "Babel", "PyYAML")  # their versions are in the stamp
STAMPED = Path(__file__).resolve().parent  # the generator's code, templates and catalogs

# Lookups every page makes without a template asking: the glossary terms appended to each page (pipeline).
EVERY_PAGE_READS = frozenset({("content.glossary", None)})


# ---------------------------------------------------------------- what a lookup returned

class Fingerprints:
    """Digests of values, for comparing what a lookup returned in two builds.

    A record counts by its content: a fact sheet's records by the digest the loader made of the file's text,
    any other record by its repr (which leaves out only its file positions), computed once per object; a
    derived value (an appearance, a page's list part) by its type and fields; collections by their items.
    """

    def __init__(self):
        self._records: dict[int, tuple[object, str]] = {}  # id -> (the record, kept alive; its digest)
        self._lookups: dict[tuple, str] = {}
        self._changed: tuple | None = None

    def of(self, value) -> str:
        """The digest of a value."""
        parts: list[str] = []
        self._canon(value, parts)
        return hashlib.blake2b("\x1e".join(parts).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()

    def lookup(self, index: Index, key: tuple) -> str:
        """The digest of what a lookup returns from `index` (memoized: one index per Fingerprints)."""
        digest = self._lookups.get(key)
        if digest is None:
            digest = self._lookups[key] = self.of(resolve(index, key))
        return digest

    def changed(self, previous: "Previous", index: Index) -> frozenset:
        """The lookups the last build recorded whose result differs in `index` (once per build)."""
        if self._changed is None or self._changed[0] is not previous:
            old = previous.lookups
            self._changed = (previous, frozenset(key for key in old if old[key] != self.lookup(index, key)))
        return self._changed[1]

    def _canon(self, value, parts: list[str]) -> None:
        cls = value.__class__
        if cls in _SCALARS:
            parts.append(repr(value))
            return
        if isinstance(value, Record):
            if value.digest:  # made by the loader from the fact sheet's text (model.Record.digest)
                parts.append(value.digest)
                return
            hit = self._records.get(id(value))
            if hit is None or hit[0] is not value:
                hit = self._records[id(value)] = (value, hashlib.blake2b(
                    repr(value).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest())
            parts.append(hit[1])
            return
        names = _FIELDS.get(cls)  # a derived value seen before (an appearance, a list part)
        if names is None:
            if cls is tuple or cls is list or isinstance(value, (tuple, list)):
                parts.append(f"[{len(value)}")
                for item in value:
                    self._canon(item, parts)
                return
            if isinstance(value, Mapping):  # in its own order: the same content is built in the same order
                parts.append(f"{{{len(value)}")
                for key, item in value.items():
                    parts.append(repr(key))
                    self._canon(item, parts)
                return
            if isinstance(value, (set, frozenset)):
                parts.append(f"S{len(value)}")
                for item in sorted(value, key=repr):
                    self._canon(item, parts)
                return
            if value is _MISSING:
                parts.append("missing")
                return
            if not dataclasses.is_dataclass(value):
                raise TypeError(f"no fingerprint for {cls.__name__}: a page's values or lookups hold something "
                                "reuse.Fingerprints does not know how to compare")
            names = _FIELDS[cls] = tuple(item.name for item in dataclasses.fields(value))
        parts.append(cls.__name__)
        for name in names:
            self._canon(getattr(value, name), parts)


_MISSING = object()
_SCALARS = frozenset({str, int, float, bool, type(None), dt.date})
_FIELDS: dict[type, tuple[str, ...]] = {}


def resolve(index: Index, key: tuple):
    """What a lookup noted as `key` returns from `index` (_MISSING for an absent entry)."""
    name, item = key
    if name.startswith("content."):
        value = getattr(index.content, name[len("content."):])
    else:
        value = getattr(index, name)
    if item is None:
        return value
    return value.get(item, _MISSING)


# ---------------------------------------------------------------- the recording view

class RecordingIndex:
    """A read-only view of an Index that notes every lookup in `reads` (see the module's docstring).

    Attributes that are mappings come back as :class:`RecordingMapping`; the index's methods run against this
    view, so what they look up is noted too. One view serves a language's pages: `reads` is set anew for each
    page, and the wrappers are made once (kept as attributes of the view).
    """

    def __init__(self, index: Index):
        self._index = index
        self.reads: set = set()
        self.content = RecordingContent(index.content, self)

    def __getattr__(self, name: str):
        value = getattr(self._index, name)
        if isinstance(value, Mapping):
            wrapped = RecordingMapping(name, value, self)
        elif callable(value):  # a method of Index: run it against this view
            wrapped = getattr(Index, name).__get__(self)
        else:  # a whole collection: noted on every access, so not kept
            self.reads.add((name, None))
            return value
        setattr(self, name, wrapped)
        return wrapped


class RecordingContent:
    """index.content seen through a RecordingIndex: every attribute read is noted whole, the archived texts by
    file."""

    def __init__(self, content, view: RecordingIndex):
        self._content, self._view = content, view

    def __getattr__(self, name: str):
        value = getattr(self._content, name)
        if isinstance(value, Mapping):
            wrapped = RecordingMapping(f"content.{name}", value, self._view)
            setattr(self, name, wrapped)
            return wrapped
        self._view.reads.add((f"content.{name}", None))
        return value


class RecordingMapping(Mapping):
    """One mapping of the index; a lookup by key notes that key, anything that sees every key notes the whole."""

    __slots__ = ("_name", "_mapping", "_view")

    def __init__(self, name: str, mapping: Mapping, view: RecordingIndex):
        self._name, self._mapping, self._view = name, mapping, view

    def __getitem__(self, key):
        self._view.reads.add((self._name, key))
        return self._mapping[key]

    def get(self, key, default=None):
        self._view.reads.add((self._name, key))
        return self._mapping.get(key, default)

    def __contains__(self, key) -> bool:
        self._view.reads.add((self._name, key))
        return key in self._mapping

    def _whole(self):
        self._view.reads.add((self._name, None))
        return self._mapping

    def __iter__(self):
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def keys(self):
        return self._whole().keys()

    def values(self):
        return self._whole().values()

    def items(self):
        return self._whole().items()


# ---------------------------------------------------------------- what a build leaves for the next

@dataclass
class PageRecord:
    """What the last build knew of one generated page."""

    digest: str  # of the page's bytes as written
    values: str  # digest of its template and the values pages.py gave it
    reads: frozenset  # every lookup it made while rendering


@dataclass
class Previous:
    """The last build, as a store hands it back."""

    stamp: str
    lookups: dict[tuple, str]  # the digest of every lookup any page made
    pages: dict[str, dict[str, PageRecord]]  # lang -> path -> record
    read_page: object = None  # (lang, path, PageRecord) -> the page's bytes, or None when unusable
    # What the build worked out besides pages, as JSON values for the next one to start from (pipeline):
    # "checked", the fact sheets verify found clean; "roots", the search lexicon's roots of words.
    memo: dict = field(default_factory=dict)


class Store:
    """Where a build leaves what the next needs: load() -> Previous | None, save(state, trees), forget()."""

    def load(self) -> Previous | None:
        raise NotImplementedError

    def save(self, previous: Previous, trees: Mapping[str, Mapping[str, bytes]]) -> None:
        raise NotImplementedError

    def forget(self) -> None:
        """Before a build writes pages: until it saves, nothing may describe what is on disk."""


@dataclass
class MemoryStore(Store):
    """`make serve`: the last build's state and pages, in memory."""

    previous: Previous | None = None
    trees: dict = field(default_factory=dict)

    def load(self) -> Previous | None:
        if self.previous is None:
            return None
        trees = self.trees
        return dataclasses.replace(self.previous, read_page=lambda lang, path, record: trees[lang].get(path))

    def save(self, previous: Previous, trees) -> None:
        self.previous, self.trees = previous, {lang: dict(pages) for lang, pages in trees.items()}

    def forget(self) -> None:
        self.previous, self.trees = None, {}


@dataclass
class NoStore(Store):
    """No reuse (EPD_RENDER_CACHE=0): every page renders, and no state is kept (an old one is removed)."""

    out: Path

    def load(self) -> Previous | None:
        return None

    def save(self, previous: Previous, trees) -> None:
        pass

    def forget(self) -> None:
        (self.out / STATE_FILE).unlink(missing_ok=True)


@dataclass
class DiskStore(Store):
    """A build in a new process: build/generator-state.json, and the pages under build/<lang>/docs."""

    out: Path

    def load(self) -> Previous | None:
        try:
            saved = json.loads((self.out / STATE_FILE).read_bytes())
            if saved.get("format") != STATE_FORMAT:
                return None
            keys = [(name, item) for name, item, _ in saved["lookups"]]
            lookups = {key: digest for key, (_, _, digest) in zip(keys, saved["lookups"])}
            key_of = keys.__getitem__
            pages = {lang: {path: PageRecord(digest, values, frozenset(map(key_of, reads)))
                            for path, (digest, values, reads) in recorded.items()}
                     for lang, recorded in saved["pages"].items()}
            memo = saved.get("memo")
            previous = Previous(saved["stamp"], lookups, pages, memo=memo if isinstance(memo, dict) else {})
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # absent, or not a file this module wrote
        previous.read_page = self._read_page
        return previous

    def _read_page(self, lang: str, path: str, record: PageRecord) -> bytes | None:
        try:
            data = (self.out / lang / "docs" / path).read_bytes()
        except OSError:
            return None
        return data if digest(data) == record.digest else None

    def save(self, previous: Previous, trees) -> None:
        keys = sorted(previous.lookups, key=repr)
        number = {key: i for i, key in enumerate(keys)}
        data = {"format": STATE_FORMAT, "stamp": previous.stamp,
                "lookups": [[name, item, previous.lookups[(name, item)]] for name, item in keys],
                "pages": {lang: {path: [r.digest, r.values, sorted(map(number.__getitem__, r.reads))]
                                 for path, r in sorted(recorded.items())}
                          for lang, recorded in sorted(previous.pages.items())},
                "memo": previous.memo}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        temporary = self.out / (STATE_FILE + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(self.out / STATE_FILE)

    def forget(self) -> None:
        (self.out / STATE_FILE).unlink(missing_ok=True)


def digest(data: bytes) -> str:
    """The digest of a page's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def stamp(site_url: str, languages, stamped: Path | None = None) -> str:
    """A digest of everything rendering depends on that no page's lookups record (see the module docstring)."""
    stamped = stamped or STAMPED
    versions = ",".join([sys.version, *(importlib.metadata.version(name) for name in RENDERING_PACKAGES)])
    hashed = hashlib.sha256(f"{STATE_FORMAT}\0{site_url}\0{','.join(languages)}\0{versions}".encode("utf-8"))
    for path in sorted(stamped.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".mo":
            hashed.update(f"\0{path.relative_to(stamped).as_posix()}\0".encode("utf-8") + path.read_bytes())
    return hashed.hexdigest()


# ---------------------------------------------------------------- deciding what to render

@dataclass
class Plan:
    """One language's pages: which to render, and the last build's bytes of the others."""

    render: list  # Page objects to render
    reused: dict[str, bytes]  # path -> the last build's bytes
    values: dict[str, str]  # path -> digest of template and values, for every planned page
    same_pages: bool  # the last build planned exactly these pages (only their contents may differ)


def decide(previous: Previous | None, stamp_now: str, lang: str, pages: list, index: Index,
           fingerprints: Fingerprints) -> Plan:
    """Which of one language's planned pages to render again (see the module's docstring)."""
    values = {page.path: fingerprints.of((page.template, page.values)) for page in pages}
    usable = previous is not None and previous.stamp == stamp_now
    recorded = previous.pages.get(lang, {}) if usable else {}
    changed = fingerprints.changed(previous, index) if usable else frozenset()
    render, reused = [], {}
    for page in pages:
        record = recorded.get(page.path)
        if record is None or record.values != values[page.path] or not changed.isdisjoint(record.reads):
            render.append(page)
            continue
        data = previous.read_page(lang, page.path, record)
        if data is None:  # changed or gone on disk since: render it
            render.append(page)
            continue
        reused[page.path] = data
    return Plan(render, reused, values, usable and recorded.keys() == values.keys())


def digests_of(rendered: Mapping[str, tuple], share: tuple[int, int], index: Index,
               fingerprints: Fingerprints) -> dict[tuple, str]:
    """The digests of the lookups that pages rendered now made, the part `share` (this worker's number, how
    many workers) of them: each worker computes its share, the parent the rest (state)."""
    number, workers = share
    keys = {key for _, reads in rendered.values() for key in reads}
    return {key: fingerprints.lookup(index, key) for key in keys
            if workers == 1 or zlib.crc32(repr(key).encode("utf-8", "surrogatepass")) % workers == number}


def state(stamp_now: str, previous: Previous | None, done: list[dict], index: Index, memo: dict | None = None
          ) -> Previous:
    """What this build leaves for the next, from each language's result (pipeline.render_language: its
    "values" and "reused" paths from decide, its "records" and "lookups" of the pages rendered now): the pages
    rendered now with the lookups they made, the reused ones with their records from the last build."""
    pages: dict[str, dict[str, PageRecord]] = {}
    computed: dict[tuple, str] = {}  # by the workers, for the pages rendered now
    reused_reads: set = set()
    for result in done:
        lang, values = result["lang"], result["values"]
        kept = previous.pages[lang] if result["reused"] else {}
        records = {path: kept[path] for path in result["reused"]}
        reused_reads.update(*(record.reads for record in records.values()))
        for path, (page_digest, reads) in result["records"].items():
            records[path] = PageRecord(page_digest, values[path], reads)
        pages[lang] = records
        computed.update(result["lookups"])
    # A reused page's lookups return what they did (or it would have rendered): the last build's digests.
    lookups = {key: previous.lookups[key] for key in reused_reads} if reused_reads else {}
    lookups.update(computed)
    read_now = set().union(*(record.reads for records in pages.values() for record in records.values()))
    fingerprints = Fingerprints()
    lookups.update((key, fingerprints.lookup(index, key)) for key in read_now - lookups.keys())
    return Previous(stamp_now, lookups, pages, memo=memo or {})
