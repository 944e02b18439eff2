"""What a summary claims (generator/claims.py): every number and duration the site's own formats write is read
back as the value it was made from, in both languages."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from generator.claims import summary_claims
from generator.i18n import Formatter

LANGS = st.sampled_from(["id", "en"])


@given(value=st.integers(min_value=0, max_value=10 ** 9), lang=LANGS)
def test_a_formatted_count_reads_back(value, lang):
    text = f"Rapat membahas {Formatter(lang).number(value)} TPS."
    assert [claim.value for claim in summary_claims(text, lang)] == [Decimal(value)]


@given(billions=st.integers(min_value=1, max_value=999), hundredths=st.integers(min_value=0, max_value=99),
       lang=LANGS)
def test_an_amount_in_words_reads_back_in_rupiah(billions, hundredths, lang):
    value = billions * 10 ** 9 + hundredths * 10 ** 7
    text = Formatter(lang).money(value)
    assert [claim.value for claim in summary_claims(f"Anggaran {text}.", lang)] == [Decimal(value)]


@given(days=st.integers(min_value=1, max_value=400))
def test_durations_in_figures_and_words(days):
    assert [(c.value, c.duration) for c in summary_claims(f"{days} hari sebelum pemungutan suara", "id")] \
        == [(Decimal(days), True)]
    assert [(c.value, c.duration) for c in summary_claims(f"{days} days before the vote", "en")] \
        == [(Decimal(days), True)]


def test_durations_the_press_writes():
    said = {text: [(c.text, c.value) for c in summary_claims(text, lang)] for text, lang in (
        ("Sepekan sebelum pemungutan suara", "id"), ("seminggu lagi", "id"), ("dua pekan", "id"),
        ("sembilan hari sebelum pemungutan suara", "id"), ("A week before the vote", "en"),
        ("nine days before the vote", "en"), ("a three-month campaign", "en"))}
    assert said == {
        "Sepekan sebelum pemungutan suara": [("Sepekan", 7)], "seminggu lagi": [("seminggu", 7)],
        "dua pekan": [("dua pekan", 14)], "sembilan hari sebelum pemungutan suara": [("sembilan hari", 9)],
        "A week before the vote": [("A week", 7)], "nine days before the vote": [("nine days", 9)],
        "a three-month campaign": [("three-month", 90)],
    }


def test_words_that_are_not_numbers_claim_nothing():
    assert summary_claims("satu-satunya kendala; the only one who spoke; Kodim setempat", "id") == []
    assert summary_claims("the only one who spoke, at a day-long meeting", "en") == []


# The number patterns as first written, with the lookbehind first: claims.number_pattern puts it after the first
# digit for speed, and must find exactly what these find.
_PLAIN = {
    ("id", True): r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d.,]\d)"
                  r"(?:\s*(ribu|rb|juta|jt|miliar|milyar|triliun)\b)?(\s*%)?",
    ("en", True): r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d.,]\d)"
                  r"(?:\s*(thousand|million|billion|trillion)\b)?(\s*%)?",
    ("id", False): r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d.,]\d)"
                   r"(?:\s*(ribu|rb|juta|jt|miliar|milyar|M|triliun|T)\b)?",
}


@given(text=st.text(st.sampled_from(list("0123456789.,% \nMTmiliarjutbhosnd")), max_size=30),
       which=st.sampled_from(sorted(_PLAIN)))
def test_the_number_patterns_find_what_a_lookbehind_first_finds(text, which):
    import re

    from generator import claims

    fast = {("id", True): claims._ID_NUMBER, ("en", True): claims._EN_NUMBER, ("id", False): claims.FIGURE_NUMBER}
    plain = re.compile(_PLAIN[which])
    assert ([m.span() + m.groups() for m in fast[which].finditer(text)]
            == [m.span() + m.groups() for m in plain.finditer(text)])
