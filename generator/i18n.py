"""Languages: gettext catalogs for interface strings, Babel for dates, numbers and money."""

from __future__ import annotations

import datetime as dt
import functools
import io
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from babel.support import Translations

from . import model

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"

# How each language writes an amount of rupiah: Indonesian "Rp69 miliar", English "IDR 69 billion".
_MONEY_PATTERN = {"id": "Rp{amount}", "en": "IDR {amount}"}


N_ = model.N_  # marks an interface string for extraction where it is translated later, not on the spot


def catalog_path(lang: str) -> Path:
    """The version-controlled .po catalog of one language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> Translations:
    """The gettext translations of one language, compiled in memory from its .po catalog."""
    with catalog_path(lang).open("rb") as po_file:
        catalog = read_po(po_file, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@functools.cache
def locale(lang: str) -> Locale:
    """The Babel locale of a language, parsed once."""
    return Locale.parse(lang)


class Formatter:
    """Formats dates, numbers and money for one language; every page of that language uses one."""

    def __init__(self, lang: str):
        self.lang = lang
        self.locale = locale(lang)
        self.gettext = translations(lang).gettext
        self.ngettext = translations(lang).ngettext
        # Pages repeat the same few thousand dates and numbers; Babel formats each one once.
        # Ranges follow the day-month order of the other dates ('18–20 Nov 2024'), which Babel's "en" does not.
        self.interval_locale = Locale.parse("en_GB") if lang == "en" else self.locale
        for name in ("date", "long_date", "short_date", "month", "when", "number", "percent", "money", "money_exact", "quantity"):
            setattr(self, name, functools.lru_cache(maxsize=1 << 15)(getattr(self, name)))

    def date(self, value: dt.date, precision: str = "day") -> str:
        """'Senin, 5 Februari 2024' / 'Monday, 5 February 2024'; month or year alone when that is all we know."""
        pattern = {"day": "EEEE, d MMMM y", "month": "MMMM y", "year": "y"}[precision]
        return format_date(value, pattern, locale=self.locale)

    def when(self, value, long: bool = False, weekday: bool = False) -> str:
        """A date known to a precision (model.When), saying no more than is known: '20 Nov 2024', 'Nov 2024',
        '2024', '18–20 Nov 2024', 'before 14 Feb 2024', 'date not known'; `long` spells the month out, and
        `weekday` (an exact day only) names the day of the week."""
        precision = value.precision
        day = "d MMMM y" if long else "d MMM y"
        if precision == "day":
            return format_date(value.start, ("EEEE, " if weekday else "") + day, locale=self.locale)
        if precision == "month":
            return format_date(value.start, "MMMM y" if long else "MMM y", locale=self.locale)
        if precision == "year":
            return format_date(value.start, "y", locale=self.locale)
        if precision == "range":
            # CLDR has no interval pattern with the month spelled out (yMMMMd) for id or en_GB.
            return format_interval(value.start, value.end, "yMMMd", locale=self.interval_locale)
        if precision in ("before", "by"):
            bound = self.gettext("before %(date)s") if precision == "before" else self.gettext("by %(date)s")
            return bound % {"date": format_date(value.bound, day, locale=self.locale)}
        return self.gettext("date not known")

    def time(self, value: dt.time) -> str:
        """'13.00' / '13:00': a time of day on the language's 24-hour clock."""
        return format_skeleton("Hm", value, locale=self.locale)

    def long_date(self, value: dt.date) -> str:
        """'21 November 2024': a day without its weekday, which the source did not give."""
        return format_date(value, "d MMMM y", locale=self.locale)

    def short_period(self, start: dt.date, end: dt.date | None = None) -> str:
        """'14 Feb 2024', or '28 Sep 2023 – 10 Feb 2024' for a period."""
        return self.short_date(start) + (f" \u2013 {self.short_date(end)}" if end else "")

    def short_date(self, value: dt.date) -> str:
        """'5 Feb 2024', for tables and lists."""
        return format_date(value, "d MMM y", locale=self.locale)

    def day_month(self, value: dt.date) -> str:
        """'27 Nov', where the year is said beside it."""
        return format_date(value, "d MMM", locale=self.locale)

    def month(self, value: dt.date) -> str:
        """'Februari 2024' / 'February 2024', for grouping."""
        return format_date(value, "MMMM y", locale=self.locale)

    def number(self, value: int | float | Decimal, digits: int = 0) -> str:
        """'823.417' / '823,417'."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float) -> str:
        """'58%' in both languages, with the language's decimal mark when needed."""
        return format_percent(value, locale=self.locale)

    def money(self, value: int) -> str:
        """'Rp69 miliar' / 'IDR 69 billion': long compact words, never an ambiguous '69 M'."""
        if abs(value) >= 1_000_000:
            # Round at the amount's own scale first: Babel picks the word before rounding, so 999,999,999
            # would otherwise come out as "1000 million" instead of "1 billion".
            scale = Decimal(1000) ** ((len(str(abs(int(value)))) - 1) // 3)
            rounded = (Decimal(value) / scale).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN) * scale
            amount = format_compact_decimal(rounded, format_type="long", locale=self.locale, fraction_digits=2)
        else:
            amount = format_decimal(value, locale=self.locale)
        return _MONEY_PATTERN[self.lang].format(amount=amount)

    def money_exact(self, value: int) -> str:
        """'Rp69.000.000.000' / 'IDR 69,000,000,000', for tables a reader sorts and for exports."""
        return _MONEY_PATTERN[self.lang].format(amount=format_decimal(value, locale=self.locale))

    def quantity(self, value: int, unit: str) -> str:
        """A figure with its unit, in words."""
        if unit == "IDR":
            return self.money(value)
        number = self.number(value)
        units = {
            "polling-stations": self.ngettext("%(num)s polling station", "%(num)s polling stations", value),
            "voters": self.ngettext("%(num)s voter", "%(num)s voters", value),
            "persons": self.ngettext("%(num)s person", "%(num)s persons", value),
            "villages": self.ngettext("%(num)s village", "%(num)s villages", value),
            "districts": self.ngettext("%(num)s district", "%(num)s districts", value),
        }
        return units[unit] % {"num": number}


@functools.cache
def formatter(lang: str) -> Formatter:
    """One Formatter per language, shared by every page and export (it holds no per-page state), so its caches
    of formatted dates and numbers last from one build of `make serve` to the next."""
    return Formatter(lang)
