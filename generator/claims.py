"""What a summary claims: its numbers, durations and names, and whether the sheet gives each.

A summary is in the digest's own words, so its numbers cannot be checked as passages are. Instead each number
in it (in figures: '1.621', 'Rp69 miliar', '823,417', 'IDR 40 billion', '58%') must be one the article states,
a figure's value, a share of a budget the sheet derives, or a part of the meeting's date; each duration ('sepekan',
'nine days', 'dua minggu') must be stated in the article or be the distance between the meeting's day and a date
the article gives; each person the registry names must be one the sheet lists. `verify` reports what is not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal


def number_pattern(thousands: str, point: str, multipliers: str, percent: bool = True) -> re.Pattern:
    """Numbers written in figures: the whole part, grouped by `thousands` or not ('1.621', '1621'), decimals
    after `point`, a multiplier word of `multipliers` ('miliar') and, with `percent`, a percent sign; groups
    (whole, decimals, multiplier[, percent]). Nothing of a number comes right before or after one ('1.2.3')."""
    groups, decimals = re.escape(thousands), re.escape(point)
    # The lookbehind comes after the first digit (and spans it): a pattern that starts with a lookbehind makes
    # the regex engine try every position of the text, six times slower on an article than skipping to a digit.
    return re.compile(rf"(\d(?<![\d.,]\d)(?:\d{{0,2}}(?:{groups}\d{{3}})+|\d*))(?:{decimals}(\d+))?(?![\d.,]\d)"
                      rf"(?:\s*({multipliers})\b)?" + (r"(\s*%)?" if percent else ""))


_ID_NUMBER = number_pattern(".", ",", "ribu|rb|juta|jt|miliar|milyar|triliun")
_EN_NUMBER = number_pattern(",", ".", "thousand|million|billion|trillion")
#: As a figure's `as_stated` may write it: also 'M' (miliar) and 'T' (triliun), as budgets are abbreviated.
FIGURE_NUMBER = number_pattern(".", ",", "ribu|rb|juta|jt|miliar|milyar|M|triliun|T", percent=False)
MULTIPLIERS = {"": 1, "ribu": 10 ** 3, "rb": 10 ** 3, "juta": 10 ** 6, "jt": 10 ** 6, "miliar": 10 ** 9,
               "milyar": 10 ** 9, "M": 10 ** 9, "triliun": 10 ** 12, "T": 10 ** 12, "thousand": 10 ** 3,
               "million": 10 ** 6, "billion": 10 ** 9, "trillion": 10 ** 12}


def number_value(whole: str, decimals: str | None, thousands: str = ".") -> Decimal:
    """The value of a number's whole part and decimals as number_pattern matched them, before its multiplier."""
    return Decimal(whole.replace(thousands, "") + ("." + decimals if decimals else ""))

_WORDS = {
    "id": {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
           "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "se": 1},
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1},
}
_UNITS = {"id": {"hari": 1, "minggu": 7, "pekan": 7, "bulan": 30, "tahun": 365},
          "en": {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": 30, "months": 30,
                 "year": 365, "years": 365}}
_MONTHS = {name: number for number, names in enumerate((
    ("januari", "january", "jan"), ("februari", "february", "feb"), ("maret", "march", "mar"),
    ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
    ("agustus", "august", "agu", "aug"), ("september", "sep", "sept"), ("oktober", "october", "okt", "oct"),
    ("november", "nov"), ("desember", "december", "des", "dec")), start=1) for name in names}


def _durations(lang: str) -> re.Pattern:
    words = "|".join(sorted((w for w in _WORDS[lang] if w != "se"), key=len, reverse=True))
    units = "|".join(sorted(_UNITS[lang], key=len, reverse=True))
    if lang == "id":  # 'sepekan', 'seminggu', 'sebulan', 'dua pekan', '9 hari'
        return re.compile(rf"(?<![\w-])(?:(\d+|{words})\s+|se)({units})(?![\w-])", re.IGNORECASE)
    return re.compile(rf"(?<![\w-])(\d+|{words})[\s-]+({units})(?![\w-])", re.IGNORECASE)


_DURATION = {lang: _durations(lang) for lang in ("id", "en")}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class Claim:
    """A number or a duration a summary states, as written, with its value (days, for a duration)."""

    text: str
    value: Decimal
    duration: bool = False


def summary_claims(text: str, lang: str) -> list[Claim]:
    """The durations, then the other numbers, that a summary in one language states."""
    claims, taken = [], []
    folded = text.casefold()
    units = _UNITS[lang] if any(unit in folded for unit in _UNITS[lang]) else ()
    for match in _DURATION[lang].finditer(text) if units else ():
        amount = match.group(1)
        count = 1 if amount is None else int(amount) if amount.isdigit() else _WORDS[lang][amount.lower()]
        claims.append(Claim(match.group().strip(), Decimal(count * _UNITS[lang][match.group(2).lower()]), True))
        taken.append(match.span())
    pattern, thousands = (_ID_NUMBER, ".") if lang == "id" else (_EN_NUMBER, ",")
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        whole, decimals, word, percent = match.groups()
        value = number_value(whole, decimals, thousands)
        claims.append(Claim(match.group().strip(), value if percent else value * MULTIPLIERS[word or ""]))
    return claims


