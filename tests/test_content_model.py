"""The content model on the model fixture tree (tests/model_fixtures.py): each part shown in both languages, on
the pages where a reader looks for it, and in the open data."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re

import pytest
from hypothesis import given, strategies as st

from model_fixtures import (UNDATED_SHEET_ID, FIGURES_SHEET, FIGURES_SHEET_ID, FIGURES_SOURCE, FIGURES_TEXT, NATIONAL_SHEET_ID, PROVINCE_SHEET_ID, REVOTE_SHEET_ID, SOURCED_SHEET_ID,
                            STAND_IN_SHEET, STAND_IN_SHEET_ID, STAND_IN_SOURCE, STAND_IN_TEXT, model_documents,
                            write_model_tree)
from generator.cli import main
from generator.pipeline import BuildConfig, build
from generator.verify import stated_numbers
from page_html import (content_text, empty_header_cells, mkdocs_markdown, pipe_paragraphs, strip_front_matter,
                       unrendered_markdown, visible)
from update_golden import SITE_URL, generated_pages


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_model_tree(tmp_path_factory.mktemp("model"))
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    return out


CELL_LABEL = re.compile(r'<span class="epd-cell[^"]*" data-label="[^"]*" aria-hidden="true"></span>')


def page(site, lang: str, path: str) -> str:
    """A generated page, without the column names that start table cells for the phone layout (Helpers.cell)."""
    return CELL_LABEL.sub("", (site / lang / "docs" / path).read_text(encoding="utf-8"))


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


# An agency present on behalf of another agency, with no office or person named: the meeting page's Agency cell
# is the attendee's agency and then whom it stood in for. The page once ran them together ("Tanggamus Public Order
# Agencyon behalf of ...", issue 18).
AGENCY_FOR_AGENCY = {"agency": "satpol-pp-karang-sari", "institution": True, "represents": "pemkab-karang-sari",
                     "evidence": "jajaran Satpol PP Karang Sari yang mewakili Pemkab Karang Sari"}


@pytest.fixture(scope="module")
def agency_for_agency_site(tmp_path_factory):
    sheet = model_documents()[STAND_IN_SHEET]
    sheet["attendance"][3] = dict(AGENCY_FOR_AGENCY)
    text = STAND_IN_TEXT.replace("serta jajaran Satpol PP Karang Sari.",
                                 "serta jajaran Satpol PP Karang Sari yang mewakili Pemkab Karang Sari.")
    assert text != STAND_IN_TEXT
    root = write_model_tree(tmp_path_factory.mktemp("agency-for-agency"), {STAND_IN_SHEET: sheet,
                                                                            STAND_IN_SOURCE: text})
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--root", str(root), "check"]) == 0
    build(BuildConfig(root=root, out=root / "build", site_url=SITE_URL))
    return root / "build"


@pytest.mark.parametrize("lang, cell, shown", [
    ("id", "| [Satpol PP Karang Sari](../regions/karang-sari.md#agency-satpol-pp-karang-sari), mewakili "
           "[Pemkab Karang Sari](../regions/karang-sari.md#agency-pemkab-karang-sari) |",
     "Satpol PP Karang Sari, mewakili Pemkab Karang Sari"),
    ("en", "| [Satpol PP Karang Sari](../regions/karang-sari.md#agency-satpol-pp-karang-sari), on behalf of "
           "[Karang Sari Regency Government](../regions/karang-sari.md#agency-pemkab-karang-sari) |",
     "Satpol PP Karang Sari, on behalf of Karang Sari Regency Government"),
])
def test_an_agency_and_the_agency_it_stood_in_for_are_kept_apart(agency_for_agency_site, lang, cell, shown):
    text = page(agency_for_agency_site, lang, f"meetings/{STAND_IN_SHEET_ID}.md")
    row = next(line for line in text.splitlines() if line.startswith("| 4 |"))
    assert cell in row
    assert shown in " ".join(visible(mkdocs_markdown().convert(row)).split())


BEHALF = {"id": "mewakili", "en": "on behalf of"}


@pytest.mark.parametrize("which", ["model", "agency for agency"])
def test_on_behalf_of_never_runs_into_the_word_before_it(site, agency_for_agency_site, which):
    """Every page, every stand-in line: 'on behalf of' / 'mewakili' follows a space, a bracket or nothing."""
    glued = []
    for name, data in generated_pages(site if which == "model" else agency_for_agency_site).items():
        label = BEHALF[name.split("/", 1)[0]]
        text = " ".join(visible(mkdocs_markdown().convert(strip_front_matter(data.decode("utf-8")))).split())
        glued += [f"{name}: ...{text[max(0, m.start() - 40):m.end()]}"
                  for m in re.finditer(rf"[^\s(]{re.escape(label)}", text)]
    assert glued == []


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


# ------------------------------------------------------------------ figures

FIGURE_ROWS = {
    "id": ("| **Jumlah pemilih**{: #figure-jumlah-pemilih } | 347.979 pemilih | 347.979 pemilih | artikel tidak menyebut "
           "daftar pemilihnya |",
           "| **Desa**{: #figure-jumlah-desa } | 148 desa | 148 desa |  |",
           "| **Hibah Pilkada**{: #figure-hibah-pilkada } | Rp103,66 miliar | Rp103,66 miliar | untuk [KPU Kota Muara Baru]",
           "| **Tingkat kerawanan**{: #figure-kerawanan-provinsi } | sedang (skala: rendah, sedang, tinggi) | kategori "
           "sedang | untuk [Teluk Permai](../regions/teluk-permai.md) |",
           "| **Personel gabungan**{: #figure-personel-gabungan } | sekitar 1.200 orang | Sekitar 1.200 personel | dari "
           "[Polres Muara Baru]",
           "| **TPS rawan**{: #figure-tps-rawan } | 300–350 TPS | 300 hingga 350 TPS rawan | di [Pulau Sebira]"),
    "en": ("| **Voters**{: #figure-jumlah-pemilih } | 347,979 voters |",
           "| **Villages**{: #figure-jumlah-desa } | 148 villages |",
           "| **Election grant**{: #figure-hibah-pilkada } | IDR 103.66 billion |",
           '| **Vulnerability level**{: #figure-kerawanan-provinsi } | <span lang="id">sedang</span> (scale: '
           '<span lang="id">rendah</span>, <span lang="id">sedang</span>, <span lang="id">tinggi</span>) |',
           "| **Joint personnel**{: #figure-personel-gabungan } | about 1,200 persons |",
           "| **Vulnerable polling stations**{: #figure-tps-rawan } | 300–350 polling stations |"),
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_figures_say_their_list_scale_approximation_range_and_recipients(site, lang):
    text = page(site, lang, f"meetings/{FIGURES_SHEET_ID}.md")
    found = rows(text, "| **")
    for expected in FIGURE_ROWS[lang]:
        assert any(line.startswith(expected) for line in found), expected
    grant = next(line for line in found if "#figure-hibah-pilkada" in line)
    for agency in ("kpu-muara-baru", "bawaslu-muara-baru", "polres-muara-baru", "kodim-1402"):
        assert f"#agency-{agency})" in grant
    assert ("dari dana hibah" if lang == "id" else "funded by a grant (hibah)") in grant


@pytest.mark.parametrize("lang", ["id", "en"])
def test_only_exact_dpt_figures_are_compared_and_divided(site, lang):
    """The city's 347,979 'pemilih' are of no named list: neither a DPT column nor a ratio may come from them."""
    figures = page(site, lang, "figures.md")
    row = next(line for line in figures.splitlines() if line.startswith("| [Muara Baru"))
    cells = [cell.strip() for cell in row.split("|")[1:-1]]
    assert cells[2:5] == ["–", "–", "–"], cells  # polling stations, DPT, voters per station
    assert cells[6] == "–"  # budget per registered voter
    region = section(page(site, lang, "regions/muara-baru.md"), "## " + ("Angka" if lang == "id" else "Figures"))
    assert ("Pemilih per TPS" if lang == "id" else "Voters per polling station") not in region
    assert ("sekitar 1.200 orang" if lang == "id" else "about 1,200 persons") in region
    assert ("148 desa" if lang == "id" else "148 villages") in region
    # The provincial rating is on the province's page, not compared with the city's figures.
    province = page(site, lang, "regions/teluk-permai.md")
    assert "#figures-stated-elsewhere" in province and "#figure-kerawanan-provinsi" in province


