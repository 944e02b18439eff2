"""The rules of issue 30, by mutation: each takes the fixture tree, which check accepts, changes one thing the way a
contributor bends a sheet, and checks that check refuses it, and that the unbent neighbours still pass."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from fixtures import write_content_tree
from generator import attribution, claims
from generator.cli import main
from generator.passages import read_article

PELITA = "content/articles/2024-11-18-pelita-rakor-kesiapan-pilkada.yaml"
PEOPLE = "content/registry/people.yaml"
FEW = settings(max_examples=12, deadline=None, derandomize=True,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def check_with(capsys, edits: dict[str, tuple[str, str]]) -> list[str]:
    """The lines check prints for the fixture tree with each file's (old, new) replacement made once."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_content_tree(Path(tmp) / "tree")
        for name, (old, new) in edits.items():
            path = root / name
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, old
            path.write_text(text.replace(old, new), encoding="utf-8")
        capsys.readouterr()
        main(["--root", str(root), "check"])
        out, err = capsys.readouterr()
    return err.splitlines()


@FEW
@given(st.integers(11, 10 ** 6))
def test_a_number_no_passage_states_is_refused_in_a_paraphrase(capsys, number):
    stated = claims.stated_values("Bagus menyampaikan bahwa Pemkot Pelita telah mengalokasikan anggaran sebesar "
                                  "Rp10 miliar untuk penyelenggaraan Pilkada.")
    figures = {10_000_000_000, 7_000_000_000, 3_000_000_000, 412, 150_321, 70, 30, 18, 2024}
    if number in stated or number in figures:
        return
    err = check_with(capsys, {PELITA: ("    id: Pemkot Pelita mengalokasikan Rp10 miliar untuk Pilkada.\n",
                                       f"    id: Pemkot Pelita mengalokasikan Rp10 miliar untuk {number} kelurahan.\n")})
    assert any("statements[0].paraphrase.id: expected numbers its passages state" in line for line in err), err


def test_a_number_the_figures_give_passes_in_a_commitment(capsys):
    err = check_with(capsys, {PELITA: ("    en: Logistics are ready for distribution.\n",
                                       "    en: Logistics are ready for distribution to 412 polling stations.\n")})
    assert err == [], err


@pytest.mark.parametrize("statement, speaker, other", [
    ("kpu-logistik", "dewi-anggraini", "siti-rahayu"),       # '... ," kata Dewi.'
    ("bawaslu-politik-uang", "siti-rahayu", "dewi-anggraini"),  # '... ," tegas Siti.'
    ("pj-anggaran", "bagus-pratama", "dewi-anggraini"),      # 'Bagus menyampaikan bahwa ...'
])
def test_a_statement_given_to_another_attendee_than_its_words_name_is_refused(capsys, statement, speaker, other):
    err = check_with(capsys, {PELITA: (f"- id: {statement}\n  speaker: {speaker}\n",
                                       f"- id: {statement}\n  speaker: {other}\n")})
    assert any(".speaker: expected the person its passage names as the speaker" in line for line in err), err


def test_a_quote_its_words_give_to_nobody_by_name_may_go_to_any_attendee(capsys):
    # '"Rinciannya, ...," ujarnya.': the pronoun names no one, so check cannot hold the speaker to a name.
    err = check_with(capsys, {PELITA: ("- id: pj-rincian\n  speaker: bagus-pratama\n",
                                       "- id: pj-rincian\n  speaker: dewi-anggraini\n")})
    assert not any("names as the speaker" in line for line in err), err


@FEW
@given(st.integers(-20, 20).filter(bool))
def test_a_date_its_own_words_contradict_is_an_error_even_on_the_same_weekday(capsys, weeks):
    day = dt.date(2024, 11, 18) + dt.timedelta(weeks=weeks)  # a Monday, as 'Senin (18/11)' says
    err = check_with(capsys, {PELITA: ("  date: 2024-11-18\n", f"  date: {day.isoformat()}\n")})
    assert any(f"meeting.date: expected the day 'Senin (18/11)' writes, received {day.isoformat()}" in line
               and ": warning:" not in line for line in err), err


