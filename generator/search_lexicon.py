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
  abbreviation and name, a glossary term and its expansion, a place's or operation's other names), searched
  both ways: "Lamteng" finds "Lampung Tengah" and "daftar pemilih tetap" finds "DPT".

Only words the pages hold are listed, so the browser never downloads the stemmer's 30,000-word dictionary (85 kB
compressed); for a form no page holds ("dimutakhirkan"), docs/assets/javascripts/epd-lexicon.js strips affixes
until a root of the lexicon is left. Sastrawi takes about 0.05 ms per distinct word, once per build.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from typing import Iterable, Iterator, Mapping

import snowballstemmer

from .index import Index
from .model import Evidence, Localized, Ref, Text

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


@functools.lru_cache(maxsize=None)
def root_of(word: str) -> str:
    """The root of an Indonesian word form (lower case, letters only): 'pemutakhiran' -> 'mutakhir',
    'mengamankan' -> 'aman'; a word the dictionary cannot explain (a name, an English word) is its own root."""
    if len(word) < MIN_REDUCED:
        return word
    root = _sastrawi().stem_word(word)
    return root if root else word


@functools.lru_cache(maxsize=2)
def _snowball(lang: str):
    return snowballstemmer.stemmer(SNOWBALL[lang])


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


def _texts(value, pick, out: list[str]) -> None:
    """Every text a record holds: its plain strings, and what `pick` takes of each Localized text."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, Evidence):
        return  # passages of the archived article, which is read whole
    elif isinstance(value, Localized):
        text = pick(value)
        if text:
            out.append(text)
    elif isinstance(value, tuple):
        for item in value:
            _texts(item, pick, out)
    elif dataclasses.is_dataclass(value):
        for name in _text_fields(type(value)):
            _texts(getattr(value, name), pick, out)


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


def _records(index: Index) -> Iterator:
    content = index.content
    for records in (content.regions, content.agency_kinds, content.agencies, content.people, content.topics,
                    content.elections, content.glossary, content.operations, content.places, content.sheets):
        yield from records


def indonesian_words(index: Index, lang: str, pages: Mapping[str, str] | None = None) -> set[str]:
    """The Indonesian words that pages in `lang` show: the archived articles (every meeting page shows its
    article), plain strings and Indonesian texts of the content, and the hand-written pages in Indonesian.
    English pages keep Indonesian only where no translation exists, and in names and quotes."""
    texts: list[str] = list(index.content.sources.values())
    # English pages show a text in Indonesian until it has its translation.
    pick = (lambda text: text.id) if lang == "id" else (lambda text: None if text.en else text.id)
    for record in _records(index):
        _texts(record, pick, texts)
    if lang == "id":
        texts.extend((pages or {}).values())
    return words_of(texts)


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


def name_words(index: Index, lang: str) -> list[str]:
    """Lower-case words (3+ letters) of the names (`names`), sorted."""
    return sorted({w for name in names(index, lang) for w in _WORD.findall(name.lower()) if len(w) >= 3})


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
    stem = _snowball(lang).stemWord
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
    sets += [[g.term, g.expansion] for g in content.glossary if g.expansion]
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


def lexicon(index: Index, lang: str, pages: Mapping[str, str] | None = None) -> dict:
    """The search box's lexicon for one language: {"names": [...], "roots": [...], "same": [...]}.
    `pages`: the hand-written pages of the language (name -> Markdown), indexed like the generated ones."""
    words = indonesian_words(index, lang, pages)
    return {"names": name_words(index, lang),
            "roots": root_groups(words, lang, proper_words(index)),
            "same": same_phrases(index, lang)}