def test_figures_data_keeps_lists_ranges_approximations_and_ratings(site):
    data = (site / "id" / "docs" / "data" / "figures.csv").read_text(encoding="utf-8")
    found = {row["figure"]: row for row in csv.DictReader(io.StringIO(data)) if row["meeting"] == FIGURES_SHEET_ID}
    assert (found["jumlah-pemilih"]["voter_list"], found["jumlah-pemilih"]["unit"]) == ("unspecified", "voters")
    assert (found["tps-rawan"]["value"], found["tps-rawan"]["value_max"]) == ("300", "350")
    assert (found["personel-gabungan"]["approximation"], found["personel-gabungan"]["agencies"]) == (
        "about", "polres-muara-baru kodim-1402")
    assert (found["kerawanan-provinsi"]["value"], found["kerawanan-provinsi"]["level"],
            found["kerawanan-provinsi"]["scale"], found["kerawanan-provinsi"]["region"]) == (
        "", "sedang", "rendah | sedang | tinggi", "teluk-permai")
    assert (found["hibah-pilkada"]["funding"], found["hibah-pilkada"]["recipient"]) == (
        "hibah", "kpu-muara-baru bawaslu-muara-baru polres-muara-baru kodim-1402")


_MULTIPLIER = {"": 1, " ribu": 10 ** 3, " juta": 10 ** 6, " miliar": 10 ** 9, " triliun": 10 ** 12}


