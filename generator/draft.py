"""`new`: from an article's text to a draft fact sheet, by rules and the registries (no network, no model).

The pipeline is plain values: read the text, find what it states (the dateline, the date, the region, the venue,
the people and their posts, who stands in for whom, every direct quote and its speaker, the figures), then write
the draft as YAML text. Every proposed item copies its evidence passage from the text and carries a review mark
(a `# review:` line) that `check` refuses until a person has confirmed the item and deleted the mark. Nothing is
proposed that the text does not state: a title and a summary the digest must write are left for the
contributor (the lead sentence stands in, marked), and an item whose fact is implied is marked inferred.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import os
import re
import typing
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import model, passages
from .claims import calendar_day
from .errors import ContentErrors, DigestError, display_path
from .escape import FORBIDDEN_IN_VALUES
from .schema import record_fields
from .verify import AS_WRITTEN, WEEKDAYS_ID, normalise, stated_numbers, url_has_date

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
_WEEKDAY = r"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu)"
_MONTH = "(?P<mon>" + "|".join(MONTHS) + ")"
DATE_NUMERIC = re.compile(_WEEKDAY + r"\s*,?\s*\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\s*\)")
DATE_WORDS = re.compile(r"(?:" + _WEEKDAY + r"\s*,?\s*(?:tanggal\s+)?)?(?P<d>\d{1,2})\s+" + _MONTH
                        + r"\s+(?P<y>\d{4})", re.IGNORECASE)
BEFORE = re.compile(r"\b(?:menjelang|jelang|sebelum)\b[^.]{0,80}?" + DATE_WORDS.pattern, re.IGNORECASE)

# A number as the Indonesian press writes it: 1.621, 823.417, 69, 1,5 (a decimal comma).
_NUM = r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                "sembilan": 9, "sepuluh": 10}
_NUM_OR_WORD = r"(?P<num>\d{1,3}(?:\.\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + r")"
_APPROX = r"(?P<approx>sekitar|kurang lebih|lebih dari|sedikitnya|setidaknya|minimal|maksimal|hingga)?\s*"
APPROXIMATIONS = {"sekitar": "about", "kurang lebih": "about", "lebih dari": "more-than", "sedikitnya": "at-least",
                  "setidaknya": "at-least", "minimal": "at-least", "maksimal": "at-most"}
# "300 hingga 350 TPS", "300-350 TPS": a range, its upper end.
_UPTO = r"(?:\s*(?:-|\u2013|hingga|sampai|s\.d\.?)\s*(?P<upto>\d{1,3}(?:\.\d{3})+|\d+))?"
MONEY = re.compile(_APPROX + r"Rp\.?\s?" + _NUM + r"(?:\s*(?P<scale>triliun|miliar|milyar|juta|ribu)\b)?",
                   re.IGNORECASE)
COUNTS = (
    ("polling-stations", None, re.compile(r"(?<![\d.,])" + _APPROX + _NUM + _UPTO
                                           + r"\s+(?:tempat pemungutan suara(?:\s*\(TPS\))?|TPS)\b", re.IGNORECASE)),
    # "DPT sebanyak 823.417 orang", "daftar pemilih tetap (DPT) di Kabupaten Way Sejuk sebanyak 187.530 pemilih":
    # up to eight words between (a year among them), then voters, or the clause ends.
    ("voters", "DPT", re.compile(r"(?:daftar pemilih tetap\s*\(DPT\)|\bDPT\b)(?:\s+(?!\d)[^\s\d.,;:!?()]+|\s+20\d\d)"
                                 r"{0,8}?\s+" + _APPROX + _NUM + r"(?:\s+(?:orang|jiwa|pemilih)\b|(?=\s*[,.;)]|\s*$))",
                                 re.IGNORECASE)),
    ("voters", "unspecified", re.compile(r"(?<![\d.,])" + _APPROX + _NUM + r"\s+(?:orang\s+)?pemilih\b",
                                         re.IGNORECASE)),
    ("personnel", None, re.compile(r"(?<![\d.,\w])" + _APPROX + _NUM_OR_WORD
                                   + r"\s+(?:orang\s+)?(?:personel|personil|petugas|polisi|Linmas)\b", re.IGNORECASE)),
    ("villages", None, re.compile(r"(?<![\d.,\w])" + _APPROX + _NUM_OR_WORD
                                  + r"\s+(?:desa|kelurahan|pekon|kampung|nagari|gampong)\b", re.IGNORECASE)),
    # "17 kecamatan", "sembilan kecamatan"
    ("districts", None, re.compile(r"(?<![\d.,\w])" + _APPROX + _NUM_OR_WORD + r"\s+(?:kecamatan|distrik)\b",
                                   re.IGNORECASE)),
)
FIGURE_LABELS = {"budget": "Anggaran", "polling-stations": "Tempat pemungutan suara (TPS)",
                 "vulnerable-polling-stations": "TPS rawan", "DPT": "Daftar pemilih tetap (DPT)",
                 "voters": "Pemilih", "personnel": "Personel", "villages": "Desa", "districts": "Kecamatan"}

# The verbs that attribute a direct quote ("ujar", "tegasnya", "kata dia"): a stem, and -nya for "he/she said".
SPEECH = re.compile(r"^[\s,.]*(?P<verb>ujar|kata|tegas|ungkap|jelas|terang|tutur|pesan|harap|tambah|tutup|ucap|"
                    r"lanjut|sebut|imbuh|papar|pungkas|seru|ajak|pinta|tandas|tukas|timpal|sambung|urai|beber|katakan|menegaskan|mengatakan|"
                    r"menjelaskan|mengungkapkan|menyampaikan|menuturkan|menambahkan)(?P<nya>nya)?\b\s*(?P<rest>.*)",
                    re.IGNORECASE | re.DOTALL)
PRONOUNS = re.compile(r"^(?:dia|ia|beliau)\b", re.IGNORECASE)
QUOTE_SPANS = re.compile(r"\u201c(?P<curly>[^\u201c\u201d]{2,2000})\u201d|\"(?P<straight>[^\"]{2,2000})\"")

# The ranks of the police and the military, short ("Kompol") and in full ("Komisaris Polisi"), the full form first.
RANKS = (r"(?:(?:Ajun\s+)?Komisaris(?:\s+Besar)?\s+Polisi|Inspektur\s+(?:Jenderal\s+)?Polisi(?:\s+(?:Satu|Dua))?|"
         r"Brigadir\s+Jenderal(?:\s+(?:Polisi|TNI))?|Letnan\s+(?:Kolonel|Satu|Dua)|"
         r"AKBP|AKP|Kompol|Kombes(?:\s+Pol)?|Brigjen(?:\s+(?:Pol|TNI))?|Irjen(?:\s+Pol)?|Iptu|Ipda|Aiptu|"
         r"Aipda|Bripka|Brigpol|Briptu|Letkol|Kolonel|Mayor|Kapten|Lettu|Letda|Peltu|Pelda|Serka|Sertu)")
# A rank in full followed by its short form: "Komisaris Polisi (Kompol)".
RANK_SHORT_AFTER = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z]{2,6}(?:\s+Pol)?)\)")
# Corps after a military rank: "Inf", "Inf.", "Infanteri", "Kav", "Kavaleri".
CORPS = (r"(?:Infanteri|Kavaleri|Artileri(?:\s+Medan|\s+Pertahanan\s+Udara)?|Zeni|Inf|Arh|Czi|Cpl|Kav|Arm|Cba|"
         r"Chk|Ckm|Cku|Cpn|Cph|Cpm|Caj|Ctp|Lek|Mar|Pas|Psk|Sus|Tek|Kes|Adm)")
HONORIFICS = r"(?:(?:Drs|Dra|Dr|Ir|Hj|H|Prof|KH)\.\s*|(?:Drs|Dra|Ir|Hj|Prof|KH)\s+(?=[A-Z]))+"
HONORIFIC_WORDS = frozenset({"Drs", "Dra", "Dr", "Ir", "Hj", "H", "Prof", "KH"})
# A first name the press abbreviates with a full stop: "Muh. Sapri", "Moh. Ali".
NAME_ABBREVIATION = r"(?:Muh|Moh|Moch|Mochd|Muhd|Abd)\."
DEGREE = r"(?:[SMD]\.(?:[A-Za-z]{1,4}\.?){1,3}|Ph\.D\.?|SH|SE|SIK|MH|MM|MSi|MPd|MAP)"
DEGREES = r"(?:,\s*" + DEGREE + r")+"
NAME_WORD = r"[A-Z][a-z]+(?:['-][A-Za-z]+)?"
# Posts as printed before a name: the kind of agency follows from the post (Kapolres -> polres) or is named in it
# (Ketua KPU -> kpu). Prefixes for acting posts: Pj, Pjs, Plt, Plh, Penjabat (Pj), Penjabat Sementara (Pjs),
# Pelaksana tugas (Plt), Pelaksana harian (Plh).
_ACTING = (r"(?:(?:Pj|Pjs|Plt|Plh)(?:\.\s*|\s+)|(?:Penjabat(?:\s+Sementara)?(?:\s*\((?:Pj|Pjs)\))?|Pelaksana\s+[Tt]ugas(?:\s*\(Plt\))?|"
           r"Pelaksana\s+[Hh]arian(?:\s*\(Plh\))?)\s+)?")
POSTS = (r"(?:Kapolres(?:ta)?(?:\s+Metro(?=\s+(?:Bekasi|Jakarta|Tangerang|Depok)\b))?|Kapolda|Kapolsek|"
         r"Wakapolres(?:ta)?|Kabag\s+Ops(?:\s+Polres)?|Kasat\s*[Pp]ol\s*PP|Kasat\s+[A-Z]\w+|"
         r"Kasi\s+[A-Z]\w+|Karo\s+[A-Z]\w+(?:\s+Polda)?|Koordinator\s+Divisi(?:\s+[A-Z]\w+){1,3}|"
         r"Dandim(?:\s+\d{4}(?:/[A-Z][A-Za-z]*(?:\s(?!@RANK)[A-Z][a-z]+)?)?)?|Danramil(?:\s+[\d-]+(?:/[A-Za-z]+)?)?|Danrem(?:\s+\d{3}(?:/[A-Za-z]+)?)?|"
         r"Kajari|Kasi\s+Intel(?:\s+Kejari)?|Wakil\s+Bupati|Bupati|Wakil\s+Wali\s?[Kk]ota|Wali\s?[Kk]ota|"
         r"Wakil\s+Gubernur|Gubernur|Sekda|Sekretaris\s+Daerah|Asisten\s+(?:I{1,3}|[1-3])(?:\s+Bidang(?:\s+[A-Z]\w+)+"
         r"(?:\s+dan(?:\s+[A-Z]\w+)+)?)?|Asisten\s+[A-Z]\w+(?:\s+dan\s+[A-Z]\w+)?|"
         r"(?:[Kk]etua|[Ww]akil\s+[Kk]etua|[Aa]nggota|[Kk]omisioner|[Kk]epala|Kaban|Kadis|Sekretaris)\s+(?:[A-Z][A-Za-z]*\s+){0,3}?"
         r"(?:[A-Z]{2,}[a-z]*|@KINDS|Pengadilan(?:\s+Negeri)?|Kejaksaan(?:\s+Negeri)?|Dinas\s+\w+|Badan\s+\w+)|"
         r"Camat|Lurah|Kades|Kepala\s+(?:Desa|Pekon|Kampung|Nagari|Gampong|Kelurahan))")
POST_KINDS = (("Kapolres", "polres"), ("Wakapolres", "polres"), ("Kabag Ops", "polres"), ("Kasat Pol PP", "satpol-pp"),
              ("Kasatpol PP", "satpol-pp"), ("Kasat", "polres"), ("Kasi Humas", "polres"), ("Karo", "polda"),
              ("Kapolda", "polda"), ("Kapolsek", "polsek"), ("Dandim", "kodim"), ("Danramil", "koramil"),
              ("Danrem", "korem"), ("Kajari", "kejaksaan"), ("Kasi Intel", "kejaksaan"), ("Kejaksaan", "kejaksaan"),
              ("Pengadilan", "pengadilan"), ("Gubernur", "pemprov"), ("Bupati", "pemkab"), ("Wali Kota", "pemkot"),
              ("Walikota", "pemkot"), ("Sekda", "@government"), ("Sekretaris Daerah", "@government"),
              ("Asisten", "@government"))
STOP_WORDS = frozenset("""Pemilu Pilkada Pemilihan Rakor Rapat Koordinasi Kabupaten Kota Provinsi Pemerintah Daerah
    Kepala Ketua Wakil Bupati Gubernur Sekda Asisten Bidang Dalam Sementara Menurut Dengan Pada Hadir Acara Ia Dia
    Mereka Kami Kita Jika Tahun Negeri Indonesia Republik Selain Namun Sedangkan Kemudian Adapun Untuk Karena Saat
    Aula Hotel Gedung Ruang Balai Kantor Pendopo Desa Kecamatan Camat Satuan Polisi Pamong Praja Umum Serentak
    Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus Oktober November
    Desember Lintas Sektoral Perekonomian Pembangunan Pemerintahan Kesra Pengadilan Kejaksaan Forkopimda
    Penjabat Pelaksana Kapolres Kapolresta Kapolda Kapolsek Wakapolres Dandim Danrem Danramil Kajari Lurah Kades
    Anggota Komisioner Kaban Kadis Divisi Koordinator""".split())

_BARE_POST = re.compile(r"^" + _ACTING)
# A numbered military unit as posts and names print it: "0431/Way Sejuk", "1425/BRM", "01-03/Sukadana".
UNIT = r"(?P<number>\d[\d-]*)(?:/(?P<seat>[A-Z][A-Za-z]*(?:\s(?!" + RANKS + r"\b)[A-Z][a-z]+)?))?"
NUMBERED_POST = re.compile(r"^(?:Dandim|Danrem|Danramil)\s+(?P<unit>" + UNIT + r")$")
# A region's government named in full or in short: "Pemerintah Kabupaten Way Sejuk", "Pemkot Pelita".
GOVERNMENT_NAMED = re.compile(r"(?<!\w)(?:Pemerintah(?:\s+Daerah)?\s+(?:Kabupaten|Kota|Provinsi)|Pemkab|Pemkot|"
                              r"Pemprov)\s+(?P<region>" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,2})\s*$")
STAND_IN = re.compile(r"\b(?P<verb>diwakili(?:\s+oleh)?|mewakili|yang\s+mewakili)\s+", re.IGNORECASE)
# How far after a quote its speech verb and speaker are read ('," ujar Ketua KPU Way Sejuk Nurhasanah.').
SPEAKER_WINDOW = 400


def item_limit(record: type, name: str) -> int:
    """The most items a list field of the model holds (model.Items), which a draft never goes past."""
    return next(f.spec.items.max_items for f in record_fields(record) if f.name == name)


STATEMENTS_LIMIT = item_limit(model.FactSheet, "statements")
FIGURES_LIMIT = item_limit(model.FactSheet, "figures")
ATTENDANCE_LIMIT = item_limit(model.FactSheet, "attendance")


class NewError(DigestError):
    """`new` cannot go on: the message says what was found and what to do."""


# ---------------------------------------------------------------- plain values

@dataclass
class Mention:
    """A person the text names: where, the post printed before the name, and what the name carries."""

    start: int
    end: int
    passage: str  # as printed: "Kapolres AKBP Andik Purnomo Sigit"
    name: str
    post: str = ""
    post_region: str | None = None  # a region the post names ("Ketua KPU Lampung Timur")
    rank: str | None = None
    corps: str | None = None
    honorifics: str | None = None
    degrees: str | None = None
    person: str = ""  # the id, in the registry or proposed


@dataclass
class Proposed:
    """One item of the draft: its fields in order, the review mark, and (for registries) the file it joins."""

    fields: dict
    review: str


@dataclass
class Draft:
    """Everything `new` found in one article, ready to be written."""

    sheet_id: str
    source_file: str
    sheet: dict
    reviews: dict = field(default_factory=dict)  # dotted path -> review text, for the sheet's top-level parts
    attendance: list = field(default_factory=list)  # [Proposed]
    statements: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    registry: dict = field(default_factory=dict)  # registry file name -> [Proposed]
    left_out: dict = field(default_factory=dict)  # a list cut at the most a sheet holds -> the review mark saying so

    @property
    def has_date(self) -> bool:
        return self.sheet["meeting"].get("date", "unknown") != "unknown"

    @property
    def review_count(self) -> int:
        """The review marks the draft writes: one per part of the sheet that has one, per item, per registry entry
        (and one asking for the attendance when it found no one)."""
        items = [*self.attendance, *self.statements, *self.figures, *(p for ps in self.registry.values() for p in ps)]
        return sum(1 for review in self.reviews.values() if review) + len(items) + (0 if self.attendance else 1) \
            + len(self.left_out)


# The fields of a draft that copy the article's words: evidence, quotes, and what check holds to the text.
COPIED_FIELDS = frozenset({"evidence", "quote", *(name for names in AS_WRITTEN.values() for name in names)})


def copied_fields(value, key: str = ""):
    """(field, text) for every text a draft (as loaded from its YAML) claims to copy from the article."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from copied_fields(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from copied_fields(item, key)
    elif isinstance(value, str) and key in COPIED_FIELDS:
        yield key, value


