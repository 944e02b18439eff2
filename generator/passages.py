"""Where a passage sits in its archived article: its words, its quotations and its sentences.

`check` holds every passage a fact sheet copies to the article's text. Being somewhere in the text is not enough:
"a" is in every article, "ada money politics agar ..." is in one that says "Jangan sampai ada money politics
agar ...", and the reporter's words are in it as much as the speaker's. So a passage found in the text must also
have the shape its field promises (docs/en/contributing.md, step 4):

- a direct quote (Statement.quote) is the whole of one quotation, or an excerpt of it marked with '...';
- every other passage begins and ends on word boundaries, and is long enough to carry its fact;
- the evidence of a paraphrase, a concern or a commitment is one or more whole sentences.

`read_article` reads an archived text once: its normalised form (what passages are compared with), its paragraphs
and its quotations. Whether a passage starts and ends on a word's or a sentence's edge is then read from the few
characters around it. `quote_problem` and `span_problem` answer for one passage with None or a Refusal, in check's
words ('expected ..., received ...', and a hint).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

_QUOTES = (("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'), ("\u2033", '"'), ("\u00ab", '"'),
           ("\u00bb", '"'), ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"))


def normalise(text: str) -> str:
    """Text as evidence is compared: quote marks made straight, runs of whitespace made one space.

    str.replace per quote mark, and split/join for whitespace (both follow str.isspace, as the regex \\s+
    does, and this also covers no-break and thin spaces): str.translate and re.sub took most of `check`'s
    time on thousands of archived articles."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return " ".join(text.split())


# The fewest words a passage may have: a quote, and the evidence of a statement, concern or commitment, report
# what someone said or raised (a word or two is a term, not a statement); the evidence of a meeting, an attendee
# or a figure names something and what it is ('Ketua KPU Lampung Timur', 'Rp7 miliar untuk KPU'). The fields
# that copy a name or a number as written (verify.AS_WRITTEN) may be one word, or a sign.
QUOTE_WORDS = 3
STATEMENT_WORDS = 3
EVIDENCE_WORDS = 2

# An ellipsis in a quote marks words left out: three full stops or the one character.
ELLIPSIS = re.compile(r"\.\.\.|\u2026")

# A full stop after one of these does not end a sentence: titles and honorifics, abbreviations of address and
# of place, corps of a military rank ('Letkol Inf. Ari'), and 'Rp.' before an amount. Initials ('H.', 'A.') and
# degrees written with points ('S.H.', 'M.Si.', 'S.Sos.') are recognised by their form.
ABBREVIATIONS = frozenset("""
    dr drs dra drg ir hj kh prof no nomor jl jln kab kec kel prov sdr sdri bpk tn ny st moh muh mhd abd
    pol purn inf arh czi cpl kav arm cba chk ckm cku cpn cph cpm caj ctp lek mar pas psk sus tek kes adm
    kol let rp telp tlp hal tgl
""".split())

# A sentence's last mark ('.', '!', '?', '...'), and what may follow it before the space: closing marks, '(*)',
# '***' (not a comma), searched for right before an offset.
_ENDING = re.compile(r"[.!?\u2026]+[^\s\w,;:]*\Z")
_STOPS = ".!?\u2026"
_DATELINE_DASH = re.compile(r" [\u2013\u2014-] ")
_DATELINE_WIDTH = 100  # a dateline ('BestieIndonesiaNews.id, Sukadana –') ends this near a paragraph's start,
_DATELINE_PARAGRAPHS = 3  # in one of the first paragraphs (a headline may come first)
_OPENERS = "\"'("
_JOINERS = "-.',\u2019"  # the curly apostrophe, for an archived text before it is normalised
_WORD = re.compile(r"\S*[^\W_]\S*")


@dataclass(frozen=True)
class Quotation:
    """A span the article puts in quotation marks, as offsets into its normalised text: `start` and `end` bound the
    words inside the marks; `open` is the opening mark; `close` the closing one, or None for a quotation left open
    at its paragraph's end (a quote that goes on in the next paragraph reopens there)."""

    open: int
    start: int
    end: int
    close: int | None

    def ends_at(self, offset: int, text: str) -> bool:
        """Whether a passage ending at `offset` ends with the quotation, its last ',' or '.' kept or dropped."""
        if offset == self.end:
            return True
        return self.start < offset < self.end and not text[offset:self.end].strip(",. ")


