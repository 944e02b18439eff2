"""The hint `check` gives for a passage it does not find in its article: the first word where the passage and the
nearest stretch of the article differ.

A pull request decides how many such passages there are and how long the article is (up to 2 MiB), so the work is
bounded twice: the article's words are read and indexed once, whatever the number of passages (a difflib matcher
per passage read all of them each time: 0.45 s per passage on a 2 MB text), and every comparison of a word is
counted against WORK_PER_ARTICLE. A passage whose search would go past it gets the plain hint, saying that the
search was cut short; an article's texts cost `check` at most that many comparisons, whatever the sheet holds.
"""

from __future__ import annotations

import difflib

FALLBACK = "copy the passage from content/sources/ exactly; only whitespace and quote marks may differ"
CUT_SHORT = (f"{FALLBACK} (check stopped looking for the nearest text: this article's passages that are not in "
             f"it used up the comparisons it allows per article)")

# Comparisons of one word with another that the hints of one article may take, together: a fifth of a second or
# so. A passage of 30 words in an article of 2,000 takes a few thousand, so only a sheet of many hundreds of
# passages that are not in a long text reaches it.
WORK_PER_ARTICLE = 2_000_000

_QUOTE_MARKS = str.maketrans("", "", "\"'")


class _OutOfWork(Exception):
    """The hint's search would go past what is left of the article's comparisons."""


class NearestText:
    """One article's words, indexed once for the hints of every passage that check does not find in it."""

    def __init__(self, text: str, work: int = WORK_PER_ARTICLE):
        self.words = text.split()
        self.keys = [word.translate(_QUOTE_MARKS) for word in self.words]
        self.positions: dict[str, list[int]] = {}  # each word (quote marks removed) -> where it is, in order
        for j, key in enumerate(self.keys):
            self.positions.setdefault(key, []).append(j)
        self.work_left = work
        self.work_done = 0

    def spend(self, comparisons: int) -> None:
        """Count comparisons against the article's allowance, or stop the search before making them."""
        if comparisons > self.work_left:
            raise _OutOfWork
        self.work_left -= comparisons
        self.work_done += comparisons

    def hint(self, passage: str) -> str:
        """Point at the first word where the (normalised) passage and the nearest stretch of the article differ."""
        words = passage.split()
        keys = [word.translate(_QUOTE_MARKS) for word in words]
        try:
            return self._hint(words, keys)
        except _OutOfWork:
            return CUT_SHORT

    def _hint(self, words: list[str], keys: list[str]) -> str:
        at, start_in_article, size = self.longest_match(keys)
        if size < 2:
            return FALLBACK
        article = self.words
        start = max(0, start_in_article - at)
        window = self.keys[start:start + len(keys) + 3]
        for op, a1, a2, b1, b2 in _Counted(self, keys, window).get_opcodes():
            if op == "equal":
                continue
            found = " ".join(article[start + b1:start + b2])
            given = " ".join(words[a1:a2])
            if op == "insert" and b2 >= len(window) - 3:
                break
            around = " ".join(article[max(0, start + b1 - 2):start + b2 + 2])
            if op == "delete":  # words the passage adds
                return f"the article has no {given!r} there: it reads {around!r}"
            if op == "insert":  # words the passage leaves out
                return f"the passage leaves out {found!r}: the article reads {around!r}"
            return f"the article has {found!r} where the passage has {given!r}"
        return FALLBACK

    def longest_match(self, keys: list[str]) -> tuple[int, int, int]:
        """The longest run of `keys` that the article's words repeat: (where in keys, where in the article, how
        many words), the earliest in keys and then in the article; difflib's find_longest_match (no junk) over
        the index, so its cost is the number of places the passage's words occur in the article."""
        positions = self.positions
        self.spend(len(keys) + sum(len(positions.get(key, ())) for key in keys))
        best_at = best_start = best_size = 0
        run_ending: dict[int, int] = {}  # article position -> length of the run of matches that ends there
        for i, key in enumerate(keys):
            ending: dict[int, int] = {}
            for j in positions.get(key, ()):
                size = ending[j] = run_ending.get(j - 1, 0) + 1
                if size > best_size:
                    best_at, best_start, best_size = i - size + 1, j - size + 1, size
            run_ending = ending
        return best_at, best_start, best_size


class _Counted(difflib.SequenceMatcher):
    """difflib's matcher, its every search for the longest match counted against the article's comparisons."""

    def __init__(self, nearest: NearestText, a: list[str], b: list[str]):
        nearest.spend(len(b))
        self.nearest = nearest
        super().__init__(None, a, b, autojunk=False)

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        ahi = len(self.a) if ahi is None else ahi
        self.nearest.spend(ahi - alo + sum(len(self.b2j.get(self.a[i], ())) for i in range(alo, ahi)))
        return super().find_longest_match(alo, ahi, blo, bhi)