def copied_passages(value):
    """Every text a draft claims to copy from the article."""
    return (text for _, text in copied_fields(value))


def slug(text: str, max_words: int = 6) -> str:
    """An id from words: lower case, ASCII, hyphens ('Senen Mustakim' -> 'senen-mustakim')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "item"


class Ids:
    """Ids given out once each: a base, else the first of base-2, base-3 ... not yet taken. Each base remembers
    where its numbers reached, so the 25,000th repeat of one costs a step, not 25,000."""

    def __init__(self, taken=()):
        self.taken = set(taken)
        self.next_number: dict[str, int] = {}

    def unique(self, base: str) -> str:
        name = base
        if name in self.taken:
            n = self.next_number.get(base, 2)
            while f"{base}-{n}" in self.taken:
                n += 1
            name, self.next_number[base] = f"{base}-{n}", n + 1
        self.taken.add(name)
        return name


def bare_post(post: str) -> str:
    """A post without its acting prefix: 'Pj Bupati Karang Sari' -> 'Bupati Karang Sari'."""
    return _BARE_POST.sub("", post)


def whole_number(number: str, scale: str | None = None) -> int | None:
    """'1.621' -> 1621, '4,35' with 'juta' -> 4350000, 'dua' -> 2; None for a fraction of a unit. The digits are
    read by verify.stated_numbers, the rule check later holds the value to, so the two never disagree."""
    if number.casefold() in NUMBER_WORDS:
        return NUMBER_WORDS[number.casefold()]
    read = stated_numbers(f"{number} {scale.lower()}" if scale else number)
    return read[0] if len(read) == 1 else None


# A full stop that ends an initial or a title ("H.", "Drs.", "S.H.") does not end the sentence.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:Drs|Dra|Dr|Ir|Hj|H|Prof|No|S\.\w+|M\.\w+))\.$")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], within its paragraph, as printed."""
    left, right = sentence_span(text, start, end)
    return text[left:right].strip()


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends, within its paragraph."""
    return Sentences.of(text).span(start, end)


# Where a sentence may begin (after '. ', before a capital or an opening quote) and end (a '.', '!' or '?' before
# one, or at the paragraph's end), within one paragraph.
_SENTENCE_START = re.compile(r"[.!?][\u201d\"]?\s+(?=[A-Z\u201c\"])")
_SENTENCE_END = re.compile(r"[.!?](?=[\u201d\"]?\s+[A-Z\u201c\"]|[\u201d\"]?\s*$)")
_TOKEN = re.compile(r"\S+")


class Sentences:
    """A text's paragraphs and the edges of its sentences, found in one pass, so that the sentence around each of
    thousands of figures or dates is a lookup (bisect), not a new reading of its paragraph."""

    def __init__(self, text: str):
        self.newlines = [match.start() for match in re.finditer("\n", text)]
        self.length = len(text)
        self.starts: list[list[int]] = []  # per paragraph: where each sentence after its first begins
        self.ends: list[list[int]] = []  # per paragraph: where each sentence that ends before it ends
        for par_start, par_end in zip([0, *(n + 1 for n in self.newlines)], [*self.newlines, len(text)]):
            tokens = [token.start() for token in _TOKEN.finditer(text, par_start, par_end)]

            def after_abbreviation(stop: int) -> bool:
                # The full stop at `stop` ends an initial or a title: the word it ends is all that is read.
                token = tokens[bisect.bisect_right(tokens, stop) - 1] if tokens else par_start
                return _ABBREVIATION_END.search(text, max(par_start, token), stop + 1) is not None

            self.starts.append([m.end() for m in _SENTENCE_START.finditer(text, par_start, par_end)
                                if not after_abbreviation(m.start())])
            self.ends.append([m.end() for m in _SENTENCE_END.finditer(text, par_start, par_end)
                              if not after_abbreviation(m.start())])

    @staticmethod
    @functools.lru_cache(maxsize=8)
    def of(text: str) -> Sentences:
        """The sentences of a text, read once (the draft asks about the same few texts again and again)."""
        return Sentences(text)

    def paragraph(self, offset: int) -> int:
        """The paragraph an offset is in (a line break belongs to the paragraph it ends)."""
        return bisect.bisect_left(self.newlines, offset)

    def paragraph_span(self, offset: int) -> tuple[int, int]:
        """Where the paragraph holding an offset begins and ends (before its line break)."""
        index = self.paragraph(offset)
        return (self.newlines[index - 1] + 1 if index else 0,
                self.newlines[index] if index < len(self.newlines) else self.length)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence holding [start, end) begins and ends: the last sentence start before `start` (or
        its paragraph's start), and the first sentence end at or after `end` (or its paragraph's end)."""
        first, last = self.paragraph(start), self.paragraph(end)
        starts = self.starts[first]
        left = starts[bisect.bisect_left(starts, start) - 1] if starts and starts[0] < start else \
            self.paragraph_span(start)[0]
        ends = self.ends[last]
        found = bisect.bisect_right(ends, end)  # a sentence end is one past its mark, which is at `end` or after
        right = ends[found] if found < len(ends) else self.paragraph_span(end)[1]
        return left, right


class NameIndex:
    """Registry names found in a text without one regular expression per name (at national scale thousands of
    names): each name is filed under its first word, and only the names filed under a word of the text are tried
    where that word begins. Case-sensitive, whole words, the longest name first."""

    _WORD = re.compile(r"\w[\w'-]*")
    _WORD_START = re.compile(r"(?<!\w)\w")  # "se-Lampung Timur": a word also begins after the hyphen

    def __init__(self, names, end: str = r"(?!\w)"):
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        for name, value in names:
            self.by_first.setdefault(name.split(" ", 1)[0], []).append((name, value))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda pair: -len(pair[0]))
        self.end = re.compile(end)

    def pairs(self):
        return [pair for candidates in self.by_first.values() for pair in candidates]

    def match(self, text: str, pos: int = 0) -> tuple[str, str] | None:
        """The longest name (and its value) that begins `text` at `pos`."""
        word = self._WORD.match(text, pos)
        for name, value in self.by_first.get(word.group() if word else "", ()):
            if text.startswith(name, pos) and self.end.match(text, pos + len(name)):
                return name, value
        return None

    def finditer(self, text: str):
        """(start, name, value) of every name in the text, left to right, none inside another."""
        pos = 0
        for start in self._WORD_START.finditer(text):
            if start.start() < pos:
                continue
            found = self.match(text, start.start())
            if found:
                yield start.start(), found[0], found[1]
                pos = start.start() + len(found[0])


# ---------------------------------------------------------------- what the text states

def index_of_body(first_line: str) -> bool:
    """Whether a first line reads as a headline rather than a sentence or a label: it holds a capitalised word
    beyond the first and no colon ('Penulis: ...')."""
    return ":" not in first_line and len(re.findall(r"\b[A-Z]\w+", first_line)) >= 2


def region_names_of(region: model.Region) -> tuple[str, ...]:
    """The names the press gives a region: its name, its official name ('Kabupaten Lampung Selatan', 'Kota
    Bandar Lampung'), 'Provinsi X' for a province, 'Kab. X' for a regency, and its short names."""
    names = [region.name]
    if region.official_name:
        names.append(region.official_name)
    if region.kind == "province":
        names.append(f"Provinsi {region.name}")
    elif region.kind == "regency":
        names += [f"Kab. {region.name}", f"Kabupaten {region.name}"]
    elif region.kind == "city":
        names.append(f"Kota {region.name}")
    return (*dict.fromkeys(names), *region.short_names)


def abbreviates(word: str, name: str) -> bool:
    """Whether `word` is a short name made of the first letters of each word of a region's name, as the press
    makes them: Kukar (Kutai Kartanegara), Malut (Maluku Utara), Sulbar (Sulawesi Barat), Lamsel."""
    parts = name.casefold().split()
    if len(parts) < 2 or not word[:1].isupper():
        return False

    def split(rest: str, parts: list[str]) -> bool:
        if not parts:
            return not rest
        return any(rest[:n] == parts[0][:n] and split(rest[n:], parts[1:]) for n in range(2, min(len(parts[0]), 6) + 1))

    return split(word.casefold(), parts)


# Where a word is a place's name, not a person's: after an agency's abbreviation or a post, and followed by a rank,
# an honorific, punctuation or a lower-case word ("Kapolres Kukar AKBP", "KPU Malut Drs.", "Bupati Kukar,").
SEAT_WORD = re.compile(r"(?<![\w/])(?:Polres(?:ta)?|Kodim|Koramil|Kejari|Pemkab|Pemkot|Pemprov|KPU|Bawaslu|DPRD|Kapolres(?:ta)?|"
                       r"Kapolda|Kajari|Bupati|Gubernur|Sekda|Polda|Dandim\s+\d+/|Danramil\s+[\d-]+/)\s+"
                       r"(?P<word>[A-Z][a-z]+|[A-Z]{2,}[a-z]*)(?=\s*[,.|]|\s+[a-z]|\s+(?:" + RANKS + r")\b|\s+" + HONORIFICS + r"|\s*$)",
                       re.MULTILINE)


