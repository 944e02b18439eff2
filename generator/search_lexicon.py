"""What the search box knows beyond Pagefind's index, per language (site/pagefind/epd-vocabulary-<lang>.json).

Pagefind stems both the pages and the query with Snowball, which strips Indonesian affixes by rule and without
a dictionary, so it cannot tell a nasalised prefix from the root's first letter: "pemutakhiran" and
"memutakhirkan" become "putakhir" but "mutakhir" stays "mutakhir", and "penanganan" becomes "angan" while
"tangan" stays. The lexicon written here closes those gaps without touching the index:

* roots: every word the language's pages show is reduced to its root with Sastrawi (Nazief-Adriani, with its
  dictionary of root words), once per distinct word. Words of one root that Snowball still stems apart are
  written as a group, one list per Snowball stem; the browser searches one word of each list of the query
  word's group, so "mutakhir" also finds "pemutakhiran", and the other way round;
* names: the words of the names a reader may misspell (people, regions, places, agencies, operations,
  topics, elections, glossary terms, meeting titles, venues and datelines), for the spelling correction;
* same: short names and abbreviations with their long forms (a region's short names, an agency kind's
  abbreviation and name, a glossary term and its expansion when it spells the term (names.spells), a place's
  or operation's other names), searched both ways: "Lamteng" finds "Lampung Tengah" and "daftar pemilih tetap"
  finds "DPT".

Only words the pages hold are listed, so the browser never downloads the stemmer's 30,000-word dictionary (85 kB
compressed); for a form no page holds ("dimutakhirkan"), docs/assets/javascripts/epd-lexicon.js strips affixes
until a root of the lexicon is left. Sastrawi takes about 0.05 ms per distinct word: once per word in a
process, and a build in a new process starts from the roots the last build saved (pipeline, `ROOTS`).
`make serve` keeps a :class:`WordMemo`, so an edit reads again only the words of the records that changed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

import snowballstemmer

from .index import Index
from .model import Evidence, Localized, Ref, Text
from .names import spells

#: Pagefind's stemmer per language (both are Snowball's, as Pagefind compiles them).
SNOWBALL = {"id": "indonesian", "en": "english"}
_WORD = re.compile(r"[^\W\d_]+")
# Letters to themselves (upper case lowered), every other ASCII byte to a space; bytes of UTF-8 sequences
# stay, and the few words holding one are split again by _WORD.
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c >= 128 else 32 for c in range(256))
#: Words shorter than this are left as they are (Sastrawi does the same below 4 letters).
MIN_REDUCED = 4


# ---------------------------------------------------------------- reduction

@functools.lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))


#: Every root found in this process, by word form (4 letters or more); see remember_roots and roots_of.
ROOTS: dict[str, str] = {}


def root_of(word: str) -> str:
    """The root of an Indonesian word form (lower case, letters only): 'pemutakhiran' -> 'mutakhir',
    'mengamankan' -> 'aman'; a word the dictionary cannot explain (a name, an English word) is its own root."""
    if len(word) < MIN_REDUCED:
        return word
    root = ROOTS.get(word)
    if root is None:
        root = ROOTS[word] = _sastrawi().stem_word(word) or word
    return root


def remember_roots(saved) -> None:
    """Take the roots an earlier build found ({word: root}, as roots_of gave them); anything else is ignored."""
    if isinstance(saved, dict):
        ROOTS.update((word, root) for word, root in saved.items()
                     if isinstance(word, str) and isinstance(root, str) and len(word) >= MIN_REDUCED and root)


def roots_of(words: Iterable[str], proper: set[str] = frozenset()) -> dict[str, str]:
    """The roots of the words root_groups reduces (4 letters or more, not `proper`), for the next build to
    remember."""
    return {word: root_of(word) for word in sorted(words) if len(word) >= MIN_REDUCED and word not in proper}


@functools.lru_cache(maxsize=2)
def _snowball(lang: str):
    return snowballstemmer.stemmer(SNOWBALL[lang])


_STEMS: dict[str, dict[str, str]] = {}  # lang -> word -> Pagefind's stem, as found in this process


def _stem_of(lang: str):
    """Pagefind's stemmer of `lang`, remembering each word's stem (Snowball in Python: 20 µs a word)."""
    stems = _STEMS.setdefault(lang, {})
    stem_word = _snowball(lang).stemWord

    def stem(word: str) -> str:
        found = stems.get(word)
        if found is None:
            found = stems[word] = stem_word(word)
        return found
    return stem


# ---------------------------------------------------------------- words of the pages

def words_of(texts: Iterable[str]) -> set[str]:
    """The distinct lower-case words (letters only) of some texts, at bytes speed: a few MB at a time (one
    list of every token of a national corpus would not fit in the processor's caches)."""
    tokens: set[bytes] = set()
    chunk: list[str] = []
    size = 0
    for text in texts:
        chunk.append(text)
        size += len(text)
        if size > 1 << 20:
            tokens.update("\n".join(chunk).encode("utf-8", "replace").translate(_ASCII_WORDS).split())
            chunk, size = [], 0
    tokens.update("\n".join(chunk).encode("utf-8", "replace").translate(_ASCII_WORDS).split())
    words = set()
    for token in tokens:
        if token.isascii():
            words.add(token.decode("ascii"))
        else:
            words.update(_WORD.findall(token.decode("utf-8", "replace").lower()))
    return words


def _texts(value, shown: list[str], translated: list[str]) -> None:
    """Every Indonesian text a record holds: in `shown`, those pages in every language show (plain strings,
    and Localized texts without their translation); in `translated`, those of Localized texts that have one
    (English pages show the translation)."""
    if isinstance(value, str):
        shown.append(value)
    elif isinstance(value, Evidence):
        return  # passages of the archived article, which is read whole
    elif isinstance(value, Localized):
        if value.id:
            (translated if value.en else shown).append(value.id)
    elif isinstance(value, tuple):
        for item in value:
            _texts(item, shown, translated)
    elif dataclasses.is_dataclass(value):
        for name in _text_fields(type(value)):
            _texts(getattr(value, name), shown, translated)


@functools.lru_cache(maxsize=None)
def _text_fields(cls) -> tuple[str, ...]:
    """The fields of a record that may hold Indonesian text: not ids, references, choices, addresses or
    English translations ('quote_en', 'name_en'), nor quotes (verbatim passages of the archived article)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")
                 and f.name != "quote" and not f.name.endswith("_en") and _holds_text(hints[f.name]))


def _holds_text(hint) -> bool:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Annotated:
        marks = args[1:]
        if any(isinstance(m, Ref) or (isinstance(m, Text) and m.pattern) for m in marks):
            return False  # an id, a slug, an address, a time
        return _holds_text(args[0])
    if origin is typing.Literal:
        return False
    if origin in (typing.Union, types.UnionType, tuple):
        return any(_holds_text(a) for a in args if a not in (type(None), Ellipsis))
    return hint is str or (isinstance(hint, type) and dataclasses.is_dataclass(hint))


def _parts(index: Index) -> Iterator[tuple[tuple, object]]:
    """The content in the parts WordMemo keeps the words of: each registry, each fact sheet."""
    content = index.content
    for name in ("regions", "agency_kinds", "agencies", "people", "topics", "elections", "glossary", "operations",
                 "places"):
        yield ("registry", name), getattr(content, name)
    for sheet in content.sheets:
        yield ("sheet", sheet.id), sheet


@dataclass
class WordMemo:
    """The words of each part of the content, kept by `make serve` between builds: a part whose object is the one
    the last build had (the loader hands out the same object for an unchanged file) is not read again; an
    archived text or a page is looked up by its text."""

    parts: dict = field(default_factory=dict)  # key -> (the part, kept alive; words shown; words translated)
    texts: dict = field(default_factory=dict)  # text -> its words
    groups: dict = field(default_factory=dict)  # lang -> (words, proper words, root_groups of them)
    names: dict = field(default_factory=dict)  # lang -> (names, name_words of them)

    def root_groups(self, words: set[str], lang: str, proper: set[str]) -> list[list]:
        """root_groups(words, lang, proper), made again only when the words are not the last call's."""
        hit = self.groups.get(lang)
        if hit is None or hit[0] != words or hit[1] != proper:
            hit = self.groups[lang] = (frozenset(words), frozenset(proper), root_groups(words, lang, proper))
        return hit[2]

    def of_part(self, key: tuple, part, seen: dict) -> tuple[frozenset, frozenset]:
        hit = self.parts.get(key)
        if hit is None or hit[0] is not part:
            shown: list[str] = []
            translated: list[str] = []
            _texts(part, shown, translated)
            hit = (part, frozenset(words_of(shown)), frozenset(words_of(translated)))
        seen[key] = hit
        return hit[1], hit[2]

    def of_text(self, text: str, seen: dict) -> frozenset:
        words = self.texts.get(text)
        if words is None:
            words = frozenset(words_of((text,)))
        seen[text] = words
        return words


def content_words(index: Index, pages: Mapping[str, str] | None = None, memo: WordMemo | None = None
                  ) -> tuple[set[str], set[str]]:
    """The Indonesian words of the content, as (shown by pages in every language, shown by Indonesian pages
    only): the archived articles (every meeting page shows its article) and the records' plain strings and
    untranslated texts, then the texts English pages show translated and the hand-written Indonesian `pages`.
    With `memo`, only the parts that changed since the last call are read; it is left holding this call's."""
    memo = memo if memo is not None else WordMemo()
    parts: dict = {}
    texts: dict = {}
    everywhere: set[str] = set()
    indonesian_only: set[str] = set()
    for text in index.content.sources.values():
        everywhere |= memo.of_text(text, texts)
    for key, part in _parts(index):
        shown, translated = memo.of_part(key, part, parts)
        everywhere |= shown
        indonesian_only |= translated
    for text in (pages or {}).values():
        indonesian_only |= memo.of_text(text, texts)
    memo.parts, memo.texts = parts, texts
    return everywhere, indonesian_only - everywhere


def indonesian_words(index: Index, lang: str, pages: Mapping[str, str] | None = None,
                     memo: WordMemo | None = None) -> set[str]:
    """The Indonesian words that pages in `lang` show: the archived articles, plain strings and Indonesian texts
    of the content, and the hand-written pages in Indonesian. English pages keep Indonesian only where no
    translation exists, and in names and quotes."""
    return _shown_in(lang, *content_words(index, pages, memo))


def _shown_in(lang: str, everywhere: set[str], indonesian_only: set[str]) -> set[str]:
    return everywhere | indonesian_only if lang == "id" else everywhere


# ---------------------------------------------------------------- the lexicon

def names(index: Index, lang: str) -> list[str]:
    """The phrases a reader may misspell or shorten: people, regions, places, agencies, agency kinds,
    operations, topics, elections, glossary terms, meeting titles, venues and datelines, in one language."""
    def plain(text) -> str:
        return text.en if lang == "en" and text.en else text.id

    content = index.content
    out = [p.name for p in content.people] + [n for p in content.people for n in p.short_names]
    out += [r.name for r in content.regions] + [n for r in content.regions for n in r.short_names]
    out += [p.name for p in content.places] + [n for p in content.places for n in p.short_names]
    out += [o.name for o in content.operations] + [n for o in content.operations for n in o.short_names]
    out += [a.name_en if lang == "en" and a.name_en else a.name for a in content.agencies]
    out += [k.abbreviation for k in content.agency_kinds] + [plain(k.name) for k in content.agency_kinds]
    out += [g.term for g in content.glossary] + [g.expansion for g in content.glossary if g.expansion]
    out += [plain(t.name) for t in content.topics] + [plain(e.name) for e in content.elections]
    out += [plain(s.meeting.title) for s in content.sheets]
    out += [s.meeting.venue for s in content.sheets if s.meeting.venue]
    out += [s.source.dateline.place for s in content.sheets if s.source.dateline and s.source.dateline.place]
    return out


def name_words(index: Index, lang: str, memo: WordMemo | None = None) -> list[str]:
    """Lower-case words (3+ letters) of the names (`names`), sorted; with `memo`, made again only when the
    names are not the last call's."""
    phrases = names(index, lang)
    hit = memo.names.get(lang) if memo is not None else None
    if hit is None or hit[0] != phrases:
        hit = (phrases, sorted({w for name in phrases for w in _WORD.findall(name.lower()) if len(w) >= 3}))
        if memo is not None:
            memo.names[lang] = hit
    return hit[1]


def proper_words(index: Index) -> set[str]:
    """Words that are names, abbreviations or terms, never reduced: 'Dimas' is not 'mas' with di-, 'Pemilu'
    not 'milu' with pe-, 'Kejari' not 'kejar' with -i. Glossary expansions and agency kinds' names are
    ordinary words ('Daftar Pemilih Tetap') and are reduced."""
    content = index.content
    phrases = [p.name for p in content.people] + [n for p in content.people for n in p.short_names]
    phrases += [r.name for r in content.regions] + [n for r in content.regions for n in r.short_names]
    phrases += [p.name for p in content.places] + [n for p in content.places for n in p.short_names]
    phrases += [k.abbreviation for k in content.agency_kinds] + [g.term for g in content.glossary]
    return {w for phrase in phrases for w in _WORD.findall(phrase.lower())}


def _with_se(word: str, root: str) -> bool:
    """se- ('sebelum', 'secara', 'sebuah') makes another word of the root ('before', 'way', 'a'); readers
    do not mean one for the other, so se- forms stay out of their root's group."""
    return word.startswith("se") and word[2:].startswith(root)


def root_groups(words: Iterable[str], lang: str, proper: set[str] = frozenset()) -> list[list]:
    """The words of one root that Pagefind's stemmer keeps apart, as [root, [words of the root's own
    stem], [words of another stem], ...], sorted; the first list may be empty (no page holds the root's own
    stem). Roots whose words all stem alike are left out: Pagefind already finds them."""
    stem = _stem_of(lang)
    by_root: dict[str, dict[str, list[str]]] = {}
    for word in words:
        if word in proper or len(word) < MIN_REDUCED:
            continue
        root = root_of(word)
        if root == word or root in proper or _with_se(word, root):
            continue
        by_root.setdefault(root, {}).setdefault(stem(word), []).append(word)
    groups = []
    for root, by_stem in by_root.items():
        own = stem(root)
        if set(by_stem) == {own}:
            continue
        first = sorted(by_stem.pop(own, []))
        if root in words:
            first = [root] + [w for w in first if w != root]
        groups.append([root, first] + [sorted(forms, key=lambda w: (len(w), w))
                                       for _, forms in sorted(by_stem.items())])
    return sorted(groups)


def same_phrases(index: Index, lang: str) -> list[list[str]]:
    """Short names and abbreviations with their long forms, as sets of lower-case phrases a reader may type
    for one another: ['dpt', 'daftar pemilih tetap'], ['lamteng', 'lampung tengah']. A short name made of
    the long name's own words ('Sebesi' for 'Pulau Sebesi') is left out: the long name's page holds it."""
    def plain(text) -> str:
        return text.en if lang == "en" and text.en else text.id

    content = index.content
    sets: list[list[str]] = []
    sets += [[r.name, *r.short_names] for r in content.regions if r.short_names]
    sets += [[p.name, *p.short_names] for p in content.places if p.short_names]
    sets += [[o.name, *o.short_names] for o in content.operations if o.short_names]
    sets += [[k.abbreviation, plain(k.name)] + ([k.name.id] if lang == "en" and k.name.en else [])
             for k in content.agency_kinds]
    # Only an expansion that is the term's own long form (check refuses any other): a glossary entry cannot make
    # a search for its term find a person's or another word's pages first.
    sets += [[g.term, g.expansion] for g in content.glossary if g.expansion and spells(g.term, g.expansion)]
    # Sets sharing a phrase are one set ('Bawaslu' is an agency kind and a glossary term).
    groups: list[set[str]] = []
    for phrases in sets:
        keys = {" ".join(_WORD.findall(p.lower())) for p in phrases} - {""}
        for other in [g for g in groups if g & keys]:
            keys |= other
            groups.remove(other)
        groups.append(keys)
    out = []
    for keys in groups:
        kept = sorted(k for k in keys if not any(set(k.split()) < set(other.split()) for other in keys))
        if len(kept) > 1:
            out.append(kept)
    return sorted(out)


def lexicon(index: Index, lang: str, pages: Mapping[str, str] | None = None, words: set[str] | None = None,
            memo: WordMemo | None = None, proper: set[str] | None = None) -> dict:
    """The search box's lexicon for one language: {"names": [...], "roots": [...], "same": [...]}.
    `pages`: the hand-written Indonesian pages (name -> Markdown), indexed like the generated ones; `words`: the
    words its pages show and `proper` the proper words, when the caller has them; `memo`: see WordMemo."""
    words = indonesian_words(index, lang, pages, memo) if words is None else words
    proper = proper_words(index) if proper is None else proper
    groups = (memo or WordMemo()).root_groups(words, lang, proper)
    return {"names": name_words(index, lang, memo), "roots": groups, "same": same_phrases(index, lang)}


def lexicons(index: Index, languages, pages: Mapping[str, str] | None = None, memo: WordMemo | None = None
             ) -> tuple[dict[str, dict], dict[str, str]]:
    """Every language's lexicon, from one reading of the content's words, and the roots found (roots_of), for
    the next build to remember. `pages`: the hand-written Indonesian pages."""
    everywhere, indonesian_only = content_words(index, pages, memo)
    proper = proper_words(index)
    made = {lang: lexicon(index, lang, words=_shown_in(lang, everywhere, indonesian_only), memo=memo, proper=proper)
            for lang in languages}
    return made, roots_of(everywhere | indonesian_only, proper)