@dataclass(frozen=True)
class Article:
    """An archived text, read once for every passage checked against it: its normalised text, where its
    paragraphs begin and end, and its quotations. Whether a passage begins and ends on a word's edge or a
    sentence's is decided where the passage is, from the few characters around it, so a text costs one pass."""

    text: str  # normalise(raw): what passages are compared with
    paragraph_starts: tuple[int, ...]
    paragraph_ends: tuple[int, ...]
    quotations: tuple[Quotation, ...]
    quotation_starts: tuple[int, ...]  # each quotation's start, and its opening mark, in order (for bisect)
    quotation_opens: tuple[int, ...]

    def occurrences(self, passage: str, limit: int = 500) -> Iterator[int]:
        """Where a normalised passage occurs in the text (at most `limit` places: 'a' is everywhere)."""
        found = self.text.find(passage)
        while found >= 0 and limit:
            yield found
            found, limit = self.text.find(passage, found + 1), limit - 1

    # ------------------------------------------------------------ words

    def inside_word(self, offset: int) -> bool:
        """Whether an offset falls inside a word (inside_word)."""
        return inside_word(self.text, offset)

    def word_around(self, offset: int) -> tuple[int, int]:
        """Where the word an offset falls inside begins and ends."""
        return whole_words(self.text, offset, offset)

    # ------------------------------------------------------------ quotations

    def quotation_at(self, offset: int) -> Quotation | None:
        """The quotation whose words hold the offset."""
        i = bisect.bisect_right(self.quotation_starts, offset) - 1
        if i >= 0 and self.quotations[i].start <= offset < self.quotations[i].end:
            return self.quotations[i]
        return None

    def quotation_opening_in(self, start: int, end: int) -> Quotation | None:
        """The first quotation whose opening mark lies in text[start:end]."""
        i = bisect.bisect_left(self.quotation_opens, start)
        if i < len(self.quotations) and self.quotations[i].open < end:
            return self.quotations[i]
        return None

    # ------------------------------------------------------------ sentences

    def paragraph(self, offset: int) -> tuple[int, int]:
        """Where the paragraph holding the offset begins and ends."""
        if not self.paragraph_starts:
            return 0, 0  # an empty text
        i = max(0, bisect.bisect_right(self.paragraph_starts, offset) - 1)
        return self.paragraph_starts[i], self.paragraph_ends[i]

    def begins_sentence(self, offset: int) -> bool:
        """Whether a sentence begins at the offset, or after the quotation marks or bracket that open it.

        A sentence begins a paragraph; follows the end of one ('.', '!', '?' or '...', any closing marks, a space)
        when it begins with a capital, a digit or an opening mark, unless that full stop ends an abbreviation or
        an initial ('S.H.', 'Dr.', 'H.'); follows a dateline ('PELITA – '); or is quoted speech that a comma or a
        colon introduces and a capital begins ('Nurul mengatakan, "Kami akan ..."')."""
        text = self.text
        first, last = self.paragraph(offset)
        at = offset
        while at > first and text[at - 1] in _OPENERS:
            at -= 1
        if at == first:
            return True
        if text[at - 1] != " " or offset >= last:
            return False
        if self._stop_ends_at(at - 1) is not None:
            return True
        quotation = self.quotation_opening_in(at, offset + 1)
        if quotation is not None and text[quotation.open - 2:quotation.open] in (", ", ": ") \
                and (text[quotation.start].isupper() or text[quotation.start].isdigit()):
            return True
        if at - first <= _DATELINE_WIDTH + 3 and bisect.bisect_left(self.paragraph_starts, first) < _DATELINE_PARAGRAPHS:
            dash = _DATELINE_DASH.search(text, first, min(last, first + _DATELINE_WIDTH))
            return dash is not None and dash.end() == at
        return False

    def ends_sentence(self, offset: int) -> bool:
        """Whether a sentence ends at the offset: at a paragraph's end; after '.', '!', '?' or '...' (before or after
        the closing marks that follow) where the next sentence begins; or where the words of quoted speech that
        opens a sentence end ('"Kami siap," kata Dewi.': 'Kami siap' and 'Kami siap,' are whole), its last ',' or
        '.' kept or dropped."""
        text = self.text
        if offset <= 0:
            return False
        first, last = self.paragraph(offset - 1)
        if offset >= last:
            return offset == last
        after_tail = offset
        while after_tail < last and _closing(text[after_tail]):
            after_tail += 1
        stop = self._stop_ends_at(after_tail)
        if stop is not None and offset in (stop, after_tail):
            return True
        for quotation in {self.quotation_at(offset - 1), self.quotation_at(offset - 2)}:
            if quotation is not None and (quotation.ends_at(offset, text) or offset == (quotation.close or -2) + 1) \
                    and self.begins_sentence(quotation.open):
                return True
        return False

    def _stop_ends_at(self, offset: int) -> int | None:
        """Where a sentence's last mark ends, when the text before the offset ends with it (and any closing marks)
        and the next sentence begins after the offset; None when it does not."""
        text = self.text
        first, last = self.paragraph(offset - 1)
        found = _ENDING.search(text, max(first, offset - 40), offset)
        if found is None:
            return None
        stop = found.start()
        while stop < offset and text[stop] in _STOPS:
            stop += 1
        if stop - found.start() == 1 and text[found.start()] == "." and _abbreviation(text, found.start()):
            return None
        if offset < last:
            following = text[offset + 1] if offset + 1 < len(text) else ""
            if text[offset] != " " or not (following.isupper() or following.isdigit() or following in _OPENERS):
                return None
        return stop

    def sentence_before(self, offset: int) -> int:
        """Where the sentence holding the offset begins (for hints)."""
        first = self.paragraph(offset)[0]
        for at in range(offset, first, -1):
            if self.text[at - 1] == " " and self.begins_sentence(at):
                return at
        return first

    def sentence_after(self, offset: int) -> int:
        """Where the sentence holding the offset ends (for hints)."""
        last = self.paragraph(offset)[1]
        for at in range(offset, last):
            if self.text[at] == " " and self.ends_sentence(at):
                return at
        return last