class Reading:
    """One article read against the registries; each find_* method adds to the draft's parts."""

    def __init__(self, text: str, content: model.Content, outlet: str | None, url: str | None,
                 headline: str | None):
        self.text = text
        self.article = passages.read_article(text)  # as check reads it: quotations, words and sentences
        self.content = content
        self.paragraphs = text.split("\n")
        self.outlet, self.url, self.headline = outlet, url, headline
        self.regions = {r.id: r for r in content.regions}
        self.kinds = {k.id: k for k in content.agency_kinds}
        self.agencies = {a.id: a for a in content.agencies}
        self.people = {p.id: p for p in content.people}
        self.new_regions: dict[str, dict] = {}
        self.new_agencies: dict[str, dict] = {}
        self.new_people: dict[str, dict] = {}
        self.person_ids = Ids(self.people)  # the registry's people and those this draft proposes
        self.reviews: list[str] = []
        self.left_out: dict[str, str] = {}  # a list of the sheet cut at its limit -> the review mark that says so
        self.mentions: list[Mention] = []
        self.region: str | None = None
        self.dateline_region: str | None = None
        self.dateline: dict | None = None
        self.headline_basis = "stated" if headline else "unknown"
        self.headline_end = 0  # where the headline ends, when it is the first line: no names are read before it
        self.published: dict | None = None  # the publication date a line of the text states
        self.byline: str | None = None
        self.partial = False  # the text ends mid-sentence: its source cut it off
        # Words the text uses as a place's name after a post or an agency ('Kapolres Kukar AKBP'), and the
        # one-word names a speech verb gives ('ujar Apriliwanda')
        self.place_words: set[str] = set()
        self.spoken_names = {m.group(1) for m in re.finditer(
            r"(?<!\w)(?:ujar|kata|ungkap|tegas|jelas|terang|tambah|imbuh|pungkas|tutur)\s+(" + NAME_WORD + r")\b", text)}
        # Posts name the registry's agency kinds by abbreviation ("Ketua Bawaslu", "Kepala Kesbangpol").
        kinds = "|".join(re.escape(k.abbreviation) for k in sorted(content.agency_kinds,
                                                                   key=lambda k: -len(k.abbreviation)))
        self.abbreviations = {k.abbreviation for k in content.agency_kinds}
        # Region and person names, looked up for every word of a name: built once, not scanned each time.
        names = [(name, r.id) for r in content.regions for name in region_names_of(r)]
        self.region_by_squeezed: dict[str, str] = {}
        for name, region_id in names:
            self.region_by_squeezed.setdefault(re.sub(r"\W", "", name).casefold(), region_id)
        self.region_names = NameIndex(names, end=r"(?![\w'-])")
        self.person_by_name = {}
        for person in content.people:
            self.person_by_name.setdefault(person.name, person.id)
        self.posts = POSTS.replace("@KINDS", kinds or r"(?!x)x").replace("@RANK", RANKS)

    # -- dateline and headline
    def find_dateline(self) -> None:
        """The dateline ('Kabar Lampung, Sukadana –') in the first lines, the headline above it, a publication
        date on a line of its own ('Jumat, 22 November 2024 | 09:15 WITA'), the byline and a text cut off."""
        lines = [i for i, p in enumerate(self.paragraphs) if p.strip()]
        self.find_published(lines)
        self.find_byline(lines)
        for position, index in enumerate(lines[:3]):
            line = self.paragraphs[index].strip()
            if self.published and index == self.published["_line"]:
                continue
            match = re.match(r"^(?P<text>(?:(?P<outlet>[^,\u2013\u2014\n]{2,60}),\s*)?(?P<place>[A-Z][\w .'-]{1,40}?)"
                             r"\s*[\u2013\u2014-])\s", line)
            if not match:
                continue
            if position >= 1 and not self.headline:
                self.headline = self.paragraphs[lines[0]].strip()
                self.headline_basis = "first-line"
            place = match.group("place").strip()
            found = {"text": match.group("text").strip()}
            region = self.region_named(place)
            if region or match.group("outlet"):
                found["place"] = place
            if match.group("outlet") and not self.outlet:
                self.outlet = match.group("outlet").strip()
            elif not region and not self.outlet:
                self.outlet = place.title() if place.isupper() else place  # "PANTAU LAMPUNG –" names the outlet
            self.dateline = found
            self._dateline_line = index
            if region:
                self.dateline_region = region  # a vote for the meeting's region, not the region: a regency's
                # seat is the dateline of a provincial meeting too ('Mamuju –')
            break
        if not self.headline and len(lines) > 2 and (self.dateline is None or lines[0] != self._dateline_line):
            first = self.paragraphs[lines[0]].strip()
            # a first line of a few words with no full stop, above the body, is the headline as printed
            if len(first.split()) <= 16 and not re.search(r"[.!?\u201d\"]$", first) and index_of_body(first):
                self.headline, self.headline_basis = first, "first-line"
        if self.headline and lines and self.paragraphs[lines[0]].strip() == self.headline.strip():
            self.headline_end = self.text.find(self.paragraphs[lines[0]]) + len(self.paragraphs[lines[0]])
        body = [i for i in lines if not (self.byline and self.paragraphs[i].strip().startswith(self.byline)
                                         or self.published and i == self.published["_line"])]
        last = self.paragraphs[body[-1]].rstrip() if body else ""
        self.partial = len(body) > 2 and not re.search(r"[.!?\u201d\")\u2026:]$", last)

    _dateline_line = -1

    PUBLISHED_LINE = re.compile(r"^(?:(?:Diterbitkan|Dipublikasikan|Diposting|Terbit|Posted)\s*(?:pada|on)?\s*:?\s*)?"
                                r"(?P<date>(?:" + _WEEKDAY + r"\s*,\s*)?(?P<d>\d{1,2})\s+" + _MONTH
                                + r"\s+(?P<y>20\d\d))(?:\s*[|,\-\u2013]?\s*(?:[Pp]ukul\s+)?\d{1,2}[:.]\d{2}"
                                r"(?:\s*(?:WIB|WITA|WIT))?)?\s*$")

    # 'Penulis: Rina Marlina | Diterbitkan 21 November 2024': a date labelled as the publication's, in any line
    PUBLISHED_LABELLED = re.compile(r"(?<!\w)(?P<labelled>(?:Diterbitkan|Dipublikasikan|Diposting|Terbit)\s*(?:pada\s*)?:?\s*"
                                    r"(?P<date>(?:" + _WEEKDAY + r"\s*,\s*)?(?P<d>\d{1,2})\s+" + _MONTH
                                    + r"\s+(?P<y>20\d\d)))")

    def find_published(self, lines: list[int]) -> None:
        """A publication date printed on a line of its own, near the top or at the end."""
        for index in [*lines[:3], *lines[-2:]]:
            line = self.paragraphs[index].strip()
            match = self.PUBLISHED_LINE.match(line) if len(line) <= 80 else None
            match = match or self.PUBLISHED_LABELLED.search(line)
            if match:
                date = calendar_day(int(match.group("y")), MONTHS.index(match.group("mon").title()) + 1,
                                    int(match.group("d")))
                if date is not None:
                    self.published = {"published": date, "_line": index, "published_evidence": match.group(
                        "labelled" if "labelled" in match.groupdict() else "date")}
                    return

    def find_byline(self, lines: list[int]) -> None:
        """The reporter or editor line, as printed: 'Penulis: Andi Rasyid | Editor: Muh. Fadli'."""
        for index in [*lines[-2:], *lines[:3]]:
            line = self.paragraphs[index].strip()
            if re.match(r"^(?:Penulis|Reporter|Pewarta|Editor|Redaktur|Laporan|Oleh)\s*:\s*\S", line) \
                    and len(line) <= 120:
                # the parts that name people, up to one that is a date ('| Diterbitkan 21 November 2024')
                parts = re.split(r"\s+\|\s+", line)
                named = list(itertools.takewhile(lambda part: not self.PUBLISHED_LABELLED.search(part)
                                                 and not re.search(r"\b20\d\d\b", part), parts))
                self.byline = " | ".join(named) if named else None
                return

    def after_dateline(self, passage: str) -> str:
        """A passage without the dateline it begins with ('WARTA SEJUK – Pemerintah ...' -> 'Pemerintah ...')."""
        dateline = self.dateline["text"] if self.dateline else None
        return passage[len(dateline):].strip() if dateline and passage.startswith(dateline) else passage

    def body_start(self) -> int:
        """Where the article's body begins: after its first line when that line is the headline, else at 0."""
        first = next((paragraph for paragraph in self.paragraphs if paragraph.strip()), "")
        if self.headline and first.strip() == self.headline.strip():
            return self.text.find(first) + len(first)
        return 0

    def region_named(self, words: str) -> str | None:
        """The region these words name ('Lampung Timur', 'LAMPUNGTENGAH', 'Kota Pelita', 'Kota Bekasi' (the city,
        where 'Bekasi' and 'Kabupaten Bekasi' are the regency), 'Lamteng')."""
        words = words.strip()
        exact = self.region_by_squeezed.get(re.sub(r"\W", "", words).casefold()) if words else None
        if exact:
            return exact
        words = re.sub(r"^(?:Kabupaten|Kota|Provinsi|Kab\.)\s+", "", words)
        return self.region_by_squeezed.get(re.sub(r"\W", "", words).casefold()) if words else None

    # -- the region
    def learn_places(self) -> None:
        """The words the text uses as a place's name after a post or an agency ('Kapolres Kukar AKBP', 'KPU Malut
        Drs.'): never a person's. One that shortens a single region's name the way the press does (Kukar, Malut,
        Sulbar) is that region's from now on; the others stay places the gazetteer does not hold (a district)."""
        learned = []
        for match in SEAT_WORD.finditer(self.text):
            word = match.group("word")
            if word in STOP_WORDS or word in self.abbreviations or re.fullmatch(RANKS, word) \
                    or word in HONORIFIC_WORDS or word in self.place_words:
                continue
            self.place_words.add(word)
            if self.region_named(word):
                continue
            fits = [r.id for r in self.content.regions if abbreviates(word, r.name)]
            if len(fits) == 1:
                learned.append((word, fits[0]))
        for word, region_id in learned:
            self.region_by_squeezed.setdefault(word.casefold(), region_id)
        if learned:
            self.region_names = NameIndex([*self.region_names.pairs(), *learned], end=r"(?![\w'-])")

    def find_region(self) -> None:
        self.learn_places()
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        masked = list(self.text)  # known names hidden, so "Kabupaten Lampung Barat" proposes no new region
        for start, name, region_id in NameIndex(self.region_names.pairs(), end=r"(?!\w)").finditer(self.text):
            counts[region_id] = counts.get(region_id, 0) + 1
            first.setdefault(region_id, start)
            masked[start:start + len(name)] = "#" * len(name)
        masked = "".join(masked)
        named = []  # (the name, up to a word no region's name holds: "Sungai Jernih Penjabat" is "Sungai Jernih")
        for match in re.finditer(r"\b(?P<kind>Kabupaten|Kota|Pemkab|Pemkot)\s+(?P<name>" + NAME_WORD
                                 + r"(?:\s+" + NAME_WORD + r"){0,2})", masked):
            words = list(itertools.takewhile(lambda word: word not in STOP_WORDS, match.group("name").split()))
            if match.group("kind") == "Kota" and not re.search(
                    r"(?:Pemerintah(?:\s+Daerah)?|Wali|Walikota|KPU|Bawaslu|DPRD|Sekda|Sekretaris\s+Daerah)\s+$",
                    masked[max(0, match.start() - 40):match.start()]):
                continue  # 'Danramil Kota Agung', 'Islamic Center Kota Agung': a town, not a city (issue 28.3)
            if words and slug(" ".join(words)) not in self.regions:
                printed = re.match(r"\S+(?:\s+\S+){%d}" % (len(words) - 1), match.group("name"))
                named.append((" ".join(words), match, self.text[match.start():match.start("name") + printed.end()]))
        names = {name for name, _, _ in named}
        ids_by_name: dict[str, str] = {}
        for printed, match, passage in named:
            # "Pemkab Way Sejuk Siapkan" (a headline's capitals) is "Way Sejuk" and a word: it counts for the
            # shortest name the text gives elsewhere that its words begin with.
            words = printed.split()
            name = next((" ".join(words[:n]) for n in range(1, len(words)) if " ".join(words[:n]) in names), printed)
            kind = "city" if match.group("kind") in ("Kota", "Pemkot") else "regency"
            # a city's id begins with kota-, as the gazetteer's do (a regency and a city often share a name)
            region_id = ids_by_name.setdefault(name, ("kota-" if kind == "city" else "") + slug(name))
            if name == printed:
                self.new_regions.setdefault(region_id, {"id": region_id, "name": name, "kind": kind,
                                                         "_evidence": passage})
            counts[region_id] = counts.get(region_id, 0) + 2
            first.setdefault(region_id, match.start())
        self.learn_proposed_regions()
        if self.region is None and counts:
            # The most specific region most often named: a regency before the province that holds it.
            def rank(region_id: str) -> tuple:
                kind = self.regions[region_id].kind if region_id in self.regions else "regency"
                level = {"country": 0, "province": 1}.get(kind, 2)
                return (-counts[region_id], -level, first[region_id])
            self.region = min(counts, key=rank)

    def learn_proposed_regions(self) -> None:
        """The regions this draft proposes are names like the registry's from now on: 'Ketua KPU Way Sejuk
        Nurhasanah' is a post in Way Sejuk and a person, and 'Way Sejuk' is never part of a person's name."""
        names = [(entry["name"], region_id) for region_id, entry in self.new_regions.items()]
        for name, region_id in names:
            self.region_by_squeezed.setdefault(re.sub(r"\W", "", name).casefold(), region_id)
        self.region_names = NameIndex([*self.region_names.pairs(), *names], end=r"(?![\w'-])")

    # -- the date
    def find_date(self) -> dict:
        years = sorted({int(y) for y in re.findall(r"\b(20\d{2})\b", self.text)})
        for match in DATE_NUMERIC.finditer(self.text):
            day, month = int(match.group("d")), int(match.group("m"))
            year = match.group("y")
            weekday = match.group("wd").replace("'", "")
            found = {"date_as_stated": match.group().strip(), "weekday_as_stated": weekday,
                     "_evidence": sentence_around(self.text, match.start(), match.end())}
            if year:
                year_n = int(year) + (2000 if len(year) == 2 else 0)
                date = calendar_day(year_n, month, day)
                if date is None:
                    continue
                found["date"] = date
                if WEEKDAYS_ID[date.weekday()] != weekday:
                    self.reviews.append(f"the article's weekday {weekday} is not the weekday of {date.isoformat()}")
                return found
            candidates = [y for y in years if (d := calendar_day(y, month, day)) and WEEKDAYS_ID[d.weekday()] == weekday]
            if len(candidates) == 1:
                found["date"] = calendar_day(candidates[0], month, day)
                found["_inferred"] = "date.year"
                found["_note"] = (f'Artikel menulis "{match.group().strip()}" tanpa tahun; dari tahun-tahun yang '
                                  f"disebut artikel, hanya pada {candidates[0]} tanggal itu jatuh pada hari "
                                  f"{weekday}.")
                return found
        for match in DATE_WORDS.finditer(self.text):
            if not match.group("wd") and (not self.in_meeting_sentence(match.start()) or re.search(
                    r"(?i)\b(?:menjelang|jelang|sebelum|hingga|sampai)\b[^,.]*$", self.text[:match.start()][-80:])):
                continue  # a date without its weekday is the meeting's only in the sentence that names it
            date = calendar_day(int(match.group("y")), MONTHS.index(match.group("mon").title()) + 1, int(match.group("d")))
            if date is None:
                continue
            found = {"date": date, "date_as_stated": match.group().strip(),
                     "_evidence": sentence_around(self.text, match.start(), match.end())}
            if match.group("wd"):
                weekday = match.group("wd").replace("'", "").title()
                if WEEKDAYS_ID[date.weekday()] != weekday:
                    self.reviews.append(f"the article's weekday {weekday} is not the weekday of {date.isoformat()}")
                found["weekday_as_stated"] = weekday
            return found
        for match in BEFORE.finditer(self.text):
            date = calendar_day(int(match.group("y")), MONTHS.index(match.group("mon").title()) + 1, int(match.group("d")))
            if date is not None:
                return {"date": f"before {date.isoformat()}", "date_as_stated": match.group().strip(),
                        "_evidence": match.group().strip()}
        return {"date": "unknown"}

    def in_meeting_sentence(self, offset: int) -> bool:
        """Whether the text at `offset` is in a sentence that names the meeting (rapat koordinasi, rakor)."""
        sentence = sentence_around(self.text, offset, offset + 1)
        return bool(re.search(r"(?i)\b(?:rapat koordinasi|rakor\w*|apel|sosialisasi)\b", sentence))

    # -- people
    def find_people(self) -> None:
        taken: list[tuple[int, int]] = []
        for match in re.finditer(r"(?<![\w/])(?P<post>" + _ACTING + self.posts + r"(?:\s+(?!" + RANKS
                                 + r"\b)[A-Z]{2,5}\b)?)(?![\w/])", self.text):
            line_end = self.text.find("\n", match.end())
            tail = self.text[match.end():len(self.text) if line_end < 0 else line_end][:200]
            if match.start() < self.headline_end:
                continue  # a headline's capitals are no names ('Kapolres Pringsewu Ajak Media ...')
            parsed = self.parse_name(tail, match.group("post"))
            if parsed is None:
                continue
            length, region_words, region, rank, corps, honorifics, name, degrees = parsed
            end = match.end() + length
            post = match.group("post") + (" " + region_words if region_words else "")
            self.add_mention(Mention(match.start(), end, self.text[match.start():end], name, post=post,
                                     post_region=region, rank=rank, corps=corps, honorifics=honorifics,
                                     degrees=degrees), taken)
        # Registry people named without a post, and names right after "diwakili" (one word may do).
        for start, name, person_id in NameIndex(self.person_by_name.items()).finditer(self.text):
            self.add_mention(Mention(start, start + len(name), name, name, person=person_id), taken)
        for match in STAND_IN.finditer(self.text):
            rest = self.text[match.end():]
            name_match = re.match(r"(?P<hon>" + HONORIFICS + r")?(?P<name>" + NAME_WORD + r"(?:\s+" + NAME_WORD
                                  + r"){0,4})", rest)
            if name_match and match.group("verb").lower().startswith("diwakili"):
                name = self.trim_name(name_match.group("name"))
                if name:
                    start = match.end()
                    self.add_mention(Mention(start, start + name_match.start("name") + len(name),
                                             self.text[start:start + name_match.start("name") + len(name)], name),
                                     taken)
        self.mentions.sort(key=lambda m: m.start)
        for mention in self.mentions:
            mention.person = mention.person or self.person_id(mention)

    def parse_name(self, tail: str, post: str = ""):
        """After a post: the region it names, a comma, rank and corps, honorifics, the name, degrees.
        Returns (length consumed, region words, region, rank, corps, honorifics, name, degrees) or None."""
        pos, region_words, region = 0, "", None
        if re.match(r"\s+", tail):
            for n in range(4, 0, -1):
                candidate = re.match(r"\s+((?:(?:Kabupaten|Kota|Provinsi|Kab\.)\s+)?" + r"\s+".join(
                    [r"[A-Z][\w'-]*"] * n) + r")(?![\w'-])", tail)
                if candidate and self.region_named(candidate.group(1)):
                    region_words, region = candidate.group(1), self.region_named(candidate.group(1))
                    pos = candidate.end()
                    break
            seat = re.match(r"\s+(?P<word>[A-Z][\w'-]*)(?![\w'-])", tail)
            if not region_words and seat and seat.group("word") in self.place_words:
                region_words, pos = seat.group("word"), seat.end()  # "Kapolres Kukar": a place, not a name
        # "Kepala Desa Bonto Salama, Jumaidi", "Lurah Biringere, Hasnawati": a village or district before the comma
        local = re.match(r"\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=,\s+" + NAME_WORD + r")", tail)
        local_place = bool(not region_words and local and re.search(
            r"(?:Camat|Lurah|Kades|Kepala\s+(?:Desa|Pekon|Kampung|Nagari|Gampong|Kelurahan)|Kapolsek|Danramil)$", post)
            and not re.match(RANKS, tail[local.end():]))
        if local_place:
            region_words, pos = local.group("place"), local.end()
        # "Danramil Kota Agung Kapten Inf Sutrisno", "Kapolres Kukar AKBP ...": the words between a post and a rank
        # are the post's seat
        seat = re.match(r"\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?=\s+(?:" + RANKS + r")\b)", tail)
        if not region_words and seat and not any(w in HONORIFIC_WORDS for w in seat.group("place").split()):
            region_words, pos = seat.group("place"), seat.end()
        step = re.match(r"\s*,?\s*(?:(?P<rank>" + RANKS + r")\b(?:" + RANK_SHORT_AFTER.pattern + r")?(?:\s+(?P<corps>"
                        + CORPS + r")\b\.?)?\s*)?(?P<hon>" + HONORIFICS + r")?\s*", tail[pos:])
        if step is None or step.end() == 0 and pos:
            return None
        rank = step.group("short") or step.group("rank")
        rank = " ".join(rank.split()) if rank else None
        corps = step.group("corps")
        if corps and tail[pos:pos + step.end()].rstrip().endswith(corps + "."):
            corps += "."
        honorifics = (step.group("hon") or "").strip() or None
        pos += step.end()
        name_words: list[str] = []
        at = pos
        first = re.match(r"(" + NAME_ABBREVIATION + r")(?=\s+[A-Z])", tail[at:])
        if first:
            name_words.append(first.group(1))
            at += first.end()
        while len(name_words) < 5:
            word = re.match(("\\s" if name_words else "") + r"(" + NAME_WORD + r")(?![\w'-])", tail[at:])
            if word is None:
                break
            text = word.group(1)
            # A region's name ends the name ('Kapolres Pringsewu'), except as the first word after a rank or an
            # honorific, where it is a person's ('Letkol Inf Bima Saputra': Bima is also a regency); so do an
            # honorific ('Malut Drs.'), a rank and a place the text names as a post's seat ('Kukar')
            if text in STOP_WORDS or re.fullmatch(RANKS, text) or text in self.abbreviations \
                    or text in HONORIFIC_WORDS and tail[at + word.end():at + word.end() + 1] == "." \
                    or text in self.place_words and (name_words or not (rank or honorifics)) \
                    or (name_words or not (rank or honorifics)) and self.region_at(tail[at + word.start(1):]):
                break
            name_words.append(text)
            at += word.end()
        if not name_words or name_words[-1].endswith("."):
            return None
        name = " ".join(name_words)
        pos = at
        degrees_match = re.match(DEGREES, tail[pos:])
        degrees = degrees_match.group().lstrip(", ").strip() if degrees_match else None
        if degrees_match:
            pos += degrees_match.end()
        if len(name_words) == 1 and not (honorifics or degrees or re.match(r"\s*(?:[,.]|$)", tail[pos:])
                                         or name in self.spoken_names and re.match(r"\s+[a-z]", tail[pos:])
                                         or local_place and re.match(r"\s+(?:dan|serta)\b", tail[pos:])):
            return None  # one word is a name before punctuation, or where a speech verb names it ('ujar Apriliwanda')
        return pos, region_words, region, rank, corps, honorifics, name, degrees

    def region_at(self, text: str) -> bool:
        """Whether a region's name (or short name) begins `text`."""
        return self.region_names.match(text) is not None

    def trim_name(self, name: str) -> str:
        words = name.split()
        kept = []
        for word in words:
            if word in STOP_WORDS or self.region_named(word) or word in self.abbreviations:
                break
            kept.append(word)
        return " ".join(kept)

    def add_mention(self, mention: Mention, taken: list) -> None:
        if any(not (mention.end <= a or mention.start >= b) for a, b in taken):
            return
        taken.append((mention.start, mention.end))
        self.mentions.append(mention)

    def person_id(self, mention: Mention) -> str:
        if mention.name in self.person_by_name:
            return self.person_by_name[mention.name]
        base = slug(mention.name)
        if base in self.new_people:
            return base
        person_id = self.person_ids.unique(base)
        entry = {"id": person_id, "name": mention.name}
        for key, value in (("rank", mention.rank), ("corps", mention.corps), ("honorifics", mention.honorifics),
                           ("degrees", mention.degrees)):
            if value:
                entry[key] = value
        # A word of the name that the text also uses alone ("Ricky" for Ricky Agusta) is a short name.
        elsewhere = self.text.replace(mention.name, " ")
        shorts = [w for w in mention.name.split() if re.search(r"(?<![\w])" + re.escape(w) + r"(?![\w])", elsewhere)]
        shorts = [w for w in shorts if not any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", p.name)
                                               for p in self.content.people)]
        if shorts:
            entry["short_names"] = shorts
        entry["_evidence"] = mention.passage
        self.new_people[person_id] = entry
        return person_id

    def person_names(self, person_id: str) -> tuple[str, tuple[str, ...]]:
        """A person's name and short names, from the registry or from the entry this draft proposes."""
        if person_id in self.people:
            return self.people[person_id].name, self.people[person_id].short_names
        entry = self.new_people.get(person_id, {})
        return entry.get("name", person_id), tuple(entry.get("short_names", ()))

    def region_name(self, region_id: str) -> str:
        """A region's name, from the registry or from the entry this draft proposes."""
        return self.regions[region_id].name if region_id in self.regions else self.new_regions[region_id]["name"]

    def references(self) -> list[tuple[int, str]]:
        """Every place a person is named, by full name, short name or post, in text order."""
        found = [(m.start, m.person) for m in self.mentions]
        names: dict[str, str] = {}
        for mention in self.mentions:  # the full name again, without its post ('Kompol Andreas Simbolon menyebut')
            names.setdefault(self.person_names(mention.person)[0], mention.person)
        for mention in self.mentions:
            for short in self.person_names(mention.person)[1]:
                names.setdefault(short, mention.person)
        posts: dict[str, set] = {}
        for mention in self.mentions:
            if mention.post:
                posts.setdefault(self.post_key(mention), set()).add(mention.person)
        for word, person in names.items():
            for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", self.text):
                found.append((match.start(), person))
        for head, people in posts.items():
            if len(people) == 1:
                for match in re.finditer(r"(?<!\w)" + re.escape(head) + r"(?!\w)", self.text, re.IGNORECASE):
                    found.append((match.start(), next(iter(people))))
        return sorted(found)

    def resolve(self, words: str) -> str | None:
        """Who the words after a speech verb name: 'Ricky Agusta', 'Bupati Musa Ahmad', 'bupati', 'Senen'."""
        words = re.split(r"[.,;:!?]", words.strip())[0].strip()
        best = None
        for mention in self.mentions:
            if words.startswith(mention.name) or (mention.post and words.startswith(mention.passage)):
                return mention.person
        candidates = re.match(r"(?:" + RANKS + r"\s+)?(?:" + _ACTING + self.posts + r"\s+)?(?P<name>[A-Z]\w+)", words)
        for person_id in dict.fromkeys(m.person for m in self.mentions):  # in text order, not a set's
            name, shorts = self.person_names(person_id)
            if candidates and (candidates.group("name") in name.split() or candidates.group("name") in shorts):
                best = person_id
                break
        if best:
            return best
        holders = {m.person for m in self.mentions if m.post and (words.casefold() + " ").startswith(
            self.post_key(m) + " ")}
        return next(iter(holders)) if len(holders) == 1 else None

    def post_key(self, mention: Mention) -> str:
        """How the text refers back to a post holder: 'Bupati', 'Ketua KPU', 'Kapolres' (no acting prefix, no
        region), case-folded."""
        post = bare_post(mention.post)
        if mention.post_region:
            post = post.rsplit(" ", len(self.region_name(mention.post_region).split()))[0]
        return " ".join(post.split()).casefold()

    # -- agencies
    def agency_for(self, mention: Mention) -> tuple[str | None, bool]:
        """The branch a post belongs to, and whether that is inferred (the post names neither a region nor a
        numbered unit)."""
        post = bare_post(mention.post)
        for agency in self.content.agencies:
            if agency.name in post:  # "Anggota Bawaslu RI"
                return agency.id, False
        unit = NUMBERED_POST.search(post)  # "Dandim 0431/Way Sejuk": the unit is named, its number kept
        seat_region = self.region_named(unit.group("seat")) if unit and unit.group("seat") else None
        region = mention.post_region or seat_region or self.region
        kind = self.kind_of_post(post)
        if kind == "@government" or (kind in ("pemkab", "pemkot", "pemprov") and region is not None):
            kind = self.government_kind(region) if region else None
        if kind is None or kind not in self.kinds or region is None:
            return None, False
        if unit:
            return self.branch(kind, region, mention.passage, unit=unit.group("unit")), False
        # Named as the post prints it ("Bawaslu Kabupaten Sukamaju"), else by the abbreviation and the region.
        printed = mention.post.split(self.kinds[kind].abbreviation, 1)
        name = f"{self.kinds[kind].abbreviation}{printed[1]}" if len(printed) == 2 and mention.post_region else None
        return self.branch(kind, region, mention.passage, name), mention.post_region is None

    def kind_of_post(self, post: str) -> str | None:
        """The agency kind a post names by the registry's abbreviation ('Ketua KPU'), or implies ('Kapolres')."""
        for kind in sorted(self.content.agency_kinds, key=lambda k: -len(k.abbreviation)):
            if re.search(r"(?<!\w)" + re.escape(kind.abbreviation) + r"(?!\w)", post):
                return kind.id
        for start, kind_id in POST_KINDS:
            if post.startswith(start) or f" {start}" in post:
                return kind_id
        return None

    def branch(self, kind: str, region: str, evidence: str, name: str | None = None,
               unit: str | None = None) -> str:
        """The branch of a kind in a region: the registry's, else one this draft already proposes, else a new
        one, named `name` or by the kind's abbreviation and the region's name. A numbered unit ('0431/Way
        Sejuk') is looked up by its number first, and a new one keeps it: kodim-0431, 'Kodim 0431/Way Sejuk'."""
        abbreviation = self.kinds[kind].abbreviation
        number = unit.split("/", 1)[0] if unit else None
        if number:
            numbered = re.compile(r"(?<![\w-])" + re.escape(number) + r"(?![\w-])")
            for agency in self.content.agencies:
                if agency.kind == kind and numbered.search(agency.name):
                    return agency.id
            if f"{kind}-{slug(number)}" in self.new_agencies:
                return f"{kind}-{slug(number)}"
        for agency in self.content.agencies:
            if agency.kind == kind and (agency.region == region or region in agency.covers):
                return agency.id
        for entry in self.new_agencies.values():
            if entry["kind"] == kind and entry["region"] == region:
                return entry["id"]
        agency_id = f"{kind}-{slug(number)}" if number else f"{kind}-{region}"
        name = f"{abbreviation} {unit}" if unit else name or f"{abbreviation} {self.region_name(region)}"
        self.new_agencies[agency_id] = {"id": agency_id, "kind": kind, "region": region, "name": name,
                                        "_evidence": evidence}
        return agency_id

    def agency_name(self, agency_id: str) -> str:
        """A branch's name, from the registry or from the entry this draft proposes."""
        return self.agencies[agency_id].name if agency_id in self.agencies else self.new_agencies[agency_id]["name"]

    def government_kind(self, region: str) -> str | None:
        """The registry's kind for a region's own government (a regent's, a mayor's, a governor's office): the
        kind of a branch it already has, or the kind whose name fits the region's level."""
        kinds = [k for k in self.content.agency_kinds if k.name.id.startswith("Pemerintah")
                 or "government" in (k.name.en or "").casefold()]
        for agency in self.content.agencies:
            if agency.region == region and agency.kind in {k.id for k in kinds}:
                return agency.kind
        level = self.regions[region].kind if region in self.regions else self.new_regions[region]["kind"]
        words = {"regency": "kabupaten", "city": "kota", "province": "provinsi"}.get(level, "")
        # Only a kind whose name fits the level: a governor is no 'Pemerintah Kabupaten' (issue 29); without one,
        # the contributor adds the kind (step 3 of the guide)
        levels = ("kabupaten", "kota", "provinsi")
        fitting = [k.id for k in kinds if words and words in k.name.id.casefold()]
        fitting += [k.id for k in kinds if not any(level in k.name.id.casefold() for level in levels)]  # "Pemerintah Daerah"
        return fitting[0] if fitting else None

    def agency_named(self, words: str) -> str | None:
        """A branch named at the end of `words` ('Bawaslu Lamteng', 'KPU Lampung Timur', 'Kejari Gunungsugih',
        'Pemerintah Kabupaten Way Sejuk', 'Kodim 0431/Way Sejuk'); one the registry lacks is proposed."""
        words = words.rstrip()
        for agency in self.content.agencies:
            if words.endswith(agency.name):
                return agency.id
        for entry in self.new_agencies.values():
            if words.endswith(entry["name"]):
                return entry["id"]
        government = GOVERNMENT_NAMED.search(words)
        region = self.region_named(government.group("region")) if government else None
        kind = self.government_kind(region) if region else None
        if kind:
            return self.branch(kind, region, government.group())
        for kind in self.content.agency_kinds:
            names = re.escape(kind.abbreviation) + "|" + re.escape(kind.name.id)
            unit = re.search(r"(?<!\w)(?:" + names + r")\s+(?P<unit>" + UNIT + r")\s*$", words)
            if unit:
                seat = self.region_named(unit.group("seat")) if unit.group("seat") else None
                region = seat or self.region
                return self.branch(kind.id, region, unit.group(), unit=unit.group("unit")) if region else None
            match = re.search(r"(?<!\w)(?P<kind>" + names + r")(?P<region>(?:\s+" + NAME_WORD + r"){0,3})\s*$",
                              words)
            if match:
                region_words = match.group("region").strip()
                region = self.region_named(region_words) if region_words else self.region
                if region is not None:
                    printed = match.group() if region_words and match.group("kind") == kind.abbreviation else None
                    return self.branch(kind.id, region, match.group().strip(), printed and printed.strip())
        return None