def stated_values(article: str) -> set[Decimal]:
    """Every number the article writes in figures, with and without its multiplier ('Rp69 miliar' gives 69 and
    69,000,000,000)."""
    values = set()
    for match in _ID_NUMBER.finditer(article):
        whole, decimals, word, _ = match.groups()
        value = number_value(whole, decimals)
        values.add(value)
        values.add(value * MULTIPLIERS[word or ""])
    return values


def stated_durations(article: str) -> set[Decimal]:
    """The durations, in days, that the article itself states ('setiap lima tahun')."""
    return {claim.value for claim in summary_claims(article, "id") if claim.duration}


def stated_dates(article: str) -> set[dt.date]:
    """The days the article writes out: '27 November 2024', '(5/2/2024)'."""
    days = set()
    for day, month, year in _DAY_MONTH_YEAR.findall(article):
        if month.lower() in _MONTHS:
            days.add(calendar_day(int(year), _MONTHS[month.lower()], int(day)))
    for day, month, year in _NUMERIC_DATE.findall(article):
        days.add(calendar_day(int(year), int(month), int(day)))
    days.discard(None)
    return days


def calendar_day(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None when the calendar has no such day (31 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_STATED_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])")
_STATED_WORDS = re.compile(r"(?<!\d)(?:(\d{1,2})\s+)?([A-Za-z]+)(?:\s+(\d{4}))?(?!\d)")


def date_parts(text: str) -> tuple[int | None, int | None, int | None] | None:
    """The day, month and year that a date as written gives ('Senin (5/2/2024)': 5, 2, 2024; '(26/08)': 26, 8,
    None; 'Rabu, 20 November 2024': 20, 11, 2024), each None where it gives none; None when it writes no date."""
    numeric = _STATED_NUMERIC.search(text)
    if numeric is not None:
        day, month, year = numeric.groups()
        year_value = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
        return int(day), int(month), year_value
    for match in _STATED_WORDS.finditer(text):
        day, month, year = match.groups()
        if month.lower() in _MONTHS and (day or year):
            return (int(day) if day else None), _MONTHS[month.lower()], (int(year) if year else None)
    return None


# Ranks and titles after which the press prints a person's name ('AKBP Andik Purnomo Sigit', 'Bupati Musa Ahmad',
# 'KPU chair Irawan Indrajaya'), in either language; compared in any letter case.
TITLES = frozenset("""
    aiptu akbp akp bripka brigjen iptu ipda irjen kombes kompol letkol kolonel kapten mayor mayjen
    asisten bupati camat dandim danrem gubernur kades kajari kapolda kapolres kapolsek kepala ketua pj pjs plt
    penjabat sekda wakil wali walikota
    assistant chair chairman chairwoman chief commander governor head mayor regent secretary
""".split())
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.-]*|\S")


# Capitalised words of the election's own vocabulary that follow a title without naming anyone: 'Pemilihan
# Kepala Daerah Serentak 2024', 'Kepala Desa se-Kabupaten', 'Ketua Panitia Pemilihan Kecamatan'.
NOT_NAMES = frozenset({
    "daerah", "desa", "serentak", "umum", "pemilihan", "pemilu", "pilkada", "tahun", "provinsi", "kabupaten", "kota",
    "kecamatan", "kelurahan", "wilayah", "negeri", "republik", "indonesia", "pusat", "tetap", "sementara", "panitia",
    "pemungutan", "suara", "daftar", "pemilih", "tempat", "badan", "komisi", "pengawas", "dinas", "bagian", "bidang",
    "satuan", "polisi", "pamong", "praja", "pemerintahan", "pemerintah", "dewan", "perwakilan", "rakyat", "sekretariat",
    "kantor", "dalam", "negara", "sipil", "aparatur", "kepolisian", "resor", "distrik", "militer", "komando",
})


def titled_names(text: str, known_words: frozenset[str]) -> list[str]:
    """The runs of capitalised words that follow a rank or a title in a text, as the press prints a person's name
    after them ('Bupati Musa Ahmad' gives 'Musa Ahmad'); words in `known_words` (case-folded words of the names
    of regions, agencies, places and terms) and acronyms between the title and the name are passed over, so
    'Kapolres Lampung Barat AKBP Rinaldo Aser' gives 'Rinaldo Aser'. A run of known words only is no name."""
    # Each word, and whether a full stop ends it (a sentence ends there: 'gubernur. Ia ...' names nobody).
    tokens = [(m.group().rstrip(".'\u2019"), m.group().endswith(".")) for m in _TOKEN.finditer(text)]
    runs = []
    i = 0
    while i < len(tokens):
        if tokens[i][0].casefold() not in TITLES or tokens[i][1]:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and not tokens[j][1] and (tokens[j][0].casefold() in TITLES or tokens[j][0].isupper()
                                                         or tokens[j][0].casefold() in known_words
                                                         or tokens[j][0].casefold() in NOT_NAMES):
            j += 1
        run = []
        while j < len(tokens) and tokens[j][0][:1].isupper() and not tokens[j][0].isupper() \
                and tokens[j][0].casefold() not in TITLES and tokens[j][0].casefold() not in NOT_NAMES:
            run.append(tokens[j][0])
            j += 1
            if tokens[j - 1][1]:
                break
        if run and not all(word.casefold() in known_words for word in run):
            runs.append(" ".join(run))
        i = j if j > i + 1 else i + 1
    return runs