def _closing(c: str) -> bool:
    """Whether a character may follow a sentence's last mark before the space: '"', ')', '*', another '.'."""
    return not (c.isspace() or c.isalnum() or c in ",;:_")


def inside_word(text: str, offset: int) -> bool:
    """Whether an offset falls inside a word: between two of its letters or digits, or beside a hyphen, point,
    apostrophe or decimal comma that joins two ('masing-masing', 'S.H', '1.621', "Jum'at", 'Rp10,5'). The same in
    an archived text as in its normalised form, so `new` can ask it of the text it copies from."""
    if offset <= 0 or offset >= len(text):
        return False
    before, after = text[offset - 1], text[offset]
    if before.isalnum():
        if after.isalnum():
            return True
        return after in _JOINERS and offset + 1 < len(text) and _joins(before, after, text[offset + 1])
    return before in _JOINERS and after.isalnum() and offset >= 2 and _joins(text[offset - 2], before, after)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] widened to the edges of the words it cuts."""
    while inside_word(text, start):
        start -= 1
    while inside_word(text, end):
        end += 1
    return start, end


def _joins(before: str, mark: str, after: str) -> bool:
    """Whether a mark between two letters or digits joins them into one word."""
    if not (before.isalnum() and after.isalnum()):
        return False
    if mark == ",":
        return before.isdigit() and after.isdigit()  # a decimal comma: 'Rp10,5'
    return True


def read_article(raw: str) -> Article:
    """An archived text's normalised form, quotations and sentence boundaries, found once.

    One pass over the text's quotation marks, not a loop over its characters: `check` reads thousands of
    articles."""
    # The paragraphs with their whitespace made single spaces but their curly marks kept: straightening the marks
    # changes no offset, so the direction of each still tells where a quotation opens and closes.
    paragraphs = [p for p in (" ".join(line.split()) for line in raw.splitlines()) if p]
    marked = " ".join(paragraphs)
    text = _straight(marked)  # == normalise(raw): line breaks are whitespace too
    bounds, offset = [], 0
    for paragraph in paragraphs:
        bounds.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 1
    quotations = _quotations(marked, bounds)
    return Article(text, tuple(a for a, _ in bounds), tuple(b for _, b in bounds), tuple(quotations),
                   tuple(q.start for q in quotations), tuple(q.open for q in quotations))


def _straight(text: str) -> str:
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return text


# Quotation marks by direction; a straight mark (or a prime) has none, and its place in the paragraph decides.
_DOUBLE_OPEN, _DOUBLE_CLOSE, _DOUBLE_EITHER = "\u201c\u201e\u201f\u00ab", "\u201d\u00bb", '"\u2033'
_SINGLE_OPEN, _SINGLE_CLOSE, _SINGLE_EITHER = "\u2018\u201a\u201b", "\u2019", "'\u2032"
_DOUBLE = _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_EITHER
_SINGLE = _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_EITHER


def _quotations(marked: str, bounds: list[tuple[int, int]]) -> list[Quotation]:
    """Every quotation, paragraph by paragraph (a quotation never crosses a paragraph break)."""
    quotations: list[Quotation] = []
    number, marks = 0, []
    for at in _marks(marked):
        if at >= bounds[number][1]:
            quotations += _paragraph_quotations(marked, bounds[number], marks)
            while at >= bounds[number][1]:
                number += 1
            marks = []
        marks.append(at)
    if marks:
        quotations += _paragraph_quotations(marked, bounds[number], marks)
    return quotations


def _marks(marked: str) -> list[int]:
    """Where the quotation marks of a text are, in order: str.find per kind of mark (a few, in a text of thousands of
    characters) is eight times faster than a regular expression's character class."""
    found = []
    for mark in _DOUBLE + _SINGLE:
        at = marked.find(mark)
        while at >= 0:
            found.append(at)
            at = marked.find(mark, at + 1)
    found.sort()
    return found