ELECTION_WORDS = {"pemilu": r"\bPemilu\b|pemilihan umum", "pilkada": r"\bPilkada\b|pemilihan kepala daerah|"
                  r"pemilihan (?:bupati|gubernur|wali ?kota)", "psu": r"\bPSU\b|pemungutan suara ulang",
                  "recount": r"penghitungan suara ulang"}
GENERAL_ELECTION_WORDS = frozenset({"pemilu"})  # election kinds whose words ELECTION_WORDS finds in any election
ORGANISES = re.compile(r"\b(?:menggelar|mengadakan|melaksanakan|menyelenggarakan)\b")
VENUE = re.compile(r"\bdi\s+(?P<venue>(?:Aula|Gedung|Hotel|Ruang|Pendopo|Pendapa|Balai|Kantor|Mapolres|Mapolresta|"
                   r"Makodim|Rumah Dinas|Wisma|Graha|Auditorium|Sekretariat|Islamic Centre|Masjid|Lapangan|GSG|"
                   r"Rupatama)\b[^,.;()\n]*)")
MEETING_NAME = re.compile(r"(?P<name>\b(?:rapat koordinasi|rakor|apel|sosialisasi)\b(?:\s*\((?:rakor)\))?"
                          r"[^,.;\n]*?)(?=,|\s+di\s|\s+pada\s|\s+yang\s|\.|\s+bersama\s|$)", re.IGNORECASE | re.M)


