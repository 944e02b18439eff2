"""The content model on the model fixture tree (tests/model_fixtures.py): each part shown in both languages, on
the pages where a reader looks for it, and in the open data."""

from __future__ import annotations

import csv
import io

import pytest

from model_fixtures import SOURCED_SHEET_ID, STAND_IN_SHEET_ID, write_model_tree
from generator.pipeline import BuildConfig, build
from update_golden import SITE_URL


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_model_tree(tmp_path_factory.mktemp("model"))
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    return out


def page(site, lang: str, path: str) -> str:
    return (site / lang / "docs" / path).read_text(encoding="utf-8")


def rows(text: str, *starts: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(starts)]


def section(text: str, heading: str) -> str:
    """The lines of a page from a heading up to the next heading of the same or a higher level."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    level = heading.split(" ", 1)[0]
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].startswith("#") and len(lines[i].split(" ", 1)[0]) <= len(level)), len(lines))
    return "\n".join(lines[start:end])


# ------------------------------------------------------------------ stand-ins, groups, names as printed

STAND_IN_ROWS = {
    "id": (
        "| 1 | [Drs. H. Yusuf Mahendra, M.M.](../regions/karang-sari.md#person-yusuf-mahendra) (membuka rapat) | "
        "Asisten Pemerintahan dan Kesra | [Pemkab Karang Sari](../regions/karang-sari.md#agency-pemkab-karang-sari), "
        "mewakili Pj Bupati Karang Sari |",
        "| 2 | [Letkol Czi Ari Wibowo](../regions/karang-sari.md#person-ari-wibowo) (pembicara) |",
        "| 3 | [Kompol Anton Saputra](../regions/karang-sari.md#person-anton-saputra) | Kabag Ops Polres Karang Sari | "
        "[Polres Karang Sari](../regions/karang-sari.md#agency-polres-karang-sari), mewakili "
        "[AKBP Hendra Gunawan](../regions/karang-sari.md#person-hendra-gunawan), Kapolres |",
        "| 4 | lembaga, tanpa nama orang |  | [Satpol PP Karang Sari]",
        "| 5 | kelompok (narasumber) | Narasumber dari Forkopimda, KPU dan Bawaslu | [Forkopimda Karang Sari]"
        "(../regions/karang-sari.md#agency-forkopimda-karang-sari), [KPU Karang Sari]"
        "(../regions/karang-sari.md#agency-kpu-karang-sari), [Bawaslu Karang Sari]"
        "(../regions/karang-sari.md#agency-bawaslu-karang-sari) |",
    ),
    "en": (
        "| 1 | [Drs. H. Yusuf Mahendra, M.M.](../regions/karang-sari.md#person-yusuf-mahendra) (opened the meeting) | "
        '<span lang="id">Asisten Pemerintahan dan Kesra</span> | [Karang Sari Regency Government]'
        "(../regions/karang-sari.md#agency-pemkab-karang-sari), on behalf of "
        '<span lang="id">Pj Bupati Karang Sari</span> |',
        "| 2 | [Letkol Czi Ari Wibowo](../regions/karang-sari.md#person-ari-wibowo) (speaker) |",
        "| 3 | [Kompol Anton Saputra](../regions/karang-sari.md#person-anton-saputra) | "
        '<span lang="id">Kabag Ops Polres Karang Sari</span> | '
        "[Polres Karang Sari](../regions/karang-sari.md#agency-polres-karang-sari), on behalf of "
        '[AKBP Hendra Gunawan](../regions/karang-sari.md#person-hendra-gunawan), <span lang="id">Kapolres</span> |',
        "| 4 | the institution as a whole |  | [Satpol PP Karang Sari]",
        "| 5 | group (resource person) |",
    ),
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_stand_ins_groups_institutions_and_printed_names_on_the_meeting_page(site, lang):
    text = page(site, lang, f"meetings/{STAND_IN_SHEET_ID}.md")
    found = rows(text, "| 1 |", "| 2 |", "| 3 |", "| 4 |", "| 5 |")
    assert len(found) == 5
    for line, expected in zip(found, STAND_IN_ROWS[lang]):
        assert line.startswith(expected), (line, expected)


@pytest.mark.parametrize("lang, represented, stood_in, rank_then", [
    ("id", "Diwakili orang lain", "Jabatannya yang diwakili", "(pangkat saat itu: Kompol)"),
    ("en", "Represented by others", "Its offices stood in for", "(rank then: Kompol)"),
])
def test_the_person_and_the_office_stood_in_for_show_who_represented_them(site, lang, represented, stood_in,
                                                                          rank_then):
    region = page(site, lang, "regions/karang-sari.md")
    # The Kapolres never attended: his entry exists because he was stood in for, and names who did it.
    hendra = section(region, "### AKBP Hendra Gunawan")
    assert f"{represented}:" in hendra
    assert "[Kompol Anton Saputra](#person-anton-saputra)" in hendra
    assert "Hendra Gunawan](#person-hendra-gunawan)" not in hendra.split("\n", 1)[1]  # not "on behalf of" himself
    # The stand-in's own entry keeps the registry's later rank in its heading and the rank printed at the meeting.
    anton = section(region, "### AKP Anton Saputra")
    assert rank_then in anton and "[AKBP Hendra Gunawan](#person-hendra-gunawan)" in anton
    # The agency whose office was stood in for lists it, though the stand-in's entry is on the same page.
    pemkab = section(region, next(line for line in region.splitlines() if "{: #agency-pemkab-karang-sari" in line))
    assert f"{stood_in}:" in pemkab and "Pj Bupati Karang Sari" in pemkab
    institution = section(region, next(line for line in region.splitlines() if "{: #agency-satpol-pp-karang-sari" in line))
    assert ("lembaga, tanpa nama orang" if lang == "id" else "the institution as a whole") in institution
    # Each agency of a group drawn from several lists the group.
    for agency in ("forkopimda-karang-sari", "kpu-karang-sari", "bawaslu-karang-sari"):
        entry = section(region, next(line for line in region.splitlines() if f"{{: #agency-{agency}" in line))
        assert "Narasumber dari Forkopimda, KPU dan Bawaslu" in entry, agency


def test_stand_ins_groups_and_ranks_in_the_attendance_data(site):
    data = (site / "id" / "docs" / "data" / "attendance.csv").read_text(encoding="utf-8")
    found = [row for row in csv.DictReader(io.StringIO(data)) if row["meeting"] == STAND_IN_SHEET_ID]
    assert [(r["person"], r["rank_as_stated"], r["represents"], r["represents_office"], r["represents_person"],
             r["institution"], r["agency"]) for r in found] == [
        ("yusuf-mahendra", "", "pemkab-karang-sari", "Pj Bupati Karang Sari", "", "false", "pemkab-karang-sari"),
        ("ari-wibowo", "", "", "", "", "false", "kodim-0412"),
        ("anton-saputra", "Kompol", "polres-karang-sari", "Kapolres", "hendra-gunawan", "false", "polres-karang-sari"),
        ("", "", "", "", "", "true", "satpol-pp-karang-sari"),
        ("", "", "", "", "", "false", "forkopimda-karang-sari kpu-karang-sari bawaslu-karang-sari"),
    ]


# ------------------------------------------------------------------ sources

SOURCE_ROWS = {
    "id": ("| Baris penulis | Penulis: Rina Marlina |",
           "| Dateline | BANDAR PERMAI, 21 November 2024 – (tempat: BANDAR PERMAI), 21 November 2024 |",
           "| Terbit | 21 November 2024 (disebut dalam artikel [¶4](#p-4)) |",
           "| Teks arsip | [sebagian](#source): Halaman kedua artikel tidak dapat diambil dari situs media. |",
           "| Tanggal | Rabu, 20 November 2024, 13.00 WITA |"),
    "en": ('| Byline | <span lang="id">Penulis: Rina Marlina</span> |',
           '| Dateline | <span lang="id">BANDAR PERMAI, 21 November 2024 –</span> (place: <span lang="id">BANDAR '
           'PERMAI</span>), 21 November 2024 |',
           "| Published | 21 November 2024 (stated in the article [¶4](#p-4)) |",
           "| Archived text | [partial](#source): The article's second page could not be retrieved from the outlet's "
           "site. |",
           "| Date | Wednesday, 20 November 2024, 13:00 WITA |"),
}


@pytest.mark.parametrize("lang, warning", [("id", "Sebagian artikel tidak diarsipkan"),
                                           ("en", "Part of the article is not archived")])
def test_dateline_byline_publication_and_a_partial_archive_on_the_meeting_page(site, lang, warning):
    text = page(site, lang, f"meetings/{SOURCED_SHEET_ID}.md")
    lines = text.splitlines()
    for row in SOURCE_ROWS[lang]:
        assert row in lines, row
    # The partial archive is said again where the text is, and the page no longer promises the full text.
    archive = section(text, "## " + ("Arsip artikel" if lang == "id" else "Archived article"))
    assert f'!!! warning "{warning}"' in archive
    assert "full text" not in text and "teks lengkapnya" not in text


def test_publication_and_archive_in_the_meetings_data(site):
    data = (site / "id" / "docs" / "data" / "meetings.csv").read_text(encoding="utf-8")
    found = {row["meeting"]: row for row in csv.DictReader(io.StringIO(data))}
    assert (found[SOURCED_SHEET_ID]["published"], found[SOURCED_SHEET_ID]["published_basis"],
            found[SOURCED_SHEET_ID]["archive"]) == ("2024-11-21", "stated", "partial")
    assert (found[STAND_IN_SHEET_ID]["published"], found[STAND_IN_SHEET_ID]["published_basis"],
            found[STAND_IN_SHEET_ID]["archive"]) == ("", "", "complete")