def _paragraph_quotations(marked: str, bounds: tuple[int, int], marks: list[int]) -> list[Quotation]:
    """The quotations of one paragraph, from the offsets of its marks.

    Double marks first: a curly opening mark opens, a curly closing one closes, and a straight mark inside stays
    text; straight marks outside curly ones pair in order. A quotation still open at the paragraph's end runs to
    it: a quote that goes on in the next paragraph reopens there, by custom. Then single marks outside the double
    ones, for articles that print speech in them: a curly pair, or a straight mark at a word's start and a later
    one at a word's end. A mark between two letters or digits is an apostrophe ("Jum'at", "Jum’at")."""
    spans: list[tuple[int, int | None]] = []
    opened = None
    for at in marks:
        c = marked[at]
        if c in _DOUBLE_OPEN and opened is None:
            opened = at
        elif c in _DOUBLE_CLOSE and opened is not None:
            spans.append((opened, at))
            opened = None
    if opened is not None:
        spans.append((opened, None))
    curly = list(spans)
    straight = [at for at in marks if marked[at] in _DOUBLE_EITHER and not _within(at, curly)]
    for k in range(0, len(straight), 2):
        spans.append((straight[k], straight[k + 1] if k + 1 < len(straight) else _next_open(straight[k], curly)))
    singles = [at for at in marks if marked[at] in _SINGLE]
    if singles:
        spans += _single_quotations(marked, bounds, singles, spans)
    quotations = []
    for open_mark, close_mark in sorted(spans):
        start, end = open_mark + 1, bounds[1] if close_mark is None else close_mark
        while start < end and marked[start] == " ":
            start += 1
        while end > start and marked[end - 1] == " ":
            end -= 1
        if start < end:
            quotations.append(Quotation(open_mark, start, end, close_mark))
    return quotations


def _within(at: int, spans: list[tuple[int, int | None]]) -> bool:
    return any(a < at and (b is None or at < b) for a, b in spans)


def _next_open(at: int, spans: list[tuple[int, int | None]]) -> int | None:
    """An unpaired straight mark's quotation runs to the next curly quotation, or to the paragraph's end."""
    later = [a for a, _ in spans if a > at]
    return min(later) if later else None