@given(whole=st.integers(min_value=0, max_value=10 ** 6), hundredths=st.integers(min_value=0, max_value=99),
       word=st.sampled_from(sorted(_MULTIPLIER)), prefix=st.sampled_from(["", "Rp", "Rp ", "sekitar "]),
       suffix=st.sampled_from(["", " TPS", " pemilih", " orang", " desa"]))
def test_stated_numbers_reads_indonesian_notation(whole, hundredths, word, prefix, suffix):
    """'1.621', 'Rp103,66 miliar', '2,5 juta': thousands dots, a decimal comma and a word multiplier."""
    grouped = f"{whole:,}".replace(",", ".")
    text = f"{prefix}{grouped},{hundredths:02d}{word}{suffix}" if word else f"{prefix}{grouped}{suffix}"
    value = (whole * 100 + hundredths) * _MULTIPLIER[word] // 100 if word else whole
    exact = not word or (whole * 100 + hundredths) * _MULTIPLIER[word] % 100 == 0
    assert stated_numbers(text) == ((value,) if exact else (None,))


# ------------------------------------------------------------------ province and national meetings

@pytest.mark.parametrize("lang, said, regions_heading, provinces", [
    ("id", "## Yang disampaikan", "## Kabupaten dan kota", "## Provinsi"),
    ("en", "## What was said", "## Regencies and cities", "## Provinces"),
])
def test_a_province_and_the_country_show_their_own_meetings_details(site, lang, said, regions_heading, provinces):
    province = page(site, lang, "regions/teluk-permai.md")
    # Its own (province-level) meeting's quote is on its page; its cities' quotes stay on the cities' pages.
    statements = section(province, said)
    assert f"{PROVINCE_SHEET_ID}.md#statement-pesan-utama" in statements
    assert "muara-baru" not in statements and "bandar-permai" not in statements
    assert "#agency-kpu-teluk-permai" in province and "#person-sri-wahyuni" in province
    assert regions_heading in province and "[Indonesia](indonesia.md)" in province
    country = page(site, lang, "regions/indonesia.md")
    assert provinces in country and "[Teluk Permai](teluk-permai.md)" in country
    # Every meeting of the province is listed on the country's page; only the national one's quote is quoted there.
    meetings = section(country, "## " + ("Rapat" if lang == "id" else "Meetings"))
    for sheet_id in (NATIONAL_SHEET_ID, PROVINCE_SHEET_ID, FIGURES_SHEET_ID, SOURCED_SHEET_ID):
        assert f"{sheet_id}.md" in meetings, sheet_id
    statements = section(country, said)
    assert f"{NATIONAL_SHEET_ID}.md#statement-pesan-utama" in statements and PROVINCE_SHEET_ID not in statements
    assert "#person-lestari-handayani" in country and "#agency-bawaslu-ri" in country
    index = page(site, lang, "regions/index.md")
    assert "[Indonesia](indonesia.md)" in index.split("|", 1)[0]  # said before the province table


