"""Text that becomes a key (generator/names.py): one normal form, Unicode's look-alikes, glossary expansions, and
the pages and ids made from names."""

from __future__ import annotations

import unicodedata

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures import write_content_tree
from generator import confusables, escape, model, names, pages
from generator.pipeline import BuildConfig, build
from generator.render import _anchor

KELVIN = "\u212a"  # KELVIN SIGN, which looks like K
# Letters that look alike, forms NFKC folds (full width, ligatures, the Kelvin sign), and everyday text.
LOOK_ALIKES = "AaBbCcEeIiKkMmOoPpSsTtXxYyl10|\u0430\u0435\u043e\u0440\u0441\u0445\u0456\u0391\u039f\u03bf\u212a" \
              "\uff24\uff50\ufb01\u00df\u0130\u0131\u00e9e\u0301\u2126\u03a9 -.'"
TEXTS = st.one_of(st.text(max_size=20), st.text(alphabet=LOOK_ALIKES, max_size=20))


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_any_text_has_one_stable_key(text):
    assert names.key(names.key(text)) == names.key(text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_the_skeleton_and_the_look_alike_form_are_stable(text):
    assert names.skeleton(names.skeleton(text)) == names.skeleton(text)
    assert names.look_alike(names.look_alike(text)) == names.look_alike(text)
    assert names.look_alike(names.key(text)) == names.look_alike(text)  # a key looks like its text


@pytest.mark.parametrize("one, other", [
    ("Senen Mustakim", "S\u0435nen Mustakim"),  # Cyrillic e
    ("Siti Rahayu", "S\u0456ti Rahayu"),  # Cyrillic i
    ("Kamal Alfa", f"{KELVIN}amal Alfa"),  # Kelvin sign
    ("Kamal Alfa", "KAMAL ALFA"),
    ("Polo", "P\u03bfl\u03bf"),  # Greek omicron
    ("DPT", "\uff24\uff30\uff34"),  # full width
])
def test_look_alikes_share_their_form(one, other):
    assert one != other and names.look_alike(one) == names.look_alike(other)


@pytest.mark.parametrize("one, other", [("Siti Rahayu", "Siti Rahayuni"), ("Dewi", "Dewa"), ("Andi", "Andri")])
def test_different_names_do_not(one, other):
    assert names.look_alike(one) != names.look_alike(other)


def test_the_vendored_table_is_the_part_of_uts39_the_skeleton_reads():
    """scripts/make-confusables keeps mappings to ASCII from characters that NFKC, case folding and NFD leave alone,
    of the Unicode version of this Python's unicodedata; a target is never a source again (so the skeleton is
    stable)."""
    table = confusables.TO_ASCII
    assert confusables.UNICODE_VERSION == unicodedata.unidata_version
    assert 400 < len(table) < 1000  # small: the full table has 6,311 mappings
    assert all(target.isascii() for target in table.values())
    assert all(unicodedata.normalize("NFD", c) == c and names.key(c) == c for c in table)
    assert not {c for target in table.values() for c in target} & set(table)
    assert table["\u0435"] == "e" and table["\u0456"] == "i" and table["m"] == "rn"


def test_invisible_is_every_format_character_and_the_fillers():
    everything = (chr(c) for c in range(0x110000) if not 0xd800 <= c <= 0xdfff)
    matched = {c for c in everything if escape.INVISIBLE.match(c)}
    format_characters = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert matched == format_characters | set("\u034f\u115f\u1160\u3164\uffa0")


# ---------------------------------------------------------------- letters and ids


def test_the_kelvin_sign_is_a_k():
    assert names.initial(f"{KELVIN}urnia Dewi") == "K"
    assert pages.letter_slug(f"{KELVIN}urnia Dewi") == "k"
    assert pages.letter_slug("\u00c9di") == "other"


def person(name: str, number: int) -> model.Person:
    return model.Person(id=f"p-{number}", name=name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["Kamal Alfa", f"{KELVIN}urnia Dewi", "Kusuma Jaya", "kiki", "\u00c9di",
                                           "1 Tahun", "Zaenal", "\u00d6zil", "_x"]), st.text(min_size=1, max_size=6)),
                min_size=1, max_size=12))
def test_each_people_page_is_made_once_and_lists_everyone_of_its_letter(people_names):
    """Before: names sorted by their lower case but grouped by their first character's upper case made a second
    people/k.md (after a Kelvin-sign name, or any group between two of one letter) that overwrote the first."""
    people = [person(name, i) for i, name in enumerate(people_names) if name.strip()]
    letters = pages._people_by_letter(people)
    paths = [part.path for _, parts in letters for part in parts]
    assert len(paths) == len(set(paths))
    listed = [p.id for _, parts in letters for part in parts for p in part.items]
    assert sorted(listed) == sorted(p.id for p in people)
    for _, parts in letters:
        for part in parts:
            assert {pages.letter_slug(p.name) for p in part.items} <= {part.path.split("/")[1].split(".")[0].split("-")[0]}


def test_a_kelvin_sign_name_joins_the_k_page_in_the_built_site(tmp_path):
    def people(registry):
        registry["people"] += [{"id": "kamal-alfa", "name": "Kamal Alfa"},
                               {"id": "kurnia-dewi", "name": f"{KELVIN}urnia Dewi"},
                               {"id": "kusuma-jaya", "name": "Kusuma Jaya"}]
        return registry

    root = write_content_tree(tmp_path / "tree", {"registry/people.yaml": people})
    out = tmp_path / "build"
    build(BuildConfig(root=root, out=out, site_url="https://example.org/"))
    page = (out / "id" / "docs" / "people" / "k.md").read_text(encoding="utf-8")
    assert "Kamal Alfa" in page and f"{KELVIN}urnia Dewi" in page and "Kusuma Jaya" in page
    assert not (out / "id" / "docs" / "people" / "other.md").exists()


@pytest.mark.parametrize("one, other", [("DPT", "dpt"), ("DPT", "\uff24\uff30\uff34"), ("Stra\u00dfe", "STRASSE")])
def test_an_element_id_is_made_from_the_key(one, other):
    assert _anchor("term", one) == _anchor("term", other)


# ---------------------------------------------------------------- glossary expansions


def test_every_expansion_of_the_real_glossary_spells_its_term():
    from pathlib import Path

    glossary = yaml.safe_load((Path(__file__).resolve().parent.parent / "content" / "registry" / "glossary.yaml")
                              .read_text(encoding="utf-8"))
    terms = [(t["term"], t["expansion"]) for t in glossary["terms"] if t.get("expansion")]
    assert terms and [t for t in terms if not names.spells(*t)] == []


@pytest.mark.parametrize("term, expansion, expected", [
    ("DPT", "Daftar Pemilih Tetap", True), ("Kesbangpol", "Badan Kesatuan Bangsa dan Politik", True),
    ("Polda", "Kepolisian Daerah", True), ("\uff24\uff30\uff34", "daftar pemilih tetap", True),
    ("penipuan", "Senen Mustakim", False), ("DPT", "Tetap Pemilih Daftar", False), ("---", "Apa saja", False),
])
def test_an_expansion_spells_its_term(term, expansion, expected):
    assert names.spells(term, expansion) is expected