def _single_quotations(marked: str, bounds: tuple[int, int], singles: list[int],
                       doubles: list[tuple[int, int | None]]) -> list[tuple[int, int]]:
    found, opened = [], None
    for at in singles:
        if _within(at, doubles):
            continue  # a quotation inside a quotation is part of it
        c = marked[at]
        before = marked[at - 1] if at > bounds[0] else " "
        after = marked[at + 1] if at + 1 < bounds[1] else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe
        if opened is None and (c in _SINGLE_OPEN or (c in _SINGLE_EITHER and before in " ([" and after != " ")):
            opened = at
        elif opened is not None and c not in _SINGLE_OPEN and before != " " and not after.isalnum():
            found.append((opened, at))
            opened = None
    return found


def _abbreviation(text: str, point: int) -> bool:
    """Whether the full stop at `point` ends an abbreviation or an initial rather than a sentence."""
    word = text[text.rfind(" ", 0, point) + 1:point].lstrip(_OPENERS)
    if len(word) == 1 and word.isalpha():
        return True  # an initial: 'H.', 'A. Rahman'
    if "." in word and word.replace(".", "").isalpha():
        return True  # a degree written with points: 'S.H.', 'M.Si.'
    return word.casefold() in ABBREVIATIONS


# ---------------------------------------------------------------- what a passage must be

@dataclass(frozen=True)
class Refusal:
    """Why a passage does not have the shape its field needs, in check's words."""

    message: str
    hint: str = ""
    missing: str | None = None  # a piece of a quote that is not in the text at all (check words that itself)


def words(passage: str) -> int:
    """How many words a passage has: the runs between spaces that hold a letter or a digit ('Rp10', '(TPS)')."""
    return len(_WORD.findall(passage))


def _has_words(passage: str, least: int) -> bool:
    """Whether a passage has at least `least` words (counting no further)."""
    at = 0
    for _ in range(least):
        found = _WORD.search(passage, at)
        if found is None:
            return False
        at = found.end()
    return True


def excerpt_pieces(quote: str) -> list[str]:
    """The pieces of a quote that '...' joins (the whole quote when it has none), normalised, without the marks."""
    return [piece for piece in (p.strip() for p in ELLIPSIS.split(normalise(quote))) if piece]


def quote_problem(article: Article, quote: str) -> Refusal | None:
    """A direct quote is the whole of one quotation (its last ',' or '.' kept or dropped), or an excerpt of it:
    pieces of its words, whole words each, in its order, joined by '...', with '...' at the start or the end
    where the excerpt begins or ends inside the quotation. At least QUOTE_WORDS words."""
    written = normalise(quote)
    start = article.text.find(written)
    quotation = article.quotation_at(start) if start >= 0 else None
    if quotation is not None and start == quotation.start and quotation.ends_at(start + len(written), article.text) \
            and _has_words(written, QUOTE_WORDS):
        return None  # the usual case: the whole quotation, where it first occurs
    found = _quote_in(article, [written], lead=False, trail=False)
    if found is not None and ELLIPSIS.search(written):  # as written failed: read the marks as cuts
        parts = [p.strip() for p in ELLIPSIS.split(written)]
        lead, trail = parts[0] == "", parts[-1] == ""
        pieces = parts[lead:len(parts) - trail]
        if not pieces or "" in pieces:
            return Refusal(f"expected words around each '...' of an excerpt, received none between two marks or "
                           f"beside one: {shorten(written)!r}", "write each cut once, between the words it joins")
        cut = _quote_in(article, pieces, lead, trail)
        if cut is None or found.missing is not None or (cut.missing is None and cut.rank > found.rank):
            found = cut
    if found is not None:
        return Refusal(found.message, found.hint, found.missing)
    count = sum(words(piece) for piece in excerpt_pieces(quote))
    if count < QUOTE_WORDS:
        return Refusal(f"expected a quote of at least {QUOTE_WORDS} words, received {count}: {shorten(written)!r}",
                       "a quoted word or two is a term or a title in quotation marks, not a statement: cite it in "
                       "the evidence of a paraphrase instead")
    return None


@dataclass(frozen=True)
class _Finding:
    rank: int  # how near the passage came to passing: the best of its occurrences is reported
    message: str
    hint: str = ""
    missing: str | None = None


# How near a quote came, from narration (furthest) to a fragment that only needs its cut marked.
_NARRATION, _OPENS_OUTSIDE, _RUNS_PAST, _IN_A_WORD, _PIECES, _STARTS_INSIDE, _ENDS_INSIDE = range(7)
_WHOLE_OR_EXCERPT = "expected the whole quoted span or an excerpt marked with '...'"