def build(reading: Reading, source_file_for) -> Draft:
    """Read everything the text states into a draft; `source_file_for(sheet_id)` names the archived text."""
    reading.find_dateline()
    reading.find_region()
    if reading.region is None:
        raise NewError("found no region the gazetteer or the registries know, nor a 'Kabupaten X' or 'Pemerintah "
                       "Kota X' to propose (add the name the press uses for it to names: in "
                       "content/registry/regions.yaml, then run new again)")
    date = reading.find_date()
    reading.find_people()
    chair, openers = _chair_and_openers(reading)
    meeting = draft_meeting(reading, date, chair)
    attendance, by_person = draft_attendance(reading, chair, openers)
    statements = draft_statements(reading, by_person)
    figures = find_figures(reading, reading.text)
    sheet_id = sheet_id_for(reading, meeting)
    source_file = source_file_for(sheet_id)
    source, source_review = draft_source(reading, source_file)
    sheet = {"id": sheet_id, "source": source, "meeting": meeting.fields, "summary": {"id": _lead(reading)}}
    reviews = {"meeting": meeting.review,
               "summary": "this is the article's first sentence: write two or three sentences of your own that "
                          "state only what the facts below state, and their English (en)",
               "source": source_review}
    for item in (sheet, *(proposed.fields for proposed in (*attendance, *figures))):
        fit_passages(item, reading.text, reading.article)  # to the shape check holds each passage to
    return Draft(sheet_id, source_file, sheet, reviews, attendance, statements, figures, draft_registry(reading),
                 reading.left_out)


@dataclass
class DraftMeeting(Proposed):
    """The meeting part of a draft, and what the id is made of: the name as printed (if any) and the kind."""

    name: str | None = None
    kind: str = "other"


def _chair_and_openers(reading: Reading) -> tuple[Mention | None, set[str]]:
    """Who chaired ('dipimpin (oleh) ...', the first so named) and who opened the meeting ('dibuka oleh ...')."""
    chair, openers = None, set()
    for mention in reading.mentions:
        before = reading.text[max(0, mention.start - 20):mention.start]
        if chair is None and re.search(r"dipimpin(?:\s+oleh)?\s*$", before):
            chair = mention
        if re.search(r"dibuka(?:\s+(?:secara\s+resmi\s+)?oleh)?\s*$", before):
            openers.add(mention.person)
    if chair is None:  # 'Bupati Sinjai Andi Rahmat membuka secara resmi rapat koordinasi ...'
        chair = next((m for m in reading.mentions if re.match(
            r"\s*(?:,\s*)?(?:langsung\s+)?(?:membuka(?:\s+secara\s+resmi)?|memimpin)\s+(?:rapat|rakor|kegiatan|acara)\b",
            reading.text[m.end:m.end + 60], re.IGNORECASE)), None)
    return chair, openers


def draft_meeting(reading: Reading, date: dict, chair: Mention | None) -> DraftMeeting:
    """The meeting as the text names it: kind, name, date, venue, region, elections, operations, organiser and
    chair, with the passages that state them."""
    text = reading.text
    reviews = list(reading.reviews)
    body_start = reading.body_start()
    name_match = next((m for m in MEETING_NAME.finditer(text, body_start)
                       if m.group("name").casefold().startswith("rapat koordinasi")), None) \
        or MEETING_NAME.search(text, body_start)
    name = name_match.group("name").strip() if name_match else None
    region_name = reading.region_name(reading.region)
    meeting: dict = {}
    evidence: list[str] = []
    kind = "other"
    if name:
        lowered = name.casefold()
        kind = ("rakor-lintas-sektoral" if "lintas sektoral" in lowered else "apel" if lowered.startswith("apel")
                else "sosialisasi" if lowered.startswith("sosialisasi") else "rakor")
        evidence.append(name)
    else:
        reviews.append("found no meeting name (rapat koordinasi, rakor, apel): write the name as printed")
    meeting["kind"] = kind
    # With no name printed, the lead's first clause stands in (marked): a name the text does not hold would be
    # a passage the draft invented.
    meeting["name"] = name or _clause(_lead(reading))
    title = (name[0].upper() + name[1:]) if name else "Rapat"
    if region_name.casefold() not in title.casefold():
        title += f" di {region_name}"
    meeting["title"] = {"id": title}
    reviews.append("write a short title in your own words (title.id) and its English (title.en)")
    inferred: list[str] = []
    notes: list[str] = []
    for key in ("date", "date_as_stated", "weekday_as_stated"):
        if date.get(key):
            meeting[key] = date[key]
    if date.get("_evidence"):
        evidence.append(date["_evidence"])
    if date.get("_inferred"):
        inferred.append(date["_inferred"])
        notes.append(date["_note"])
    if date["date"] == "unknown":
        reviews.append("found no date: give what the article says (a month, 'before 2024-11-27') or keep 'unknown'")
    venue = VENUE.search(text)
    if venue:
        value = re.split(r"\s+(?:pada|itu|dan|yang|sejak|mulai|untuk)\b", venue.group("venue"))[0].strip()
        meeting["venue"] = value
        evidence.append(value)
    meeting["region"] = reading.region
    election_words = _elections(reading, date)
    meeting["elections"] = [election.id for _, election in election_words]
    # An election the article names by its own kind ("Pilkada serentak 2024", "Pemilihan Bupati", "PSU") is
    # stated, as the seed, fixture and blind sheets have it; "Pemilu" and "pemilihan umum" are also said of any
    # election, so one found only by them is the digest's link, by the meeting's date: inferred, with a note.
    linked = [(words, election) for words, election in election_words if election.kind in GENERAL_ELECTION_WORDS]
    if linked:
        inferred.append("elections")
        for words, election in linked:
            notes.append(f'Artikel menyebut "{words}"; digest mengaitkannya dengan {election.name.id} '
                         f"(pemungutan suara {election.voting_date.isoformat()}).")
    if len(linked) < len(election_words):
        named = ", ".join(f"'{words}'" for words, election in election_words if (words, election) not in linked)
        reviews.append(f"the article names the election ({named}): confirm the one in elections")
    if not election_words:
        reviews.append("no election in content/registry/elections.yaml fits: add the one it prepares")
    operations = []
    for operation in reading.content.operations:
        for op_name in (operation.name, *operation.short_names):
            if re.search(r"(?<!\w)" + re.escape(op_name) + r"(?!\w)", text):
                operations.append(operation.id)
                if op_name not in " ".join(evidence):
                    evidence.append(op_name)
                break
    if operations:
        meeting["operations"] = operations
    sentence = sentence_around(text, name_match.start(), name_match.end()) if name_match else ""
    organiser = _organiser(reading, sentence)
    if organiser:
        meeting["organiser"] = organiser
        if sentence not in evidence:
            evidence.insert(0, sentence)
    if chair:
        meeting["chair"] = chair.person
        evidence.append(text[sentence_span(text, chair.start, chair.end)[0]:chair.end].strip())
    if inferred:
        meeting["inferred"] = inferred
        meeting["inference_note"] = {"id": " ".join(notes)}
        reviews.append("confirm what is marked inferred and its note, and add the note's English (en)")
    meeting["evidence"] = _dedupe([reading.after_dateline(passage) for passage in evidence]) \
        or [text.strip().split("\n")[0][:200]]
    return DraftMeeting(meeting, "; ".join(reviews), name, kind)


def _elections(reading: Reading, date: dict) -> list[tuple[str, model.Election]]:
    """The registry's elections the text names (with the words that name each) and the meeting can prepare: in
    the meeting's region or above it, voting within the election's preparation window after the meeting (or, with
    no day known, in a year the text names)."""
    found = []
    region_line = model.region_ancestry(reading.region, reading.regions)
    meeting_date = date["date"] if isinstance(date.get("date"), dt.date) else None
    for election in reading.content.elections:
        words = re.search(ELECTION_WORDS.get(election.kind, r"(?!x)x"), reading.text, re.IGNORECASE)
        if not words or (election.region and election.region not in region_line):
            continue
        if meeting_date is not None:
            window = dt.timedelta(days=election.preparation_days)
            if not (election.voting_date - window <= meeting_date <= election.voting_date):
                continue
        elif str(election.voting_date.year) not in reading.text:
            continue
        found.append((words.group(), election))
    return found


def _organiser(reading: Reading, sentence: str) -> str | None:
    """The branch the meeting's sentence names before its verb ('Pemerintah Kabupaten Way Sejuk menggelar')."""
    organises = ORGANISES.search(sentence)
    if not organises:
        return None
    before = re.sub(r"[(),]", " ", sentence[:organises.start()])
    before = re.sub(r"^.*?[\u2013\u2014-]\s", "", before)  # the dateline
    return reading.agency_named(" ".join(before.split()))