# ------------------------------------------------------------------ contests, stages and a re-vote

REVOTE = {
    "id": {"meeting": ("| Kontestasi | Bupati dan Wakil Bupati |", "| Tahapan yang disiapkan | distribusi logistik |"),
           "schedule": ("| 15 Apr 2025 – 17 Apr 2025 | Distribusi logistik | distribusi logistik |",
                        "| 19 Apr 2025 | Pemungutan suara ulang | pemungutan suara |"),
           "repeats": "Mengulang [Pilkada Serentak 2024](../timeline.md#election-pilkada-2024)",
           "nationwide": "nasional"},
    "en": {"meeting": ("| Contests | Regent and Vice Regent |", "| Stage prepared | logistics distribution |"),
           "schedule": ("| 15 Apr 2025 – 17 Apr 2025 | Distribution of materials | logistics distribution |",
                        "| 19 Apr 2025 | Re-vote | voting |"),
           "repeats": "It repeats [2024 Simultaneous Regional Elections](../timeline.md#election-pilkada-2024)",
           "nationwide": "nationwide"},
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_revote_shows_its_contest_stage_parent_and_schedule_in_its_region(site, lang):
    expected = REVOTE[lang]
    meeting = page(site, lang, f"meetings/{REVOTE_SHEET_ID}.md").splitlines()
    for row in expected["meeting"]:
        assert row in meeting, row
    region = page(site, lang, "regions/karang-sari.md")
    held = section(region, "## " + ("Pemilihan yang hanya digelar di sini" if lang == "id" else "Elections held here only"))
    assert expected["repeats"] in held
    for row in expected["schedule"]:
        assert row in held.splitlines(), row
    # On the timeline the re-vote's steps name its region; the simultaneous elections' steps stay nationwide.
    timeline = page(site, lang, "timeline.md").splitlines()
    revote = [line for line in timeline if "#election-psu-karang-sari-2025)" in line and line.startswith("| ")]
    assert revote and all(line.endswith("| [Karang Sari](regions/karang-sari.md) |") for line in revote), revote
    pilkada = [line for line in timeline if "#election-pilkada-2024)" in line and line.startswith("| ")]
    assert pilkada and all(line.endswith(f"| {expected['nationwide']} |") for line in pilkada), pilkada


def test_contests_and_stages_in_the_meetings_data(site):
    data = (site / "id" / "docs" / "data" / "meetings.csv").read_text(encoding="utf-8")
    found = {row["meeting"]: row for row in csv.DictReader(io.StringIO(data))}
    assert (found[REVOTE_SHEET_ID]["contests"], found[REVOTE_SHEET_ID]["stages"]) == ("regent", "logistics")


# ------------------------------------------------------------------ operations

@pytest.mark.parametrize("lang, title, kind, nav", [("id", "# Operasi Mantap Praja 2024", "operasi kepolisian", "Operasi"),
                                                    ("en", '# <span lang="id">Operasi Mantap Praja 2024</span>', "police operation",
                                                     "Operations")])
def test_an_operation_has_a_page_listing_its_meetings_across_provinces(site, lang, title, kind, nav):
    text = page(site, lang, "operations/ops-mantap-praja-2024.md")
    assert title in text and f"| {kind} |" in text.splitlines()[text.splitlines().index("|---|---|") + 1]
    meetings = section(text, "## " + ("Rapat" if lang == "id" else "Meetings"))
    assert f"{STAND_IN_SHEET_ID}.md" in meetings and f"{FIGURES_SHEET_ID}.md" in meetings
    for sheet_id in (STAND_IN_SHEET_ID, FIGURES_SHEET_ID):
        meeting = page(site, lang, f"meetings/{sheet_id}.md")
        assert "[Operasi Mantap Praja 2024](../operations/ops-mantap-praja-2024.md)" in meeting
    index = page(site, lang, "operations/index.md")
    assert "| [Operasi Mantap Praja 2024](ops-mantap-praja-2024.md) |" in index and "| 2 | 2 |" in index
    entries = json.loads((site / lang / "nav.json").read_text(encoding="utf-8"))
    assert {"title": nav, "path": "operations/index.md"} in entries


def test_a_meeting_belongs_to_an_operation_only_if_its_article_names_it(tmp_path):
    text = FIGURES_TEXT.replace("Pengerahan personel itu dilakukan dalam rangka Ops Mantap Praja 2024.\n", "")
    root = write_model_tree(tmp_path, {FIGURES_SOURCE: text})
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["--root", str(root), "check"]) == 1
    assert err.getvalue().splitlines()[0].endswith(
        "meeting.operations[0]: expected an operation the article names, received 'ops-mantap-praja-2024', whose "
        "names (Operasi Mantap Praja 2024, Ops Mantap Praja 2024) it does not use (add the article's form to the "
        "operation's short_names, or leave it out)")
    assert err.getvalue().splitlines()[0].startswith(f"content/{FIGURES_SHEET}:")