def _quote_in(article: Article, pieces: list[str], lead: bool, trail: bool) -> _Finding | None:
    """None when the pieces are an excerpt of one quotation (the whole of it without lead or trail); otherwise
    what came nearest, over every place the first piece occurs."""
    for piece in pieces:
        if piece not in article.text:
            return _Finding(-1, "", missing=piece)
    best = None
    for start in article.occurrences(pieces[0]):
        finding = _quote_at(article, pieces, lead, trail, start)
        if finding is None:
            return None
        if best is None or finding.rank > best.rank:
            best = finding
    return best


def _quote_at(article: Article, pieces: list[str], lead: bool, trail: bool, start: int) -> _Finding | None:
    text = article.text
    passage = " ... ".join(pieces) if len(pieces) > 1 else pieces[0]
    shown = shorten(("... " if lead else "") + passage + (" ..." if trail else ""))
    end = start + len(pieces[0])
    quotation = article.quotation_at(start)
    if quotation is None:
        crossed = article.quotation_opening_in(start, end)
        if crossed is not None:
            return _Finding(_OPENS_OUTSIDE, f"expected the words inside one quotation, received a passage that "
                            f"starts before its opening quotation mark: {shown!r}",
                            f"the article's quotation begins {_begins(text, crossed)!r}; the words before the mark "
                            f"are the reporter's: begin the quote after it")
        return _Finding(_NARRATION, f"expected words the article puts in quotation marks, received narration, "
                        f"outside any quotation: {shown!r}", "a quote copies what the article quotes in “ ” or "
                        "\" \"; give what the reporter writes as a paraphrase, with this passage as its evidence")
    if end > quotation.end:
        shown = _tail(("... " if lead else "") + passage + (" ..." if trail else ""))
        return _Finding(_RUNS_PAST, f"expected the words inside one quotation, received a passage that runs past its "
                        f"closing quotation mark: {shown!r}", f"the article's quotation ends "
                        f"{_ends(text, quotation)!r}; the words after the mark are the reporter's: end the quote "
                        f"there")
    for offset in (start, end):
        if article.inside_word(offset):
            where = "starts" if offset == start else "ends"
            word = text[slice(*article.word_around(offset))]
            return _Finding(_IN_A_WORD, f"{_WHOLE_OR_EXCERPT}, received a passage that {where} inside the word "
                            f"{word!r}: {shown!r}", "an excerpt starts and ends on whole words: "
                            "copy the word whole, and mark any cut with '...'")
    if not lead and start != quotation.start:
        return _Finding(_STARTS_INSIDE, f"{_WHOLE_OR_EXCERPT}, received a passage that starts inside the quotation: "
                        f"{shown!r}", f"the article's quotation begins {_begins(text, quotation)!r}: quote it from "
                        f"there, or begin with '...' to mark the cut")
    for number, piece in enumerate(pieces[1:], start=2):
        found = text.find(piece, end, quotation.end)
        while found >= 0 and (article.inside_word(found) or article.inside_word(found + len(piece))):
            found = text.find(piece, found + 1, quotation.end)
        if found >= 0 and number == len(pieces) and not trail:
            found = _last_piece(article, piece, quotation, end, found)  # the one that ends the quotation
        if found < 0:
            return _Finding(_PIECES, f"expected the pieces of an excerpt from one quotation, in its order and "
                            f"whole words each, received a piece that is not the next part of that quotation: "
                            f"{shorten(piece)!r}", f"the article's quotation begins {_begins(text, quotation)!r} "
                            f"and ends {_ends(text, quotation)!r}; join with '...' only pieces of it, in its order")
        end = found + len(piece)
    if not trail and not quotation.ends_at(end, text):
        return _Finding(_ENDS_INSIDE, f"{_WHOLE_OR_EXCERPT}, received a passage that ends inside the quotation: "
                        f"{shown!r}", f"the article's quotation ends {_ends(text, quotation)!r}: quote it to "
                        f"there, or end with '...' to mark the cut")
    return None


