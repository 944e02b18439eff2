"""Who an article says spoke, and what an excerpt's cuts leave out: read from the words around a passage.

`verify` holds a statement's or a point's speaker to the people its passage names as the speaker (the words of
attribution around a quotation, "ucap Bupati Musa Ahmad"; the subject of a reported-speech sentence, "Harmono
memaparkan ..."), and refuses an excerpt whose '...' drops a negation or a condition right beside the cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .passages import ELLIPSIS, Article, Quotation, normalise

# Verbs and words of speech that follow the speaker in reported speech ("Andik juga memaparkan, ...") or in an
# attribution after a quotation ("kata Dewi", "ujarnya"). A sentence without one is narration: nobody is named
# as its speaker, so nobody is held to it.
SPEECH_WORDS = frozenset("""
    berharap berpesan bilang imbuh jelas kata katanya lanjut lanjutnya memaparkan menambahkan menegaskan
    menekankan menerangkan mengajak mengatakan mengimbau mengingatkan mengungkapkan mengutarakan meminta menjelaskan
    menuturkan menyampaikan menyatakan menyebut menyebutkan menyoroti pesan tambah tegas terang tutur ucap ujar
    ungkap
""".split())
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_ACCORDING = re.compile(r"\b[Mm]enurut\s+([^,]{1,80}),")

# Words that turn a statement round when an excerpt cuts them away: a negation or a condition.
GUARD_WORDS = frozenset("tidak tak bukan jangan belum tanpa jika kalau apabila bila asalkan asal kecuali".split())
GUARD_REACH = 2  # how many words on each side of a cut count as "right beside" it


@dataclass(frozen=True)
class Located:
    """Where a quote's pieces sit in its quotation (offsets into the article's normalised text)."""

    quotation: Quotation
    spans: tuple[tuple[int, int], ...]
    lead: bool
    trail: bool


def locate_quote(article: Article, quote: str) -> Located | None:
    """Where an accepted quote (passages.quote_problem found nothing wrong) sits: its quotation and pieces."""
    written = normalise(quote)
    parts = [p.strip() for p in ELLIPSIS.split(written)]
    lead, trail = parts[0] == "", parts[-1] == ""
    pieces = [p for p in parts if p] or [written]
    if len(parts) == 1:
        lead = trail = False
    text = article.text
    for start in article.occurrences(pieces[0]):
        quotation = article.quotation_at(start)
        if quotation is None:
            continue
        spans, end = [(start, start + len(pieces[0]))], start + len(pieces[0])
        for piece in pieces[1:]:
            found = text.find(piece, end, quotation.end)
            if found < 0:
                break
            spans.append((found, found + len(piece)))
            end = found + len(piece)
        else:
            return Located(quotation, tuple(spans), lead, trail)
    return None


def cut_guards(article: Article, located: Located) -> list[str]:
    """The negations and conditions that an excerpt's cuts remove right beside what it keeps ('Jangan sampai'
    before '... ada money politics'): the words of each cut span within GUARD_REACH words of the kept text."""
    text, quotation = article.text, located.quotation
    cuts: list[tuple[str, str]] = []  # (removed text, which side of it touches kept words: 'end', 'start', 'both')
    spans = located.spans
    if located.lead and spans[0][0] > quotation.start:
        cuts.append((text[quotation.start:spans[0][0]], "end"))
    for (_, end), (start, _) in zip(spans, spans[1:]):
        cuts.append((text[end:start], "both"))
    if located.trail and spans[-1][1] < quotation.end:
        cuts.append((text[spans[-1][1]:quotation.end], "start"))
    found = []
    for removed, side in cuts:
        words = [w.casefold() for w in _WORD.findall(removed)]
        near = []
        if side in ("start", "both"):
            near += words[:GUARD_REACH]
        if side in ("end", "both"):
            near += words[-GUARD_REACH:]
        found += [w for w in near if w in GUARD_WORDS and w not in found]
    return found


def quote_attribution(article: Article, quotation: Quotation) -> str:
    """The reporter's words that say who spoke a quotation: after its closing mark to the end of the sentence
    ('ucap Bupati Musa Ahmad.'), and a lead-in a comma or a colon ends ('Nurul mengatakan, "...'), if any."""
    text = article.text
    said = []
    if quotation.open >= 2 and text[quotation.open - 2:quotation.open] in (", ", ": "):
        said.append(text[article.sentence_before(quotation.open - 2):quotation.open])
    if quotation.close is not None:
        after = quotation.close + 1
        last = article.paragraph(quotation.close)[1]
        if after < last:
            end = article.sentence_after(after + 1) if after + 1 < last else last
            said.append(text[after:end])
    return " ".join(said)


def sentence_subject(sentence: str) -> str | None:
    """Who a reported-speech sentence names as its speaker: the words before its first word of speech
    ('Ketua KPU Irawan Indrajaya' in 'Ketua KPU Irawan Indrajaya menjelaskan, ...'), or after 'Menurut' up to a
    comma; None for narration, a sentence with neither."""
    according = _ACCORDING.search(sentence)
    for match in _WORD.finditer(sentence):
        if according is not None and according.start() < match.start():
            return according.group(1)
        if match.group().casefold() in SPEECH_WORDS:
            return sentence[:match.start()]
    return according.group(1) if according is not None else None


def name_pattern(forms: tuple[str, ...]) -> re.Pattern | None:
    """A pattern finding any of a person's names as whole words, in the letter case written."""
    forms = tuple(sorted({normalise(f) for f in forms if f and f.strip()}, key=len, reverse=True))
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