# ------------------------------------------------------------------ places below a region

@pytest.mark.parametrize("lang, heading, island, at", [
    ("id", "## Tempat yang disebut artikel", "pulau", "di "), ("en", "## Places named in the articles", "island", "at ")])
def test_places_are_listed_on_their_regions_page_and_linked_where_cited(site, lang, heading, island, at):
    region = section(page(site, lang, "regions/muara-baru.md"), heading)
    sebira = next(line for line in region.splitlines() if "#place-pulau-sebira" in line)
    assert f"**Pulau Sebira**{{: #place-pulau-sebira }}, {island}, " in sebira
    assert "[Kecamatan Kepulauan Muara](#place-kecamatan-kepulauan-muara)" in sebira
    assert sebira.count(f"{FIGURES_SHEET_ID}.md#") == 1  # cited by a figure and a concern: the meeting once
    unused = next(line for line in region.splitlines() if "#place-pulau-tidung-kecil" in line)
    assert FIGURES_SHEET_ID not in unused
    meeting = page(site, lang, f"meetings/{FIGURES_SHEET_ID}.md")
    figure = next(line for line in meeting.splitlines() if "#figure-tps-rawan" in line)
    assert f"{at}[Pulau Sebira](../regions/muara-baru.md#place-pulau-sebira), [Pulau Lancang]" in figure
    concern = next(line for line in meeting.splitlines() if "{: #concern-1 }" in line)
    assert "(../regions/muara-baru.md#place-kecamatan-kepulauan-muara)" in concern


@pytest.mark.parametrize("change, message", [
    (lambda text: text.replace("Pulau Lancang, ", ""),
     "concerns[0].places[1]: expected a place the article names, received 'pulau-lancang', whose names (Pulau Lancang) "
     "it does not use (add the article's form to the place's short_names, or leave it out)"),
])
def test_a_cited_place_must_be_named_in_the_article(tmp_path, change, message):
    root = write_model_tree(tmp_path, {FIGURES_SOURCE: change(FIGURES_TEXT)})
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["--root", str(root), "check"]) == 1
    lines = err.getvalue().splitlines()
    assert any(line.startswith(f"content/{FIGURES_SHEET}:") and line.endswith(message) for line in lines), lines


