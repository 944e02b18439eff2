"""The three real fact sheets, read through the loaded model: the facts each article states, spelled as it does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import model
from generator.load import load_content
from generator.verify import WEEKDAYS_ID, normalise, verify

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_ARTICLES = REPO_ROOT.parent / "shared" / "articles"

LAMPUNG_TENGAH = "2024-02-05-lampung-tengah-rakor-persiapan-pemilu"
LAMPUNG_BARAT = "2024-08-26-lampung-barat-rakor-ops-mantap-praja"
LAMPUNG_TIMUR = "2024-11-20-lampung-timur-rakor-pemantapan-pilkada"


@pytest.fixture(scope="module")
def content():
    return load_content(REPO_ROOT / "content", REPO_ROOT)


@pytest.fixture(scope="module")
def report(content):
    return verify(content)


@pytest.fixture(scope="module")
def sheets(content):
    return {sheet.id: sheet for sheet in content.sheets}


@pytest.fixture(scope="module")
def people(content):
    return {person.id: person for person in content.people}


@pytest.fixture(scope="module")
def agencies(content):
    return {agency.id: agency for agency in content.agencies}


def figures(sheet) -> dict:
    return {figure.id: figure for figure in sheet.figures}


def test_the_real_content_verifies_without_warnings(content, report):
    assert report.warnings == ()
    assert report.counts["fact sheets"] == 3
    assert [s.id for s in content.sheets] == [LAMPUNG_TENGAH, LAMPUNG_BARAT, LAMPUNG_TIMUR]  # by meeting date


def test_each_sheet_cites_its_own_archived_article(sheets):
    assert {sid: s.source.file for sid, s in sheets.items()} == {
        LAMPUNG_TENGAH: "000_02bd024552db9ae6.txt",
        LAMPUNG_BARAT: "003_53a45d2b7ad45c82.txt",
        LAMPUNG_TIMUR: "004_b0a40dc64c05d08a.txt",
    }
    # The articles' publication dates are unknown (shared/articles/SOURCES.md): none may be guessed.
    assert all(s.source.published is None for s in sheets.values())


# ------------------------------------------------------------------ Lampung Timur, 2024-11-20

def test_lampung_timur_budget_and_its_parts(sheets, agencies):
    sheet = sheets[LAMPUNG_TIMUR]
    figs = figures(sheet)
    total = figs["anggaran-pilkada"]
    assert (total.value, total.unit, total.as_stated, total.kind) == (69_000_000_000, "IDR", "Rp69 miliar", "budget")
    parts = {f.recipient: f.value for f in sheet.figures if f.part_of == total.id}
    assert parts == {
        "kpu-lampung-timur": 40_000_000_000,
        "bawaslu-lampung-timur": 24_000_000_000,
        "polres-lampung-timur": 4_000_000_000,
        "kodim-lampung-timur": 1_000_000_000,
    }
    assert sum(parts.values()) == total.value
    assert {agencies[a].kind for a in parts} == {"kpu", "bawaslu", "polres", "kodim"}
    assert {agencies[a].region for a in parts} == {"lampung-timur"}
    assert [figs[f"anggaran-{k}"].as_stated for k in ("kpu", "bawaslu", "polres", "kodim")] == [
        "Rp40 miliar", "Rp24 miliar", "Rp4 miliar", "Rp1 miliar"]


def test_lampung_timur_polling_stations_and_voters(sheets):
    figs = figures(sheets[LAMPUNG_TIMUR])
    assert (figs["jumlah-tps"].value, figs["jumlah-tps"].unit) == (1621, "polling-stations")
    assert figs["jumlah-tps"].as_stated.startswith("1.621")
    assert (figs["jumlah-dpt"].value, figs["jumlah-dpt"].unit) == (823_417, "voters")
    assert figs["jumlah-dpt"].as_stated == "823.417 orang"


def test_lampung_timur_meeting(sheets):
    meeting = sheets[LAMPUNG_TIMUR].meeting
    assert meeting.date == model.When("day", dt.date(2024, 11, 20), dt.date(2024, 11, 20))
    assert meeting.weekday_as_stated == "Rabu" == WEEKDAYS_ID[meeting.date.start.weekday()]
    assert meeting.date_as_stated == "Rabu, 20 November 2024"
    assert meeting.inferred == ()
    assert (meeting.region, meeting.elections, meeting.organiser) == (
        "lampung-timur", ("pilkada-2024",), "pemkab-lampung-timur")
    assert meeting.venue == "Aula Islamic Centre Sukadana"
    # Opened (dibuka) by the acting regent.
    assert meeting.chair == "senen-mustakim"
    opener = next(a for a in sheets[LAMPUNG_TIMUR].attendance if a.person == "senen-mustakim")
    assert opener.roles == ("opener",)
    assert opener.position == "Penjabat Sementara (Pjs) Bupati Lampung Timur"


# ------------------------------------------------------------------ Lampung Barat, 2024-08-26

def test_lampung_barat_meeting_year_is_inferred(sheets):
    meeting = sheets[LAMPUNG_BARAT].meeting
    assert meeting.date == model.When("day", dt.date(2024, 8, 26), dt.date(2024, 8, 26))
    assert meeting.date_as_stated == "Senin (26/08)"  # the article gives no year
    assert "date.year" in meeting.inferred
    assert meeting.inference_note is not None and "2024" in meeting.inference_note.id
    assert meeting.weekday_as_stated == "Senin" == WEEKDAYS_ID[meeting.date.start.weekday()]
    assert meeting.kind == "rakor-lintas-sektoral"
    assert meeting.elections == ("pilkada-2024",)


def test_lampung_barat_chair_is_spelled_as_in_the_source(sheets, people):
    sheet = sheets[LAMPUNG_BARAT]
    assert sheet.meeting.chair == "rinaldo-aser"
    chair = people["rinaldo-aser"]
    assert (chair.rank, chair.name, chair.degrees) == ("AKBP", "Rinaldo Aser", "S.H., S.I.K., M.Si")
    entry = next(a for a in sheet.attendance if a.person == "rinaldo-aser")
    assert (entry.roles, entry.position, entry.agency) == (("chair",), "Kapolres Lampung Barat", "polres-lampung-barat")


# ------------------------------------------------------------------ Lampung Tengah, 2024-02-05

def test_lampung_tengah_meeting(sheets, people):
    sheet = sheets[LAMPUNG_TENGAH]
    meeting = sheet.meeting
    assert meeting.date == model.When("day", dt.date(2024, 2, 5), dt.date(2024, 2, 5))
    assert meeting.weekday_as_stated == "Senin" == WEEKDAYS_ID[meeting.date.start.weekday()]
    assert meeting.date_as_stated == "Senin (5/2/2024)"
    assert "date.year" not in meeting.inferred
    assert (meeting.region, meeting.elections, meeting.organiser) == (
        "lampung-tengah", ("pemilu-2024",), "kesbangpol-lampung-tengah")
    # The article names who attended and spoke, but not who chaired.
    assert meeting.chair is None
    assert people["andik-purnomo-sigit"].rank == "AKBP"
    assert {a.person for a in sheet.attendance if "speaker" in a.roles} == {
        "musa-ahmad", "andik-purnomo-sigit", "irawan-indrajaya", "ricky-agusta", "harmono"}


def test_names_are_spelled_as_in_the_sources(content, people):
    assert people["lailatul-khoiriah"].name == "Lailatul Khoiriah"
    assert people["wasiat-jarwo-asmoro"].name == "Wasiat Jarwo Asmoro"
    assert people["senen-mustakim"].name == "Senen Mustakim"
    sources = "\n".join(content.sources.values())
    for person in content.people:
        assert person.name in sources, f"{person.id}: {person.name!r} is not spelled as in any article"
        for short in person.short_names:
            assert short in sources, f"{person.id}: short name {short!r} is in no article"
        full = " ".join(filter(None, [person.rank, person.name]))
        assert full in sources, f"{person.id}: {full!r} is not written so in any article"
        if person.degrees:
            assert f"{person.name}, {person.degrees}" in sources


def test_every_person_appears_in_a_sheet(content):
    named = set()
    for sheet in content.sheets:
        named |= {a.person for a in sheet.attendance}
        named |= {s.speaker for s in sheet.statements}
        named |= {p.raised_by for p in sheet.concerns + sheet.commitments}
        named.add(sheet.meeting.chair)
    missing = [p.id for p in content.people if p.id not in named]
    assert missing == [], f"people.yaml lists people no fact sheet names: {missing}"


def test_every_quote_occurs_verbatim_in_its_archived_source(content):
    quotes = 0
    for sheet in content.sheets:
        article = normalise(content.sources[sheet.source.file])
        for statement in sheet.statements:
            if statement.quote is None:
                continue
            quotes += 1
            # Verbatim: only quote marks and whitespace may be normalised, nothing else.
            assert normalise(statement.quote) in article, f"{sheet.id}/{statement.id}"
            assert statement.quote in content.sources[sheet.source.file], f"{sheet.id}/{statement.id}"
    assert quotes >= 15


def test_every_quote_has_a_translation_and_a_speaker_who_attended(content):
    for sheet in content.sheets:
        attendees = {a.person for a in sheet.attendance}
        for statement in sheet.statements:
            assert statement.speaker in attendees, f"{sheet.id}/{statement.id}"
            if statement.quote is not None:
                assert statement.quote_en, f"{sheet.id}/{statement.id} has no English translation"


def test_archived_sources_are_byte_identical_to_shared_articles(repo_root):
    if not SHARED_ARTICLES.is_dir():
        pytest.skip(f"{SHARED_ARTICLES} is absent (CI has shared/ beside the repository; this checkout does not)")
    archived = sorted((repo_root / "content" / "sources").glob("*.txt"))
    originals = sorted(SHARED_ARTICLES.glob("*.txt"))
    assert [p.name for p in archived] == [p.name for p in originals]
    for mine, original in zip(archived, originals):
        assert mine.read_bytes() == original.read_bytes(), f"content/sources/{mine.name} differs from {original}"
