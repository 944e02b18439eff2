"""Text that becomes a key: one normal form for every comparison, letter, slug and id made from content text.

Content may write a letter in several ways that look alike: the Kelvin sign 'K' (U+212A) and 'K', a full-width
'Ｄ' and 'D', 'DPT' and 'dpt'. Wherever such text becomes a key (a person's letter page, a sort order, a glossary
term's element id, a duplicate check), it is compared in one form, :func:`key` (NFKC, then case-folded), so two
spellings of one text cannot make two pages or two ids that overwrite each other.

Two names that are different texts can still look the same ('Senen' and 'Sеnen' with a Cyrillic 'е'): check
compares people's names by :func:`look_alike`, the skeleton of Unicode's confusables (UTS #39, section 4) over a
vendored part of its table (generator/confusables.py, made by scripts/make-confusables).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .confusables import TO_ASCII


def key(text: str) -> str:
    """The form text is compared in: NFKC, case-folded, NFKC again (case folding can undo NFKC). Stable:
    key(key(text)) == key(text)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def initial(name: str) -> str:
    """A name's first letter as a heading shows it: upper case, 'K' for the Kelvin sign; '' for an empty name."""
    folded = key(name.strip())
    return folded[:1].upper()


def skeleton(text: str) -> str:
    """UTS #39's skeleton with the vendored table: NFD, each character to its prototype, NFD again."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(TO_ASCII.get(char, char) for char in decomposed))


@functools.lru_cache(maxsize=65536)
def look_alike(text: str) -> str:
    """What two texts share when they look alike whatever their case: key and skeleton, until neither changes
    (a prototype may be upper case: '0' is 'O'). Stable: look_alike(look_alike(text)) == look_alike(text)."""
    for _ in range(8):
        made = skeleton(key(text)).casefold()
        if made == text:
            break
        text = made
    return text


def first_difference(text: str, other: str) -> str | None:
    """The first character of `text` that is not in `other` where it stands (for a message), if there is one."""
    for char, other_char in zip(text, other):
        if char != other_char:
            return char
    return text[len(other):][:1] or None


# ---------------------------------------------------------------- glossary expansions

_LETTERS = re.compile(r"[^\W_]")


def spells(term: str, expansion: str) -> bool:
    """Whether an expansion is the term's own long form: the term's letters and digits are letters and digits of
    the expansion in the same order ('DPT' in 'Daftar Pemilih Tetap', 'Polda' in 'kePOLisian DAerah'), compared
    in their :func:`key` form. A name or a word put in its place ('penipuan' as 'Senen Mustakim') is not."""
    wanted = _LETTERS.findall(key(term))
    letters = iter(_LETTERS.findall(key(expansion)))
    return bool(wanted) and all(char in letters for char in wanted)  # `in` consumes the iterator: in order