def draft_attendance(reading: Reading, chair: Mention | None,
                     openers: set[str]) -> tuple[list[Proposed], dict[str, dict]]:
    """One entry per person named, with the post and branch the text gives, who stood in for whom, and the roles
    of chair and opener; also the entries by person, for the statements."""
    attendance: list[Proposed] = []
    by_person: dict[str, dict] = {}
    for mention in reading.mentions:
        if mention.person not in by_person and len(attendance) == ATTENDANCE_LIMIT:
            reading.left_out["attendance"] = (
                f"the article names more people than a fact sheet's attendance holds ({ATTENDANCE_LIMIT:,}): these "
                f"are the first {ATTENDANCE_LIMIT:,} named, and the rest are left out")
            continue
        if mention.person in by_person:
            entry = by_person[mention.person]
            if mention.post and "position" not in entry:
                entry["position"] = mention.post
                entry["evidence"] = _dedupe([*_as_list(entry["evidence"]), mention.passage])
                agency, agency_inferred = reading.agency_for(mention)
                if agency:
                    entry["agency"] = agency
                    if agency_inferred:
                        entry["inferred"] = ["agency"]
            continue
        entry = {"person": mention.person}
        review = [f'{reading.person_names(mention.person)[0]} is named: confirm they attended']
        if mention.post:
            entry["position"] = mention.post
            agency, agency_inferred = reading.agency_for(mention)
            if agency:
                entry["agency"] = agency
                if agency_inferred:
                    entry["inferred"] = ["agency"]
                    review.append(f"the agency follows from the post '{mention.post}' and the meeting's region")
        entry["evidence"] = mention.passage
        by_person[mention.person] = entry
        attendance.append(Proposed(entry, "; ".join(review)))
    _stand_ins(reading, by_person)
    for proposed in attendance:
        entry = proposed.fields
        if any(k in entry for k in ("represents", "represents_office", "represents_person")):
            proposed.review += "; it says they stood in for someone: confirm who"
        if chair and entry["person"] == chair.person:
            entry["roles"] = ["chair"]
        elif entry["person"] in openers:
            entry["roles"] = ["opener"]
    for group in find_groups(reading):
        if len(attendance) == ATTENDANCE_LIMIT:
            break
        attendance.append(Proposed({"position": group, "group": True, "evidence": group},
                                   "a group the text says attended, named as it prints it: confirm it, and give "
                                   "its agency when it has one"))
    return attendance, by_person


# Attendees named as a group: "para camat", "jajaran Forkopimda", "camat se-Kabupaten Kutai Kartanegara",
# "para camat dan kades se-Kabupaten Rawa Indah", "para kapolsek".
_GROUP_MEMBERS = (r"(?:camat|lurah|kepala\s+desa|kades|kapolsek|danramil|kepala\s+OPD|kepala\s+dinas|"
                  r"pejabat\s+utama|PJU|Forkopimda|Bhabinkamtibmas|Babinsa|PPK|PPS|KPPS|tokoh\s+(?:agama|masyarakat))")
_GROUP_SEAT = r"(?:\s+se-\s*(?:Kabupaten\s+|Kota\s+|Kab\.\s*|Provinsi\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
GROUP = re.compile(r"(?<![\w-])(?:(?:para|jajaran|seluruh)\s+" + _GROUP_MEMBERS + r"(?:\s+(?:dan|serta)\s+"
                   + _GROUP_MEMBERS + r")?" + _GROUP_SEAT + r"?|" + _GROUP_MEMBERS + _GROUP_SEAT + r")(?![\w-])")
ATTENDING = re.compile(r"\b(?:[Hh]adir|dihadiri|diikuti|[Tt]urut|didampingi|mengundang|melibatkan)\b")


def find_groups(reading: Reading) -> list[str]:
    """The groups a sentence about who attended names, each once, as printed."""
    groups: list[str] = []
    for match in GROUP.finditer(reading.text, reading.body_start()):
        line_start = reading.text.rfind("\n", 0, match.start()) + 1  # the paragraph so far: 'Inf.' ends no sentence
        if ATTENDING.search(reading.text, line_start, match.start()) \
                and match.group() not in groups:
            groups.append(match.group())
    return groups


def _stand_ins(reading: Reading, by_person: dict[str, dict]) -> None:
    """Who stood in for whom: 'X diwakili Y' (the branch X, the person Y) and 'Y yang mewakili Bupati X'."""
    text = reading.text
    for match in STAND_IN.finditer(text):
        sentence_start = text.rfind("\n", 0, match.start()) + 1
        if match.group("verb").lower().startswith("diwakili"):
            after = [m for m in reading.mentions if m.start >= match.end()][:1]
            if not after or after[0].start > match.end() + 40:
                continue
            stand_in = by_person.get(after[0].person)
            represented = reading.agency_named(" ".join(text[sentence_start:match.start()].split()))
            if stand_in is not None and represented:
                stand_in["represents"] = represented
                stand_in["evidence"] = _dedupe([*_as_list(stand_in["evidence"]),
                                                text[max(sentence_start, match.start() - 40):match.end()
                                                     + len(after[0].passage)].strip()])
        else:
            before = [m for m in reading.mentions if sentence_start <= m.start < match.start()]
            if not before:
                continue
            stand_in = by_person.get(before[-1].person)
            office = re.match(_ACTING + reading.posts + r"(?:\s+" + NAME_WORD + r"){0,3}", text[match.end():])
            if stand_in is None or not office:
                continue
            represented_person = [m for m in reading.mentions if match.end() <= m.start <= match.end() + 5]
            office_text = reading.trim_name(office.group()) if represented_person else office.group()
            office_text = re.sub(r"\s+(?:" + RANKS + r")$", "", office_text).strip()
            if represented_person:
                stand_in["represents_person"] = represented_person[0].person
                office_text = represented_person[0].post or office_text
            stand_in["represents_office"] = office_text
            stand_in["evidence"] = _dedupe([*_as_list(stand_in["evidence"]), text[match.start():match.end()
                                            + len(office.group())].strip()])


def draft_statements(reading: Reading, by_person: dict[str, dict]) -> list[Proposed]:
    """Every direct quote of three words or more, with its speaker and the speaker's branch; a speaker in the
    attendance without a role gets 'speaker'."""
    text = reading.text
    refs = reading.references()
    ref_starts = [start for start, _ in refs]
    statements: list[Proposed] = []
    ids = Ids()
    article = reading.article
    for match in QUOTE_SPANS.finditer(text):
        quote = (match.group("curly") or match.group("straight")).strip()
        if passages.quote_problem(article, quote) is not None:
            continue  # a quoted word or title ("Ops Mantap Praja") is not a statement; nor is what check would refuse
        if len(statements) == STATEMENTS_LIMIT:
            reading.left_out["statements"] = (
                f"the article has more quotes than a fact sheet holds ({STATEMENTS_LIMIT:,}): these are the first "
                f"{STATEMENTS_LIMIT:,}, and the rest are left out; keep the ones the digest needs")
            break
        speaker, how = _speaker(reading, refs, ref_starts, match)
        entry: dict = {}
        if speaker:
            short = reading.person_names(speaker)[0].split()[0].casefold()
            entry["id"] = ids.unique(slug(f"{short} {' '.join(quote.split()[:3])}"))
            entry["speaker"] = speaker
            agency = by_person.get(speaker, {}).get("agency") or by_person.get(speaker, {}).get("represents")
            if agency:
                entry["agency"] = agency
            review = f"{how} ({reading.person_names(speaker)[0]}): confirm the speaker"
        else:
            entry["id"] = ids.unique(slug(" ".join(quote.split()[:4])))
            review = f"{how}: found no speaker, name who said it (speaker)"
        entry["quote"] = quote
        topics = propose_topics(quote, reading.content.topics)
        if topics:
            entry["topics"] = topics
            review += "; confirm the topics"
        statements.append(Proposed(entry, review + "; add its English (quote_en)"))
        if speaker and speaker in by_person:
            roles = by_person[speaker].setdefault("roles", [])
            if not roles:
                roles.append("speaker")
    return statements


def _speaker(reading: Reading, refs: list[tuple[int, str]], ref_starts: list[int],
             match: re.Match) -> tuple[str | None, str]:
    """Who said a quote, and how the draft knows: the words after it ('ujar Rahmat', 'tegasnya': the person last
    named), else the person named before it in its paragraph. Only SPEAKER_WINDOW characters after the quote are
    read, and the person named last before it is looked up in `refs` (in text order, their starts `ref_starts`),
    so a paragraph of thousands of quotes is not read again for each."""
    text = reading.text
    sentences = Sentences.of(text)
    par_end = sentences.paragraph_span(match.end())[1]
    speech = SPEECH.match(text[match.end():min(par_end, match.end() + SPEAKER_WINDOW)])
    last_before = bisect.bisect_left(ref_starts, match.start()) - 1  # the last person named before the quote
    if speech:
        rest = speech.group("rest")
        verb = speech.group("verb") + (speech.group("nya") or "")
        if speech.group("nya") or PRONOUNS.match(rest) or not rest.strip() or rest.lstrip()[:1] in ".,":
            return (refs[last_before][1] if last_before >= 0 else None), (f"'{verb}' after the quote: taken as the "
                                                                          f"person last named")
        return reading.resolve(rest), f"'{verb} {' '.join(rest.split()[:3])}' after the quote"
    par_start = sentences.paragraph_span(match.start())[0]
    in_paragraph = last_before >= 0 and ref_starts[last_before] >= par_start
    return (refs[last_before][1] if in_paragraph else None), ("no speech verb after the quote: taken as the person "
                                                              "named before it in the paragraph")


def sheet_id_for(reading: Reading, meeting: DraftMeeting) -> str:
    """The fact sheet's id: the meeting's date as written, the region, the meeting's kind and words."""
    prefix = meeting.fields.get("date")
    prefix = prefix.isoformat() if isinstance(prefix, dt.date) else str(prefix).replace(" ", "-") \
        if prefix != "unknown" else "undated"
    head, words = id_words(meeting.name or "", meeting.kind.split("-")[0])
    return "-".join([prefix, reading.region, head, *words])


def draft_source(reading: Reading, source_file: str) -> tuple[dict, str]:
    """The source: the archived file, the outlet (dateline, --outlet or the address's host), headline, address,
    the publication date the address holds, the dateline; and its review mark."""
    source: dict = {"file": source_file}
    if not reading.outlet and reading.url:
        reading.outlet = re.sub(r"^www\.", "", re.sub(r"^[a-z]+://([^/]+).*$", r"\1", reading.url))
    if not reading.outlet:
        raise NewError("found no outlet in the dateline (like 'Kabar Lampung, Sukadana –') and no --url: "
                       "pass --outlet NAME")
    source["outlet"] = reading.outlet
    if reading.headline:
        source["headline"] = reading.headline
    source["headline_basis"] = reading.headline_basis
    if reading.url:
        source["url"] = reading.url
    published = published_in(reading.url)
    if published:
        source["published"], source["published_basis"] = published, "url"
    elif reading.published:
        source["published"], source["published_basis"] = reading.published["published"], "stated"
        source["published_evidence"] = reading.published["published_evidence"]
    source["language"] = "id"
    if reading.dateline:
        source["dateline"] = reading.dateline
    if reading.byline:
        source["byline"] = reading.byline
    if reading.partial:
        source["archive"] = "partial"
        source["archive_missing"] = {"id": "Teks berakhir di tengah kalimat: sumbernya memotongnya.",
                                     "en": "The text ends mid-sentence: its source cut it off."}
    review = "confirm the outlet, headline and dateline against the outlet's page"
    if published:
        review += "; the publication date is read from the address: confirm it there too"
    elif reading.published:
        review += "; the publication date is the one the text prints on a line of its own: confirm it is the article's"
    if reading.byline:
        review += "; the byline is the line that names the writer or editor"
    if reading.partial:
        review += ("; the text's last paragraph ends mid-sentence, so the archive is marked partial: if the article "
                   "does end there, delete archive and archive_missing, else say what is missing")
    return source, review


def draft_registry(reading: Reading) -> dict[str, list[Proposed]]:
    """The entries each registry file gains: the regions the draft refers to (the meeting's, and those of the
    branches it proposes), the branches, people and places."""
    referred = {reading.region, *(agency["region"] for agency in reading.new_agencies.values())}
    registry: dict[str, list] = {}
    for file_name, entries, why in (
            ("regions.yaml", {k: v for k, v in reading.new_regions.items() if k in referred},
             "a region the registry does not know; add its parent (the province) with a source, and short names "
             "the press uses"),
            ("agencies.yaml", reading.new_agencies, "a branch the registry does not know, named as the post "
                                                    "prints it or by the kind's abbreviation and the region; "
                                                    "use the press's name if an article gives one"),
            ("people.yaml", reading.new_people, "a person the registry does not know; check the spelling, rank "
                                                "and degrees against the article"),
            ("places.yaml", find_places(reading), "a place the registry does not know, in the meeting's region; "
                                                  "check its kind, and add its parent with a source if you know "
                                                  "it")):
        registry[file_name] = [Proposed({k: v for k, v in e.items() if not k.startswith("_")},
                                        f'{why}: "{e["_evidence"]}"') for e in entries.values()]
    return registry


# The words of a meeting's name that say nothing of its subject, for the fact sheet's id, and those that end the
# subject ("lintas sektoral dalam rangka ...", "netralitas aparatur desa menghadapi Pilkada").
ID_SKIPPED = frozenset({"rapat", "koordinasi", "tahun", "penyelenggaraan", "pelaksanaan", "serentak"})
ID_LINKING = frozenset({"dalam", "rangka", "guna", "untuk", "bersama", "dengan", "menghadapi", "jelang", "menjelang",
                        "dan", "di", "ke", "pada", "bagi", "terkait", "tentang", "mengenai", "serta", "oleh", "se"})
ID_ELECTIONS = frozenset({"pilkada", "pemilu", "psu", "pilgub", "pilbup", "pilwalkot", "pilpres", "pileg"})
# The election names the press writes out, as the id shortens them.
ELECTION_NAMES = ((re.compile(r"(?i)\bpemilihan\s+(?:bupati|gubernur|wali\s?kota)(?:\s+dan\s+wakil\s+"
                              r"(?:bupati|gubernur|wali\s?kota))?"), "Pilkada"),
                  (re.compile(r"(?i)\bpemilihan\s+umum\b"), "Pemilu"),
                  (re.compile(r"(?i)\bpemungutan\s+suara\s+ulang\b"), "PSU"))


def abbreviated(text: str) -> str:
    """Each expansion followed by its abbreviation, as the abbreviation: 'pengamanan Pemilihan Kepala Daerah
    (Pilkada)' -> 'pengamanan Pilkada'. The expansion is the fewest words before it whose initials the
    abbreviation spells in order, beginning with its first letter."""
    def shorten(match: re.Match) -> str:
        words, abbreviation = match.group("words").split(), match.group("abbreviation")
        letters = abbreviation.casefold()
        for n in range(1, len(words) + 1):
            initials = iter(letters)
            if words[-n][0].casefold() == letters[0] and all(w[0].casefold() in initials for w in words[-n:]):
                return " ".join([*words[:-n], abbreviation])
        return match.group()
    return re.sub(r"(?P<words>(?:[A-Za-z]+\s+){1,5})\((?P<abbreviation>[A-Za-z]+)\)", shorten, text)