@FEW
@given(st.data())
def test_a_registry_name_respelled_is_refused(capsys, data):
    name = "Dewi Anggraini"
    at = data.draw(st.sampled_from([i for i, c in enumerate(name) if c.isalpha()]))
    letter = data.draw(st.sampled_from("aeiouykhjs").filter(lambda c: c != name[at].lower()))
    respelled = name[:at] + (letter.upper() if name[at].isupper() else letter) + name[at + 1:]
    err = check_with(capsys, {PEOPLE: (f"  name: {name}\n", f"  name: {respelled}\n")})
    assert any(f"name: expected the name as an article that cites 'dewi-anggraini' writes it, received "
               f"'{respelled}'" in line for line in err), err


@pytest.mark.parametrize("quote, refused", [
    ("... akan memberi ruang bagi politik uang,", True),        # 'Kami tidak' cut away
    ("Kami ... akan memberi ruang bagi politik uang,", True),   # 'tidak' cut between two pieces
    ("... tidak akan memberi ruang bagi politik uang,", False),  # the negation kept
    ("Kami tidak akan memberi ruang ...", False),               # 'bagi politik uang' cut: no negation there
])
def test_an_excerpt_that_cuts_a_negation_beside_it_is_refused(capsys, quote, refused):
    err = check_with(capsys, {PELITA: ("  quote: Kami tidak akan memberi ruang bagi politik uang,\n",
                                       f"  quote: {quote}\n")})
    assert any("cuts away 'tidak'" in line for line in err) == refused, err


@pytest.mark.parametrize("text, guards", [
    ('"Jangan sampai ada money politics agar demokrasi berjalan," tutupnya.', ["jangan"]),
    ('"Jika dana tersebut belum tersalurkan, segera lakukan koordinasi," tegasnya.', ["jika", "belum"]),
])
def test_cut_guards_name_the_words_beside_the_cut(text, guards):
    article = read_article(text)
    quote = {"jangan": "... ada money politics agar demokrasi berjalan,",
             "jika": "... segera lakukan koordinasi,"}[guards[0]]
    located = attribution.locate_quote(article, quote)
    assert located is not None
    assert set(attribution.cut_guards(article, located)) <= set(guards) and attribution.cut_guards(article, located)


@pytest.mark.parametrize("sentence, subject", [
    ("Ketua KPU Irawan Indrajaya menjelaskan, saat ini kendala ...", "Ketua KPU Irawan Indrajaya "),
    ("Menurut Kapolres, sinergi lintas sektoral sangat penting.", "Kapolres"),
    ("Rakor ini merupakan kelanjutan dari koordinasi di tingkat provinsi dan Polda.", None),
])
def test_the_subject_of_reported_speech(sentence, subject):
    assert attribution.sentence_subject(sentence) == subject


@pytest.mark.parametrize("text, names", [
    ("Kapolres Lampung Barat AKBP Rinaldo Aser memimpin rakor.", ["Rinaldo Aser"]),
    ("termasuk pemilihan gubernur dan wakil gubernur. Ia menekankan skala nasional.", []),
    ("KPU chair Irawan Indrajaya named the delivery of logistics.", ["Irawan Indrajaya"]),
])
def test_titled_names_in_a_summary(text, names):
    known = frozenset("lampung barat kpu".split())
    assert claims.titled_names(text, known) == names


@pytest.mark.parametrize("written, parts", [
    ("Senin (5/2/2024)", (5, 2, 2024)), ("Senin (26/08)", (26, 8, None)),
    ("Rabu, 20 November 2024", (20, 11, 2024)), ("menjelang pemungutan suara", None),
])
def test_the_date_parts_a_date_as_stated_gives(written, parts):
    assert claims.date_parts(written) == parts