def _last_piece(article: Article, piece: str, quotation: Quotation, after: int, first: int) -> int:
    """Where the last piece of an excerpt without a closing '...' is: where it ends the quotation, if it occurs
    there (after `after`, on a word's edge); else its first place, `first`."""
    text = article.text
    found = text.rfind(piece, after, quotation.end)
    while found >= first:
        if quotation.ends_at(found + len(piece), text) and not article.inside_word(found):
            return found
        found = text.rfind(piece, after, found + len(piece) - 1)
    return first


def span_problem(article: Article, passage: str, what: str = "", least: int = 0,
                 sentences: bool = False) -> Refusal | None:
    """A passage (normalised, and found in the text) begins and ends on word boundaries, has at least `least` words
    (a field copied as written, a name or a number, has no least) and, with `sentences`, begins where a sentence
    begins and ends where one ends (one sentence or several). `what` names the field in messages ('a
    paraphrase's evidence'). The passage passes if it passes at one of the places it occurs."""
    if least and not _has_words(passage, least):
        count = words(passage)
        return Refusal(f"expected at least {least} words for {what}, received {count}: {shorten(passage)!r}",
                       "cite the whole sentence that reports it" if sentences else
                       "cite the words that state the fact: who or what, and what the article says of it, like "
                       "'Ketua KPU Kota Pelita Dewi Anggraini' or 'Rp7 miliar untuk KPU'")
    if _span_at(article, passage, article.text.find(passage), what, sentences) is None:
        return None  # the usual case: at the first place it occurs
    best: _Finding | None = None
    for start in article.occurrences(passage):
        finding = _span_at(article, passage, start, what, sentences)
        if finding is None:
            return None
        if best is None or finding.rank > best.rank:
            best = finding
    return Refusal(best.message, best.hint) if best is not None else None


def _span_at(article: Article, passage: str, start: int, what: str, sentences: bool) -> _Finding | None:
    text = article.text
    end = start + len(passage)
    if inside_word(text, start) or inside_word(text, end):
        return _in_a_word(article, passage, start, end)
    if not sentences:
        return None
    if not article.begins_sentence(start):
        sentence = article.sentence_before(start)
        return _Finding(2, f"expected whole sentences for {what}, received a passage that starts inside a sentence: "
                        f"{shorten(passage)!r}", f"the sentence begins "
                        f"{_head(text[sentence:start] + _first_words(passage))!r}: cite it from there")
    if not article.ends_sentence(end):
        sentence = article.sentence_after(end)
        return _Finding(3, f"expected whole sentences for {what}, received a passage that ends inside a sentence: "
                        f"{_tail(passage)!r}", f"the sentence ends "
                        f"{_tail(_last_words(passage) + text[end:sentence])!r}: cite it to there")
    return None


def _in_a_word(article: Article, passage: str, start: int, end: int) -> _Finding:
    text = article.text
    if article.inside_word(start):
        word_start, word_end = article.word_around(start)
        return _Finding(1, f"expected a passage that starts and ends with whole words, received one that starts "
                        f"inside the word {text[word_start:word_end]!r}: {shorten(passage)!r}",
                        f"begin where the word begins: {_head(text[word_start:end])!r}")
    word_start, word_end = article.word_around(end)
    return _Finding(1, f"expected a passage that starts and ends with whole words, received one that ends inside "
                    f"the word {text[word_start:word_end]!r}: {_tail(passage)!r}",
                    f"end where the word ends: {_tail(text[start:word_end])!r}")


def shorten(text: str, width: int = 70) -> str:
    """The beginning of a long text, marked as cut."""
    return text if len(text) <= width else text[: width - 4].rsplit(" ", 1)[0] + " ..."


_head = shorten


def _tail(text: str, width: int = 70) -> str:
    """The end of a long text, marked as cut."""
    return text if len(text) <= width else "... " + text[len(text) - width + 4:].split(" ", 1)[-1]


def _first_words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[:count]) + (" ..." if len(text.split()) > count else "")


def _last_words(text: str, count: int = 3) -> str:
    return ("... " if len(text.split()) > count else "") + " ".join(text.split()[-count:])


def _begins(text: str, quotation: Quotation) -> str:
    return _head(_first_words(text[quotation.start:quotation.end], 5))


def _ends(text: str, quotation: Quotation) -> str:
    return _tail(_last_words(text[quotation.start:quotation.end], 5))