def id_words(name: str, kind_word: str, limit: int = 3) -> tuple[str, list[str]]:
    """The meeting's words for the fact sheet's id: its kind ('rakor', or the name's own 'rakornas'), then what
    the meeting is about, up to the election it prepares ('pengamanan Pemilihan Kepala Daerah (Pilkada) serentak
    2024' -> 'pengamanan', 'pilkada'), at most `limit` words and never cut inside a capitalised name ('kesiapan
    Pemilihan Wali Kota ...' keeps 'kesiapan' and the election it names)."""
    text = abbreviated(name)
    for pattern, short in ELECTION_NAMES:
        text = pattern.sub(short, text)
    tokens = re.findall(r"[^\W_]+", text)
    head = kind_word
    if tokens and slug(tokens[0]).startswith(kind_word) and kind_word != "other":
        head = slug(tokens.pop(0))  # "rakornas", "sosialisasi"
    subject: list[tuple[str, int]] = []  # (word, the capitalised run it belongs to)
    election, run, capital, open_subject = None, 0, False, True
    for token in tokens:
        run += 0 if token[0].isupper() and capital else 1
        capital = token[0].isupper()
        word = slug(token)
        if word in ID_ELECTIONS:
            election = word
            break
        if word in ID_SKIPPED or word.isdigit() or word == head:
            continue
        if word in ID_LINKING:
            open_subject = False
        if open_subject:
            subject.append((word, run))
    if len(subject) > limit and subject[limit][1] == subject[limit - 1][1]:
        first = next(i for i, (_, r) in enumerate(subject) if r == subject[limit - 1][1])
        subject = subject[:first] if first else subject
    words = [word for word, _ in subject[:limit]]
    if election and len(words) < limit:
        words.append(election)
    return head, words


def published_in(url: str | None) -> dt.date | None:
    """The day an article's address holds (/2024/11/14/, /2024-11-14-), when it holds one and check reads it
    there too."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url or "")
    days = {day for match in re.finditer(r"(?<!\d)(20\d\d)([/-])(\d{1,2})\2(\d{1,2})(?!\d)", path)
            if (day := calendar_day(int(match.group(1)), int(match.group(3)), int(match.group(4))))
            and url_has_date(url, day)}
    return days.pop() if len(days) == 1 else None


def fit_passages(value: dict | list, text: str, article: passages.Article, key: str = "") -> None:
    """Widen (in place) every passage a draft copies that check would refuse for its shape: to the whole words of
    the text it is in, and an evidence passage of fewer than passages.EVIDENCE_WORDS words to the sentence around
    it, or on to the next words. Real articles seldom need it, but a rule can match inside a word of a text
    without spaces."""
    for name, item in list(value.items() if isinstance(value, dict) else enumerate(value)):
        field_name = name if isinstance(value, dict) else key
        if isinstance(item, (dict, list)):
            fit_passages(item, text, article, field_name)
        elif isinstance(item, str) and field_name in COPIED_FIELDS and field_name != "quote":
            least = passages.EVIDENCE_WORDS if field_name == "evidence" else 0
            written = normalise(item)
            if written in article.text and passages.span_problem(article, written, field_name, least) is not None:
                value[name] = fit_passage(text, item, least)


def fit_passage(text: str, passage: str, least: int) -> str:
    """A passage of the text widened to whole words, and to at least `least` words when the text has them."""
    start = text.find(passage)
    if start < 0:
        return passage
    start, end = passages.whole_words(text, start, start + len(passage))
    if passages.words(text[start:end]) < least:
        sentence = sentence_around(text, start, end)
        found = text.find(sentence, max(0, start - len(sentence)))
        if 0 <= found <= start:
            start, end = passages.whole_words(text, found, max(end, found + len(sentence)))
        after = end
        for word in re.finditer(r"\S+", text[after:]):
            if passages.words(text[start:end]) >= least:
                break
            end = passages.whole_words(text, start, after + word.end())[1]
    return text[start:end].strip()


PLACE_KINDS = {"desa": "village", "pekon": "village", "kampung": "village", "nagari": "village",
               "gampong": "village", "kelurahan": "urban-village", "kecamatan": "district", "distrik": "district",
               "pulau": "island"}


def find_places(reading: Reading) -> dict[str, dict]:
    """Named places below the region ('Kecamatan Kepulauan Muara', 'Pulau Sebira', 'Desa Way Muli') that the
    places registry lacks; a plural or generic mention ('para kepala desa', 'kecamatan se-...') names none."""
    known = {name.casefold() for place in reading.content.places for name in (place.name, *place.short_names)}
    ids = Ids(place.id for place in reading.content.places)
    found: dict[str, dict] = {}
    # a place's name is on the line of its kind ('Kepala Pekon' ending a headline names no 'Pekon Sinar Semaka')
    pattern = re.compile(r"\b(?P<kind>Desa|Pekon|Kampung|Nagari|Gampong|Kelurahan|Kecamatan|Distrik|Pulau)[ \t]+"
                         r"(?P<name>" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r"){0,2})")
    for match in pattern.finditer(reading.text):
        words = []
        for word in match.group("name").split():
            if word in STOP_WORDS or word.casefold() in PLACE_KINDS:
                break
            words.append(word)
        name = " ".join(words)
        if not name or reading.region_named(name) or name.casefold() in known:
            continue
        kind = PLACE_KINDS[match.group("kind").casefold()]
        full = f"{match.group('kind')} {name}"
        if full.casefold() in known or any(entry["name"] == full for entry in found.values()):
            continue
        place_id = ids.unique(slug(full))
        found[place_id] = {"id": place_id, "name": full, "kind": kind,
                           "region": reading.region, "_evidence": full}
    return found


@dataclass
class FoundFigure:
    """A figure where the text states it: its span, its fields so far, and what its review mark says."""

    start: int
    end: int
    entry: dict
    review: list[str]


# The order a figure's fields are written in, as the hand-made sheets have them.
FIGURE_FIELDS = ("id", "kind", "voter_list", "label", "value", "value_max", "approximation", "as_stated", "funding",
                 "recipient", "agencies", "part_of", "inferred")
FIGURE_STEMS = {"budget": "anggaran", "polling-stations": "tps", "vulnerable-polling-stations": "tps-rawan",
                "voters": "pemilih", "personnel": "personel", "villages": "desa", "districts": "kecamatan"}
# "27 TPS yang masuk kategori rawan", "38 TPS masuk kategori rawan", "63 TPS rawan", "TPS yang rentan".
VULNERABLE = re.compile(r"\s+(?:yang\s+)?(?:(?:masuk|termasuk|tergolong|berada)\s+(?:dalam\s+|di\s+)?)?"
                        r"(?:(?:kategori|kriteria|klasifikasi|status)\s+)?(?:sangat\s+)?(?:rawan|rentan)\b",
                        re.IGNORECASE)
# Where a budget's money comes from: "dana hibah ... Rp32,5 miliar", "Rp12,5 miliar dari APBD".
FUNDING_BEFORE = re.compile(r"\b(?P<funding>hibah|APBD|APBN)\b", re.IGNORECASE)
FUNDING_AFTER = re.compile(r"\s*(?:yang\s+)?(?:(?:ber)?sumber\s+dari|dari|melalui)\s+(?:dana\s+)?"
                           r"(?P<funding>hibah|APBD|APBN)\b", re.IGNORECASE)
# Words that announce a total's breakdown in the same sentence: "Rp32,5 miliar, terdiri atas Rp24 miliar ...".
BREAKDOWN = re.compile(r"\b(?:terdiri\s+(?:atas|dari)|rinciannya|meliputi|yakni|yaitu|masing-masing)\b",
                       re.IGNORECASE)
# The branch whose personnel are counted, named after the count ("150 personel dari Kodim 0431/Way Sejuk") or
# before its verb ("Polres Bukit Rimba menurunkan 412 personel", "pihaknya menyiagakan 320 personel").
PERSONNEL_OF = re.compile(r"\s+(?:gabungan\s+)?(?:(?:dari|milik|asal)\s+)?(?P<who>[A-Z][A-Za-z]*(?:\s+(?:\d[\d-]*"
                          r"(?:/[A-Z][\w'-]*)?|[A-Z][\w'-]*)){0,3})")
PERSONNEL_BY = re.compile(r"(?P<who>\S.*?)\s+(?:me|di)\w+\s+(?:sebanyak\s+)?$")
ON_ITS_SIDE = re.compile(r"\b(?:pihaknya|jajarannya)\s+(?:\w+\s+){1,2}(?:sebanyak\s+)?$")


def find_figures(reading: Reading, text: str) -> list[Proposed]:
    """Budgets and counts as the text states them, each with its sentence; ids, parts of totals, the branches
    whose personnel are counted."""
    # Each kind is read up to the limit's worth of figures in the body: those after it cannot be among the first
    # FIGURES_LIMIT (the figures of one kind, and the budgets and counts, never overlap).
    body_start = reading.body_start()
    limits = _Limits(body_start)
    found = _budgets(reading, text, limits)
    found += _counts(text, found, limits)
    found = _without_headline_repeats(reading, sorted(found, key=lambda figure: figure.start))
    if limits.reached or len(found) > FIGURES_LIMIT:
        found = found[:FIGURES_LIMIT]
        reading.left_out["figures"] = (
            f"the article states more figures than a fact sheet holds ({FIGURES_LIMIT:,}): these are the first "
            f"{FIGURES_LIMIT:,}, and the rest are left out; keep the ones the digest needs")
    for figure in found:
        if figure.entry["kind"] == "personnel":
            _personnel_agency(reading, text, figure)
    _name_figures(found)
    _mark_parts(text, found)
    proposals = []
    for figure in found:
        ordered = {name: figure.entry[name] for name in FIGURE_FIELDS if name in figure.entry}
        ordered["evidence"] = sentence_around(text, figure.start, figure.end)
        proposals.append(Proposed(ordered, "; ".join(figure.review)))
    return proposals


class _Limits:
    """Counts the figures one kind's reading has found, before the body and in it: a reading stops once
    FIGURES_LIMIT are in the body, and keeps no more than that before it (a headline)."""

    def __init__(self, body_start: int):
        self.body_start = body_start
        self.reached = False

    def start(self) -> None:
        self.headline = self.body = 0

    def full(self) -> bool:
        """Whether this kind's reading has found all the body figures it may."""
        self.reached = self.reached or self.body >= FIGURES_LIMIT
        return self.body >= FIGURES_LIMIT

    def room(self, start: int) -> bool:
        """Whether a figure at `start` may be taken (counted when it is)."""
        if start >= self.body_start:
            self.body += 1
            return True
        self.headline += 1
        return self.headline <= FIGURES_LIMIT


RECIPIENT = re.compile(r"\s+(?:untuk|bagi|kepada)\s+(?P<who>[A-Z][A-Za-z]+(?:\s+" + NAME_WORD + r"){0,3})")


def _budgets(reading: Reading, text: str, limits: _Limits) -> list[FoundFigure]:
    found = []
    limits.start()
    for match in MONEY.finditer(text):
        if limits.full():
            break
        value = whole_number(match.group("num"), match.group("scale"))
        if not value or not limits.room(match.start()):
            continue
        entry: dict = {"kind": "budget", "label": {"id": FIGURE_LABELS["budget"]}, "value": value}
        approx = APPROXIMATIONS.get((match.group("approx") or "").lower())
        if approx:
            entry["approximation"] = approx
        review = ["name what the amount is for (label.id, label.en)"]
        funding = _funding(text, match.start(), match.end())
        if funding:
            entry["funding"] = funding[0]
            review.append(f"the funding follows from '{funding[1]}'")
        recipient = RECIPIENT.match(text, match.end())
        if recipient:
            agency = reading.agency_named(recipient.group("who")) or reading.agency_named(
                recipient.group("who").split()[0])
            if agency:
                entry["recipient"] = agency
                if reading.agency_name(agency) not in recipient.group():
                    entry["inferred"] = ["recipient"]
                review.append(f"the recipient follows from '{recipient.group().strip()}'")
        entry["as_stated"] = match.group().strip()
        found.append(FoundFigure(match.start(), match.end(), entry, review))
    return found