def test_a_cited_place_must_be_in_the_meetings_region(tmp_path):
    from model_fixtures import PLACES, model_documents
    docs = model_documents()
    docs["registry/places.yaml"]["places"][1]["region"] = "bandar-permai"  # Pulau Sebira, moved to another city
    docs["registry/places.yaml"]["places"][1].pop("parent")
    root = write_model_tree(tmp_path, {"registry/places.yaml": docs["registry/places.yaml"]})
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["--root", str(root), "check"]) == 1
    assert PLACES[1]["id"] == "pulau-sebira"
    assert f"figures[5].places[0]: expected a place in 'muara-baru', the meeting's region, received 'pulau-sebira' in " \
           f"'bandar-permai'" in err.getvalue()


# ------------------------------------------------------------------ a date known only as "before", roles, coverage

@pytest.mark.parametrize("lang, date, roles, note", [
    ("id", "| Tanggal | sebelum 27 November 2024 |", "(mendampingi Nanda Putri, ketua panitia)",
     "Catatan: Artikel tidak menyebut tanggal rapat"),
    ("en", "| Date | before 27 November 2024 |", "(accompanying Nanda Putri, committee chair)",
     "Note: The article gives no date for the meeting"),
])
def test_a_meeting_before_a_day_with_roles_a_note_and_a_branch_from_elsewhere(site, lang, date, roles, note):
    meeting = page(site, lang, f"meetings/{UNDATED_SHEET_ID}.md")
    assert date in meeting.splitlines()  # no weekday, no day the article does not give
    assert roles in next(line for line in meeting.splitlines() if line.startswith("| 2 |"))
    assert note in meeting
    # The Kodim is based in Karang Sari and serves Sukamaju: Sukamaju's page points to its entry there.
    region = page(site, lang, "regions/sukamaju.md")
    assert "(karang-sari.md#agency-kodim-0412)" in region.split("agencies-based-elsewhere", 1)[1]


def test_a_busy_operation_lists_its_latest_meetings_and_counts_the_rest_by_region(tmp_path, monkeypatch):
    """At national scale an operation links hundreds of meetings: its page lists the latest and a table by region."""
    from generator import pages
    monkeypatch.setattr(pages, "OPERATION_MEETINGS", 1)
    root = write_model_tree(tmp_path)
    build(BuildConfig(root=root, out=root / "build", site_url=SITE_URL))
    text = (root / "build" / "en" / "docs" / "operations" / "ops-mantap-praja-2024.md").read_text(encoding="utf-8")
    meetings = section(text, "## Meetings")
    assert "The latest 1 of 2 meetings" in meetings
    assert f"{FIGURES_SHEET_ID}.md" in meetings and f"{STAND_IN_SHEET_ID}.md" not in meetings  # the newer one
    by_region = section(text, "## Meetings by region").splitlines()
    assert "| [Karang Sari Regency](../regions/karang-sari.md) | 1 |" in by_region
    assert "| [Muara Baru City](../regions/muara-baru.md) | 1 |" in by_region


# ------------------------------------------------------------------ every page of the model tree, as a reader sees it

def test_no_page_of_the_model_tree_shows_markdown_as_text_or_an_unlabelled_header(site):
    """The model tree has the page kinds the small tree lacks (operations, the country, places, corrections): no
    page shows Markdown or template syntax as text (a table that did not render, a link, an attribute list ...)
    and every table header cell has a label (issue 18)."""
    said = content_text(site.parent)
    broken = {}
    for name, data in generated_pages(site).items():
        source = mkdocs_markdown().convert(strip_front_matter(data.decode("utf-8")))
        if (found := pipe_paragraphs(source) + unrendered_markdown(source, said)) or empty_header_cells(source):
            broken[name] = found or "an empty header cell"
    assert broken == {}
