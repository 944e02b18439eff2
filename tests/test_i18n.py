"""Interface-string catalogs (complete, current, consistent) and the formats of dates, numbers and money."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.pofile import read_po

from generator.i18n import LANGUAGES, LOCALE_DIR, Formatter, catalog_path

REPO_ROOT = Path(__file__).resolve().parent.parent
POT = LOCALE_DIR / "messages.pot"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang)


def messages(catalog: Catalog) -> dict:
    return {message.id: message for message in catalog if message.id}


def makefile_keywords() -> list[str]:
    """The -k options of the Makefile's `messages` target, so this test follows the Makefile."""
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\nmessages:", 1)[1].split("\n\n", 1)[0]
    found = re.findall(r"-k\s+(\S+)", target)
    assert found, "no -k options in the Makefile's messages target"
    return found


def extract_messages() -> set:
    """Extract the interface strings as `make messages` does (babel.cfg, the Makefile's keywords), in memory."""
    with (REPO_ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = dict(DEFAULT_KEYWORDS)  # pybabel extract keeps the defaults unless --no-default-keywords
    keywords.update(parse_keywords(makefile_keywords()))

    def only_sources(directory: str) -> bool:  # babel.cfg only maps generator/**; skip walking the rest
        relative = os.path.relpath(directory, REPO_ROOT).replace(os.sep, "/")
        name = os.path.basename(directory)
        return relative == "." or (relative.split("/")[0] == "generator" and not name.startswith((".", "_")))

    catalog = Catalog()
    for _filename, lineno, message, comments, context in extract_from_dir(
            REPO_ROOT, method_map, options_map, keywords=keywords, directory_filter=only_sources):
        catalog.add(message, None, [], context=context)
    return set(messages(catalog))


@pytest.fixture(scope="module")
def pot() -> dict:
    return messages(read_catalog(POT))


@pytest.fixture(scope="module")
def catalogs() -> dict[str, dict]:
    return {lang: messages(read_catalog(catalog_path(lang), lang)) for lang in LANGUAGES}


def test_catalogs_are_current():
    extracted = extract_messages()
    in_pot = set(messages(read_catalog(POT)))
    assert len(extracted) > 100
    new, gone = sorted(map(str, extracted - in_pot)), sorted(map(str, in_pot - extracted))
    assert not new and not gone, (
        f"generator/locale/messages.pot is stale (not in it: {new}; no longer used: {gone}): run make messages")


def test_both_catalogs_hold_exactly_the_template_messages(pot, catalogs):
    for lang, catalog in catalogs.items():
        assert set(catalog) == set(pot), f"{catalog_path(lang)} does not match messages.pot: run make messages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(pot, catalogs, lang):
    empty, fuzzy = [], []
    for msgid in pot:
        message = catalogs[lang][msgid]
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.pluralizable:
            assert len(forms) == 2, (lang, msgid, forms)
        if not all(form and form.strip() for form in forms):
            empty.append(msgid)
        if message.fuzzy:
            fuzzy.append(msgid)
    assert not empty, f"empty msgstr in {catalog_path(lang)}: {empty}"
    assert not fuzzy, f"fuzzy msgstr in {catalog_path(lang)} (ignored when compiled): {fuzzy}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(pot, catalogs, lang):
    for msgid in pot:
        message = catalogs[lang][msgid]
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        wanted = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == wanted, (lang, msgid, form)
            if wanted:  # a stray % would break the %-formatting the helpers apply to these
                assert "%" not in PLACEHOLDER.sub("", form).replace("%%", ""), (lang, msgid, form)


def test_indonesian_is_actually_translated(pot, catalogs):
    singular = {msgid: catalogs["id"][msgid] for msgid in pot}
    same = [m for m, message in singular.items()
            if (message.string[0] if isinstance(message.string, (tuple, list)) else message.string)
            == (m[0] if isinstance(m, tuple) else m)]
    share = 1 - len(same) / len(singular)
    assert share >= 0.8, f"only {share:.0%} of Indonesian msgstr differ from the English msgid: {same}"


def test_english_repeats_or_refines_the_msgid(pot, catalogs):
    """English msgstr keep the msgid's placeholders (checked above) and are mostly the msgid itself."""
    same = sum(1 for msgid, message in catalogs["en"].items()
               if message.string == msgid or (isinstance(msgid, tuple) and tuple(message.string) == msgid))
    assert same / len(pot) >= 0.9


def test_catalogs_translate_at_runtime():
    assert Formatter("id").gettext("Meetings") == "Rapat"
    assert Formatter("en").gettext("Meetings") == "Meetings"
    assert Formatter("id").ngettext("%(num)s meeting", "%(num)s meetings", 3) % {"num": "3"} == "3 rapat"
    assert Formatter("en").ngettext("%(num)s meeting", "%(num)s meetings", 1) % {"num": "1"} == "1 meeting"


# ------------------------------------------------------------------ formats

ID, EN = Formatter("id"), Formatter("en")


@pytest.mark.parametrize("formatter, expected", [
    (ID, "Senin, 5 Februari 2024"), (EN, "Monday, 5 February 2024")])
def test_long_date(formatter, expected):
    assert formatter.date(dt.date(2024, 2, 5)) == expected


def test_other_dates():
    assert ID.date(dt.date(2024, 11, 20)) == "Rabu, 20 November 2024"
    assert EN.date(dt.date(2024, 11, 20)) == "Wednesday, 20 November 2024"
    assert ID.short_date(dt.date(2024, 8, 26)) == "26 Agu 2024"
    assert EN.short_date(dt.date(2024, 8, 26)) == "26 Aug 2024"
    assert ID.month(dt.date(2024, 2, 1)) == "Februari 2024"
    assert EN.date(dt.date(2024, 2, 5), precision="month") == "February 2024"
    assert ID.date(dt.date(2024, 2, 5), precision="year") == "2024"


@pytest.mark.parametrize("value, id_text, en_text", [
    (823_417, "823.417", "823,417"),
    (1_621, "1.621", "1,621"),
    (412, "412", "412"),
    (0, "0", "0"),
])
def test_numbers(value, id_text, en_text):
    assert ID.number(value) == id_text
    assert EN.number(value) == en_text


def test_decimals_and_percentages():
    assert ID.number(508.03, 1) == "508,0"
    assert EN.number(508.03, 1) == "508.0"
    assert ID.number(1234.56, 1) == "1.234,6"
    assert ID.percent(40 / 69) == "58%"
    assert EN.percent(1 / 69) == "1%"


@pytest.mark.parametrize("value, id_text, en_text", [
    (69_000_000_000, "Rp69 miliar", "IDR 69 billion"),
    (1_500_000_000, "Rp1,5 miliar", "IDR 1.5 billion"),
    (750_000_000, "Rp750 juta", "IDR 750 million"),
    (1_000_000, "Rp1 juta", "IDR 1 million"),
    (999_999_999, "Rp1 miliar", "IDR 1 billion"),  # rounds up into the next word, never "1000 juta"
    (999_500_000, "Rp999,5 juta", "IDR 999.5 million"),
    (1_234_567_890_123, "Rp1,23 triliun", "IDR 1.23 trillion"),
    (750_000, "Rp750.000", "IDR 750,000"),  # below a million: the exact amount
    (83_797, "Rp83.797", "IDR 83,797"),
])
def test_money(value, id_text, en_text):
    assert ID.money(value) == id_text
    assert EN.money(value) == en_text


def test_money_is_never_an_ambiguous_abbreviation():
    values = [10 ** e * m for e in range(0, 15) for m in (1, 2, 5, 9.99)]
    for formatter in (ID, EN):
        for value in values:
            text = formatter.money(int(value))
            assert not re.search(r"\d\s*(M|B|T|K|jt|rb|Jt|Rb|Mrd|Bn)\b", text), text
            assert not re.search(r"\b\d{4,} (juta|miliar|triliun|million|billion|trillion)", text), text


def test_exact_money_and_quantities():
    assert ID.money_exact(69_000_000_000) == "Rp69.000.000.000"
    assert EN.money_exact(69_000_000_000) == "IDR 69,000,000,000"
    assert ID.quantity(823_417, "voters") == "823.417 pemilih"
    assert EN.quantity(823_417, "voters") == "823,417 voters"
    assert EN.quantity(1, "polling-stations") == "1 polling station"
    assert EN.quantity(69_000_000_000, "IDR") == "IDR 69 billion"