def _funding(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The funding a budget's sentence names, and the words: after the amount ('dari APBD'), else the nearest
    before it ('dana hibah ... sebesar Rp32,5 miliar, terdiri atas Rp24 miliar')."""
    after = FUNDING_AFTER.match(text, end)
    sentence_start = sentence_span(text, start, end)[0]
    before = list(FUNDING_BEFORE.finditer(text, sentence_start, start))
    words = after or (before[-1] if before else None)
    if words is None:
        return None
    funding = words.group("funding")
    return (funding.lower() if funding.casefold() == "hibah" else funding.upper()), words.group().strip()


PER_UNIT = re.compile(r"\s+(?:(?:di|pada|untuk)\s+)?(?:setiap|tiap|per|masing-masing)\b", re.IGNORECASE)


def _counts(text: str, budgets: list[FoundFigure], limits: _Limits) -> list[FoundFigure]:
    # The spans taken, which never overlap: sorted by start, they are sorted by end too, so the one that could
    # overlap a new span is the last to start before it ends.
    taken = sorted((figure.start, figure.end) for figure in budgets)
    taken_starts = [start for start, _ in taken]
    found = []
    for kind, voter_list, pattern in COUNTS:
        limits.start()
        for match in pattern.finditer(text):
            if limits.full():
                break
            start = match.start("approx") if match.group("approx") else match.start("num")
            before = bisect.bisect_left(taken_starts, match.end()) - 1
            if before >= 0 and taken[before][1] > start:
                continue
            value = whole_number(match.group("num"))
            if value is None or PER_UNIT.match(text, match.end()):
                continue  # 'dua personel di setiap TPS' is a rate, not a count
            figure_kind = kind
            if kind == "polling-stations" and VULNERABLE.match(text, match.end()):
                figure_kind = "vulnerable-polling-stations"
            label = FIGURE_LABELS.get(voter_list or "", FIGURE_LABELS[figure_kind])
            entry = {"kind": figure_kind, "label": {"id": label}, "value": value}
            approx = APPROXIMATIONS.get((match.group("approx") or "").lower())
            if approx:
                entry["approximation"] = approx
            if "upto" in match.groupdict() and match.group("upto"):
                entry["value_max"] = whole_number(match.group("upto"))
                if entry["value_max"] is None or entry["value_max"] <= entry["value"]:
                    continue
            if voter_list:
                entry["voter_list"] = voter_list
            if not limits.room(start):
                continue
            entry["as_stated"] = text[start:match.end()].strip()  # "187.530 pemilih", not the words before
            at = bisect.bisect_left(taken_starts, start)
            taken.insert(at, (start, match.end()))
            taken_starts.insert(at, start)
            found.append(FoundFigure(start, match.end(), entry, [
                "confirm what the number counts (label) and whether it covers the whole region (scope)"]))
    return found


def _without_headline_repeats(reading: Reading, found: list[FoundFigure]) -> list[FoundFigure]:
    """A figure of the headline that the body states again is the body's: proposed once, with the body's
    sentence ('Siapkan 412 TPS' above, 'tersebar di 412 TPS' below)."""
    body_start = reading.body_start()
    body = {(f.entry["kind"], f.entry.get("value")) for f in found if f.start >= body_start}
    return [f for f in found if f.start >= body_start or (f.entry["kind"], f.entry.get("value")) not in body]


def _personnel_agency(reading: Reading, text: str, figure: FoundFigure) -> None:
    """The branch whose personnel a count gives, when its sentence names it: after the count ('150 personel dari
    Kodim 0431/Way Sejuk'), as the subject of its verb ('Polres Bukit Rimba menurunkan 412 personel'), or as the
    side of the post holder named before 'pihaknya'."""
    after = PERSONNEL_OF.match(text, figure.end)
    words = after.group("who").split() if after else []
    for n in range(len(words), 0, -1):  # "Polres Way Sejuk Siap": the longest words that name a branch
        agency = reading.agency_named(" ".join(words[:n]))
        if agency:
            figure.entry["agencies"] = [agency]
            figure.review.append(f"the agency follows from '{after.group().strip()}'")
            return
    sentence_start = sentence_span(text, figure.start, figure.end)[0]
    before = text[sentence_start:figure.start]
    if ON_ITS_SIDE.search(before):
        holders = [m for m in reading.mentions if sentence_start <= m.start < figure.start and m.post]
        agency = reading.agency_for(holders[-1])[0] if holders else None
        if agency:
            figure.entry["agencies"] = [agency]
            figure.review.append(f"the agency follows from 'pihaknya' after '{holders[-1].post}'")
        return
    subject = PERSONNEL_BY.search(before)
    agency = reading.agency_named(subject.group("who")) if subject else None
    if agency:
        figure.entry["agencies"] = [agency]
        figure.review.append(f"the agency follows from '{subject.group().strip()}'")


def _name_figures(found: list[FoundFigure]) -> None:
    ids = Ids()
    for figure in found:
        entry = figure.entry
        stem = FIGURE_STEMS[entry["kind"]]
        if entry.get("voter_list", "unspecified") != "unspecified":
            stem = entry["voter_list"].lower()
        if entry.get("recipient"):
            stem += "-" + entry["recipient"].split("-")[0]
        entry["id"] = ids.unique(slug(stem))


def _mark_parts(text: str, found: list[FoundFigure]) -> None:
    """Parts of a total: the budgets after it, each with a recipient or announced in the total's sentence
    ('terdiri atas', 'rinciannya'), that add up to it exactly."""
    budgets = [figure for figure in found if figure.entry["kind"] == "budget"]
    for i, total in enumerate(budgets):
        if total.entry.get("recipient"):
            continue
        sentence_end = sentence_span(text, total.start, total.end)[1]
        announced = BREAKDOWN.search(text, total.end, sentence_end)
        parts, running = [], 0
        for part in budgets[i + 1:]:
            in_breakdown = announced is not None and announced.start() < part.start < sentence_end
            if not (part.entry.get("recipient") or in_breakdown) or running >= total.entry["value"]:
                break
            parts.append(part)
            running += part.entry["value"]
        if parts and running == total.entry["value"]:
            for part in parts:
                part.entry["part_of"] = total.entry["id"]
                part.review.append(f"the parts add up to {total.entry['id']}, so it is marked part of it")


def propose_topics(quote: str, topics) -> list[str]:
    """Topics whose Indonesian name the quote states, word for word or by root: every word of one of the name's
    parts ('Politik uang' needs both words; 'Anggaran dan dana hibah' needs 'anggaran', or 'dana' and 'hibah')."""
    roots = {_root(w.casefold()) for w in re.findall(r"\w+", quote)}
    chosen = []
    for topic in topics:
        for part in re.split(r"\s+dan\s+", topic.name.id.casefold()):
            words = [w for w in re.findall(r"\w+", part) if len(w) >= 4]
            if words and all(_root(w) in roots for w in words):
                chosen.append(topic.id)
                break
    return chosen[:3]


def _root(word: str) -> str:
    word = re.sub(r"^(?:ke|pe[mnr]?|me[mn]?|ber|di|se)", "", word)
    return re.sub(r"(?:an|kan|nya|itas|i)$", "", word)


def _clause(text: str, limit: int = 200) -> str:
    """The text up to its first comma, cut at a word within `limit` characters."""
    clause = next((part.strip() for part in text.split(",") if part.strip()), text.strip())
    return clause if len(clause) <= limit else clause[:limit].rsplit(" ", 1)[0]


def _lead(reading: Reading) -> str:
    lines = [p.strip() for p in reading.paragraphs if p.strip()]
    if reading.headline_basis == "first-line" and len(lines) > 1:
        lines = lines[1:]
    if reading.published and lines and lines[0] == reading.paragraphs[reading.published["_line"]].strip():
        lines = lines[1:]  # the publication date on a line of its own is no sentence of the article
    first = lines[0] if lines else ""
    if reading.dateline:
        first = first[len(reading.dateline["text"]):].strip() if first.startswith(reading.dateline["text"]) else first
    return sentence_around(first, 0, min(len(first), 1)) or first


def _as_list(value) -> list:
    return list(value) if isinstance(value, list) else [value]


def _dedupe(items: list[str]) -> list[str] | str:
    """Passages without repeats, and none inside another; a single one stays a plain string."""
    kept: list[str] = []
    for item in items:
        if item and not any(normalise(item) in normalise(other) for other in kept):
            kept = [other for other in kept if normalise(other) not in normalise(item)] + [item]
    return kept[0] if len(kept) == 1 else kept


# ---------------------------------------------------------------- writing the draft as YAML

def scalar(value) -> str:
    """One YAML scalar, quoted where it must be, on one line whatever the text holds: PyYAML writes a text with a
    line break over several lines, and a following line could read as a comment (a review mark), so such a text
    is written double-quoted with its breaks and controls as escapes."""
    if isinstance(value, dt.date):
        return value.isoformat()
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=math.inf)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if "\n" in dumped or (isinstance(value, str) and _UNSAFE_IN_LINE.search(value)):
        return '"' + _UNSAFE_IN_QUOTES.sub(_yaml_escape, value) + '"'
    return dumped


# What may not stand as itself on a line of a draft: line breaks, controls, separators, a BOM, surrogates.
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]")
_UNSAFE_IN_QUOTES = re.compile('[\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]')


def _yaml_escape(match: re.Match) -> str:
    char = match.group()
    return {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char) or f"\\u{ord(char):04x}"


def emit(value, indent: int, lines: list[str], reviews: dict | None = None) -> None:
    pad = " " * indent
    for key, item in value.items():
        review = (reviews or {}).get(key)
        if review:
            lines.append(f"{pad}# review: {_comment(review)}")
        if isinstance(item, dict):
            if set(item) <= {"id", "en"}:
                lines.append(f"{pad}{key}:")
                for sub, text in item.items():
                    lines.append(f"{pad}  {sub}: {scalar(text)}")
            else:
                lines.append(f"{pad}{key}:")
                emit(item, indent + 2, lines)
        elif isinstance(item, list):
            if all(isinstance(x, str) and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.' -]*", x) for x in item):
                # ids and short names: [kpu, bawaslu]; each as scalar writes it, so that a word YAML 1.1 reads
                # as something else (Yes, On, No, Null, 2024) is quoted and stays text.
                lines.append(f"{pad}{key}: [{', '.join(scalar(x) for x in item)}]")
            else:
                lines.append(f"{pad}{key}:")
                for x in item:
                    lines.append(f"{pad}  - {scalar(x)}")
        else:
            lines.append(f"{pad}{key}: {scalar(item)}")


def emit_items(key: str, items: list[Proposed], lines: list[str], left_out: str | None = None) -> None:
    if items:
        lines += ["", *([f"# review: {_comment(left_out)}"] if left_out else []), f"{key}:",
                  render_entries(items).rstrip("\n")]


def _comment(text: str) -> str:
    return " ".join(text.split())


def render_sheet(draft: Draft) -> str:
    from .load import schema_comment

    lines = [schema_comment(model.FactSheet), f"id: {draft.sheet_id}", ""]
    for part in ("source", "meeting", "summary"):
        emit({part: draft.sheet[part]}, 0, lines, draft.reviews)
        lines.append("")
    lines.pop()
    if draft.attendance:
        emit_items("attendance", draft.attendance, lines, draft.left_out.get("attendance"))
    else:
        lines += ["", "# review: found no one named with a post: list who attended (attendance)", "attendance: []"]
    emit_items("statements", draft.statements, lines, draft.left_out.get("statements"))
    emit_items("figures", draft.figures, lines, draft.left_out.get("figures"))
    return "\n".join(lines) + "\n"


def render_entries(items: list[Proposed]) -> str:
    lines: list[str] = []
    for proposed in items:
        lines.append(f"  # review: {_comment(proposed.review)}")
        block: list[str] = []
        emit(proposed.fields, 4, block)
        block[0] = "  - " + block[0][4:]
        lines.extend(block)
    return "\n".join(lines) + "\n"


def insert_entries(text: str, key: str, entries: str, where: str) -> str:
    """The registry file's text with `entries` added at the end of its top-level list `key`."""
    lines = text.split("\n")
    try:
        start = next(i for i, line in enumerate(lines)
                     if re.match(rf"^{re.escape(key)}:\s*(?:\[\s*\]\s*)?(?:#.*)?$", line))
    except StopIteration:
        raise NewError(f"{where}: expected a top-level '{key}:' list to add the proposed entries to, found none "
                       f"(restore the file's '{key}:' line)") from None
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#", "-"))),
               len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    if re.match(rf"^{re.escape(key)}:\s*\[\s*\]\s*$", lines[start]):
        lines[start] = f"{key}:"
    # The entries take the indentation of the list's items ("  - id:" or "- id:").
    item = next((re.match(r"^( *)- ", line) for line in lines[start + 1:end] if re.match(r"^ *- ", line)), None)
    shift = 2 - len(item.group(1)) if item else 0
    added = [line[shift:] if shift > 0 else " " * -shift + line for line in entries.rstrip("\n").split("\n")]
    return "\n".join(lines[:end] + added + lines[end:])


# ---------------------------------------------------------------- the command

def new(root: Path, article: Path, url: str | None = None, outlet: str | None = None,
        headline: str | None = None) -> Draft:
    """Archive the text, write the draft and the registry proposals; returns the draft."""
    from .load import Reader, read_content, schema_comment

    if url is not None:
        check_url(url)
    content_dir = root / "content"
    reader = Reader(root, [])
    text = reader.read_text(article)
    if text is None:
        raise ContentErrors(reader.problems)
    if not text.strip():
        raise NewError(f"{display_path(article, root)}: expected an article's text, found an empty file")
    loaded = read_content(content_dir, root)
    content = loaded.content
    for name, archived in content.sources.items():
        if normalise(archived) == normalise(text):
            citing = [s.id for s in content.sheets if s.source.file == name]
            cited = f", cited by content/articles/{citing[0]}.yaml" if citing else ""
            raise NewError(f"{display_path(article, root)}: this text is already archived as "
                           f"content/sources/{name}{cited} (edit that fact sheet instead)")
    reading = Reading(text, content, outlet, url, headline)
    draft = build(reading, lambda sheet_id: f"{sheet_id}.txt")
    sheet_path = content_dir / "articles" / f"{draft.sheet_id}.yaml"
    source_path = content_dir / "sources" / draft.source_file
    for path in (sheet_path, source_path):
        if os.path.lexists(path):
            raise NewError(f"{display_path(path, root)} already exists (a meeting with this date, region and "
                           f"name is in the digest: edit it, or archive this text under another name)")
    writes: dict[Path, str] = {source_path: text, sheet_path: render_sheet(draft)}
    for file_name, items in draft.registry.items():
        if items:
            path = content_dir / "registry" / file_name
            key = file_name.removesuffix(".yaml")
            # places.yaml is optional: the first place proposed creates it.
            current = path.read_text(encoding="utf-8") if os.path.lexists(path) else (
                schema_comment(model.PlacesFile) + "\nplaces:\n")
            writes[path] = insert_entries(current, key, render_entries(items), display_path(path, root))
    _write_all(writes)
    return draft


def check_url(url: str) -> None:
    """Refuse an address the fact sheet could not keep (model.Url): one with a space, a line break or a control
    character would be written over several lines of YAML, or be refused by check after the draft was written."""
    pattern = typing.get_args(model.Url)[1].pattern
    if not re.match(pattern, url) or FORBIDDEN_IN_VALUES.search(url):
        raise NewError(f"--url: expected an http:// or https:// address without spaces, line breaks or control "
                       f"characters, received {url!r} (copy the address from the browser's address bar)")


def _write_all(writes: dict[Path, str]) -> None:
    """Every file or none: each is written beside its target, then all are renamed into place."""
    temporary: list[tuple[Path, Path]] = []
    try:
        for path, text in writes.items():
            tmp = path.with_name(f".{path.name}.new-{os.getpid()}")
            with open(tmp, "x", encoding="utf-8", newline="") as handle:
                handle.write(text)
            temporary.append((tmp, path))
        for tmp, path in temporary:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temporary:
            if tmp.exists():
                tmp.unlink()
