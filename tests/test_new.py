"""`python -m generator new`: an article's text to an archived source and a draft fact sheet to review.

The article here is a fixture written for these tests (a fictional regency in the fixture tree). The draft is
compared with a golden file (tests/golden-new/), read when regenerated with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures import write_content_tree
from model_fixtures import model_documents
from generator import draft as drafting, passages
from generator.cli import main
from generator.load import read_content
from generator.verify import normalise

GOLDEN = Path(__file__).resolve().parent / "golden-new"
SHEET_ID = "2024-11-15-sukamaju-rakor-persiapan-distribusi-logistik"
ARTICLE = (
    "SUARA SUKAMAJU – KPU Kabupaten Sukamaju menggelar rapat koordinasi (rakor) persiapan distribusi logistik "
    "Pilkada 2024 di Aula KPU Sukamaju, Jumat (15/11/2024).\n"
    "Rakor dipimpin Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat, dan dihadiri Ketua Bawaslu Kabupaten Sukamaju "
    "Andi Pratama serta para camat.\n"
    "“Logistik untuk 845 TPS sudah kami terima dan akan kami distribusikan mulai Senin,” ujar Rahmat.\n"
    "Andi Pratama mengingatkan pentingnya pengawasan distribusi logistik. “Kami awasi setiap kotak suara sampai "
    "ke TPS,” tegasnya.\n"
    "Pemerintah daerah telah menyalurkan dana hibah Rp8,5 miliar untuk KPU.\n"
)


NEW_OUTPUT = [
    f"archived content/sources/{SHEET_ID}.txt",
    f"wrote content/articles/{SHEET_ID}.yaml: proposed a date, 2 people, 1 group, 2 quotes, 2 figures; "
    "new registry entries: 1 in agencies.yaml, 1 in people.yaml; 12 review marks",
    "next: confirm each '# review:' line against the article and delete it, write the summary and the titles, "
    "then run make check",
]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_guide_quotes_what_new_prints(lang):
    guide = (Path(__file__).resolve().parent.parent / "docs" / lang / "contributing.md").read_text(encoding="utf-8")
    assert "\n".join(NEW_OUTPUT) in guide


@pytest.fixture
def tree(tmp_path):
    root = write_content_tree(tmp_path / "repo")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return root, article


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "content").rglob("*")) if p.is_file()}


def test_new_archives_the_text_and_writes_a_draft_with_review_marks(tree, capsys):
    root, article = tree
    assert main(["--root", str(root), "new", str(article)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == NEW_OUTPUT
    assert (root / "content" / "sources" / f"{SHEET_ID}.txt").read_bytes() == ARTICLE.encode("utf-8")
    draft = (root / "content" / "articles" / f"{SHEET_ID}.yaml").read_text(encoding="utf-8")
    golden = GOLDEN / f"{SHEET_ID}.yaml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(draft, encoding="utf-8")
    assert draft == golden.read_text(encoding="utf-8")
    people = (root / "content" / "registry" / "people.yaml").read_text(encoding="utf-8")
    assert people.endswith('- id: andi-pratama\n  name: Andi Pratama\n')  # "Andi" is never used alone
    agencies = (root / "content" / "registry" / "agencies.yaml").read_text(encoding="utf-8")
    assert "- id: bawaslu-sukamaju\n  kind: bawaslu\n  region: sukamaju\n  name: Bawaslu Kabupaten Sukamaju\n" \
        in agencies


def test_check_refuses_the_draft_until_every_review_mark_is_gone(tree, capsys):
    root, article = tree
    assert main(["--root", str(root), "new", str(article)]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "12 error(s), 0 warning(s) in 3 file(s); nothing was written."
    assert f"content/articles/{SHEET_ID}.yaml:36:3: review: expected no review mark, found one left: Rahmat " \
           "Hidayat is named: confirm they attended (check the item under it against the article, then delete " \
           "the line)" in err
    assert all(": review: expected no review mark, found one left: " in line for line in err[:-1])
    # Only the review marks stand between the draft and a clean check: the draft is otherwise valid.
    for path in (root / "content").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text("".join(line for line in text.splitlines(keepends=True)
                                if not line.lstrip().startswith("# review:")), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().out.startswith("ok: checked ")


def test_a_review_mark_does_not_hide_the_sheets_other_problems(tree, capsys):
    root, article = tree
    assert main(["--root", str(root), "new", str(article)]) == 0
    capsys.readouterr()
    path = root / "content" / "articles" / f"{SHEET_ID}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("venue: Aula KPU Sukamaju", "venue: Aula KPU Sukamakmur"),
                    encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "Aula KPU Sukamakmur" in err and "review mark" in err


def test_new_refuses_a_text_already_archived_and_writes_nothing(tree, capsys):
    root, article = tree
    article.write_text((root / "content" / "sources" / "fx2_sukamaju.txt").read_text(encoding="utf-8")
                       .replace("\n", "\n\n"), encoding="utf-8")  # the same text, differently spaced
    before = snapshot(root)
    assert main(["--root", str(root), "new", str(article)]) == 2
    assert capsys.readouterr().err == (
        f"error: {article.as_posix()}: this text is already archived as content/sources/fx2_sukamaju.txt, cited by "
        "content/articles/2024-10-07-sukamaju-sosialisasi-pilkada.yaml (edit that fact sheet instead)\n")
    assert snapshot(root) == before


def test_new_refuses_to_overwrite_a_fact_sheet(tree, capsys):
    root, article = tree
    assert main(["--root", str(root), "new", str(article)]) == 0
    capsys.readouterr()
    other = article.with_name("again.txt")
    other.write_text(ARTICLE.replace("para camat", "para lurah"), encoding="utf-8")
    before = snapshot(root)
    assert main(["--root", str(root), "new", str(other)]) == 2
    assert capsys.readouterr().err == (
        f"error: content/articles/{SHEET_ID}.yaml already exists (a meeting with this date, region and name is in "
        "the digest: edit it, or archive this text under another name)\n")
    assert snapshot(root) == before


def test_new_asks_for_the_outlet_when_nothing_names_it(tree, capsys):
    root, article = tree
    article.write_text(ARTICLE.replace("SUARA SUKAMAJU – ", ""), encoding="utf-8")
    assert main(["--root", str(root), "new", str(article)]) == 2
    assert capsys.readouterr().err == (
        "error: found no outlet in the dateline (like 'Kabar Lampung, Sukadana –') and no --url: pass --outlet NAME\n")
    assert main(["--root", str(root), "new", str(article), "--outlet", "Suara Sukamaju"]) == 0


def test_new_needs_a_region_it_can_name(tree, capsys):
    root, article = tree
    article.write_text("KABAR – Rapat koordinasi digelar Senin (4/11/2024). “Semua siap,” ujar Budi.\n",
                       encoding="utf-8")
    assert main(["--root", str(root), "new", str(article)]) == 2
    assert capsys.readouterr().err == (
        "error: found no region the gazetteer or the registries know, nor a 'Kabupaten X' or 'Pemerintah Kota X' to "
        "propose (add the name the press uses for it to names: in content/registry/regions.yaml, then run new "
        "again)\n")


def test_new_reports_an_unreadable_article_without_a_traceback(tree, capsys):
    root, article = tree
    article.write_bytes(b"\xff\xfe not utf-8")
    assert main(["--root", str(root), "new", str(article)]) == 1
    err = capsys.readouterr().err
    assert "UTF-8" in err and "Traceback" not in err
    assert main(["--root", str(root), "new", str(article.with_name("missing.txt"))]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_a_new_region_is_proposed_with_what_it_still_needs(tree, capsys):
    root, article = tree
    article.write_text("KABAR TIMUR – Pemerintah Kabupaten Sungai Jernih menggelar rapat koordinasi (rakor) "
                       "kesiapan Pilkada 2024, Senin (4/11/2024).\n“Kami siap menyelenggarakan Pilkada,” ujar "
                       "Bupati Sungai Jernih, Hasan Basri.\nLogistik ke Kecamatan Tepi Air dikirim lewat sungai, juga "
                       "ke para kepala desa.\nKecamatan Tepi Air paling jauh.\n", encoding="utf-8")
    assert not (root / "content" / "registry" / "places.yaml").exists()
    assert main(["--root", str(root), "new", str(article)]) == 0
    regions = (root / "content" / "registry" / "regions.yaml").read_text(encoding="utf-8")
    assert "- id: sungai-jernih\n  name: Sungai Jernih\n  kind: regency\n" in regions
    assert "add its parent (the province) with a source" in regions
    places = (root / "content" / "registry" / "places.yaml").read_text(encoding="utf-8")
    assert places.startswith("# yaml-language-server: $schema=../../schema/places.schema.json\nplaces:\n")
    assert places.endswith("  - id: kecamatan-tepi-air\n    name: Kecamatan Tepi Air\n    kind: district\n"
                           "    region: sungai-jernih\n")
    assert places.count("- id:") == 1  # named twice, proposed once; "para kepala desa" names no place


# ---------------------------------------------------------------- property: a draft never states what the text does not

FRAGMENTS = st.sampled_from([
    "KPU Kabupaten Sukamaju menggelar rapat koordinasi (rakor) kesiapan Pilkada 2024",
    "Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat,", "Ketua Bawaslu Andi Pratama", "Kapolres AKBP Dedi Kurniawan",
    "Dandim 0412/Karang Sari Letkol Czi Ari Wibowo", "yang mewakili Bupati Sukamaju", "diwakili Harmono",
    "“Kami siap,” ujarnya.", '"Semua aman," kata Rahmat.', "Rp69 miliar untuk KPU", "Rp1,5 juta", "1.621 TPS",
    "DPT sebanyak 823.417 orang", "350 personel", "148 desa", "Senin (5/2/2024)", "Rabu, 20 November 2024",
    "Selasa (26/08)", "menjelang Pilkada 27 November 2024", "di Aula Hotel Permai", "tegasnya", "“", "”", '"',
    "Kabupaten Sungai Jernih", "Kota Baru", ",", ".", " – ", "\n",
    "Pemerintah Kabupaten Way Sejuk menggelar", "Penjabat (Pj) Bupati Way Sejuk, Drs. Hendra Kusuma, M.Si",
    "Ketua KPU Way Sejuk Nurhasanah, S.Pd.", "Dandim 0431/Way Sejuk Letkol Inf Bima Saputra",
    "dibantu 150 personel dari Kodim 0431/Way Sejuk", "pihaknya menyiagakan 320 personel",
    "27 TPS yang masuk kategori rawan", "daftar pemilih tetap (DPT) di Kabupaten Way Sejuk sebanyak 187.530 pemilih",
    "dana hibah Rp32,5 miliar, terdiri atas Rp24 miliar untuk KPU dan Rp8,5 miliar untuk Bawaslu",
    "pemilihan umum (Pemilu) tahun 2024", "Pemilihan Kepala Daerah (Pilkada) serentak 2024",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(FRAGMENTS, st.text(min_size=1, max_size=12)), min_size=1, max_size=30))
def test_every_passage_a_draft_copies_is_in_the_text_in_the_shape_check_needs(tmp_path_factory, parts):
    root = write_content_tree(tmp_path_factory.mktemp("repo"))
    text = "".join(parts)
    content = read_content(root / "content", root).content
    reading = drafting.Reading(text, content, "Kabar", None, None)
    try:
        draft = drafting.build(reading, lambda sheet_id: f"{sheet_id}.txt")
    except drafting.NewError:
        return
    document = yaml.safe_load(drafting.render_sheet(draft))  # whatever the text holds, the YAML parses
    plain = normalise(text)
    for passage in drafting.copied_passages(document):
        assert normalise(passage) in plain, passage
    # ... and in the shape check holds it to: a quote is a quotation, the rest whole words, evidence two or more
    article = passages.read_article(text)
    for statement in document.get("statements", ()):
        assert passages.quote_problem(article, statement["quote"]) is None, statement["quote"]
    for key, passage in ((k, v) for k, v in drafting.copied_fields(document) if k != "quote"):
        least = passages.EVIDENCE_WORDS if key == "evidence" and passages.words(plain) >= 2 else 0
        assert passages.span_problem(article, normalise(passage), key, least) is None, (key, passage)
    assert document["id"] == draft.sheet_id and re.fullmatch(r"[a-z0-9-]+", draft.sheet_id)


@pytest.mark.parametrize("number, scale, value", [
    ("1,005", "miliar", 1_005_000_000),  # as a float, 1.005 * 10**9 is 1004999999.9999999
    ("103,66", "Miliar", 103_660_000_000), ("1.621", None, 1621), ("dua", None, 2), ("1,5", None, None),
])
def test_figures_are_read_in_whole_units_as_check_reads_them(number, scale, value):
    assert drafting.whole_number(number, scale) == value


def test_a_meeting_the_article_does_not_name_keeps_words_the_article_has(tree, capsys):
    root, article = tree
    text = ("KABAR SUKAMAJU – KPU Kabupaten Sukamaju membahas kesiapan logistik Pilkada 2024, Jumat (15/11/2024).\n"
            "“Semua siap,” ujar Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat.\n")
    article.write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "new", str(article)]) == 0
    sheet_path = next((root / "content" / "articles").glob("2024-11-15-*.yaml"))
    draft = sheet_path.read_text(encoding="utf-8")
    meeting = yaml.safe_load(draft)["meeting"]
    assert meeting["name"] == "KPU Kabupaten Sukamaju membahas kesiapan logistik Pilkada 2024"  # not "Sukamaju"
    assert "found no meeting name" in draft


# ---------------------------------------------------------------- rules, each on a small text of its own

GENERAL_ELECTION = {"id": "pemilu-2024", "kind": "pemilu", "name": {"id": "Pemilu 2024", "en": "2024 General Election"},
                    "voting_date": dt.date(2024, 2, 14), "source": {"title": "Peraturan KPU Nomor 3 Tahun 2022"}}


@pytest.fixture(scope="module")
def model_content(tmp_path_factory):
    """The model tree's registries (a pemda kind for every regional government, Kodim, Polres, KPU, Bawaslu) and
    a general election beside its Pilkada; none of them knows the regions the texts below bring."""
    docs = model_documents()
    docs["registry/elections.yaml"]["elections"].append(GENERAL_ELECTION)
    root = write_content_tree(tmp_path_factory.mktemp("model"), docs)
    return read_content(root / "content", root).content


def drafted(content, text: str, url: str | None = None) -> drafting.Draft:
    reading = drafting.Reading(text, content, "Kabar", url, None)
    return drafting.build(reading, lambda sheet_id: f"{sheet_id}.txt")


def registry_entries(draft: drafting.Draft, file_name: str) -> dict[str, dict]:
    return {item.fields["id"]: item.fields for item in draft.registry[file_name]}


NEW_REGENCY = ("KABAR DANAU – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) kesiapan Pilkada "
               "2024 di Aula Sekretariat Daerah, Senin (4/11/2024).\n"
               "Rakor dipimpin Penjabat (Pj) Bupati Danau Biru, Drs. H. Arif Rahman, M.Si, dan dihadiri Ketua KPU "
               "Danau Biru Siti Aminah, S.Pd., Kapolres Danau Biru AKBP Dodi Hermawan, S.I.K., dan Ketua Bawaslu "
               "Danau Biru Made Wirawan.\n"
               "“Semua tahapan harus berjalan aman,” ujar Arif.\n")


def test_a_post_names_the_new_region_it_proposes_and_the_person_after_it(model_content):
    draft = drafted(model_content, NEW_REGENCY)
    assert registry_entries(draft, "regions.yaml") == {
        "danau-biru": {"id": "danau-biru", "name": "Danau Biru", "kind": "regency"}}
    people = registry_entries(draft, "people.yaml")
    assert people == {
        "arif-rahman": {"id": "arif-rahman", "name": "Arif Rahman", "honorifics": "Drs. H.", "degrees": "M.Si",
                        "short_names": ["Arif"]},
        "siti-aminah": {"id": "siti-aminah", "name": "Siti Aminah", "degrees": "S.Pd."},
        "dodi-hermawan": {"id": "dodi-hermawan", "name": "Dodi Hermawan", "rank": "AKBP", "degrees": "S.I.K."},
        "made-wirawan": {"id": "made-wirawan", "name": "Made Wirawan"}}
    attendance = {item.fields["person"]: item.fields for item in draft.attendance}
    assert [(a["position"], a.get("agency"), a.get("inferred")) for a in attendance.values()] == [
        ("Penjabat (Pj) Bupati Danau Biru", "pemda-danau-biru", None),  # the tree's kind for any government
        ("Ketua KPU Danau Biru", "kpu-danau-biru", None),
        ("Kapolres Danau Biru", "polres-danau-biru", None),
        ("Ketua Bawaslu Danau Biru", "bawaslu-danau-biru", None)]
    assert attendance["arif-rahman"]["evidence"] == "Penjabat (Pj) Bupati Danau Biru, Drs. H. Arif Rahman, M.Si"
    assert draft.sheet["meeting"]["chair"] == "arif-rahman"
    assert draft.statements[0].fields["speaker"] == "arif-rahman"  # "ujar Arif."
    assert draft.sheet["meeting"]["organiser"] == "pemda-danau-biru"  # "Pemerintah Kabupaten Danau Biru menggelar"
    assert registry_entries(draft, "agencies.yaml")["pemda-danau-biru"]["name"] == "Pemda Danau Biru"


def test_a_numbered_unit_keeps_its_number(model_content):
    text = ("KABAR – Pemerintah Kota Teluk Damai menggelar rapat koordinasi (rakor) pengamanan Pilkada 2024, Senin "
            "(4/11/2024).\nHadir Dandim 0812/Teluk Damai Letkol Inf Rudi Hartanto dan Dandim 0412/Karang Sari "
            "Letkol Czi Ari Wibowo.\n")
    draft = drafted(model_content, text)
    attendance = {item.fields["person"]: item.fields for item in draft.attendance}
    # New, it is named by its number and seat as printed; in the registry, found by its number (not inferred).
    assert attendance["rudi-hartanto"]["agency"] == "kodim-0812" and "inferred" not in attendance["rudi-hartanto"]
    assert attendance["ari-wibowo"]["agency"] == "kodim-0412" and "inferred" not in attendance["ari-wibowo"]
    # A proposed city's id begins with kota-, as the gazetteer's do (a regency and a city often share a name).
    assert registry_entries(draft, "agencies.yaml") == {
        "pemda-kota-teluk-damai": {"id": "pemda-kota-teluk-damai", "kind": "pemda", "region": "kota-teluk-damai",
                                   "name": "Pemda Teluk Damai"},
        "kodim-0812": {"id": "kodim-0812", "kind": "kodim", "region": "kota-teluk-damai",
                       "name": "Kodim 0812/Teluk Damai"}}
    assert registry_entries(draft, "regions.yaml") == {
        "kota-teluk-damai": {"id": "kota-teluk-damai", "name": "Teluk Damai", "kind": "city"}}
    assert draft.sheet["meeting"]["organiser"] == "pemda-kota-teluk-damai"


def figures_of(draft: drafting.Draft) -> list[dict]:
    return [{k: v for k, v in item.fields.items() if k not in ("id", "label", "evidence")} for item in draft.figures]


def test_figures_counted_once_with_their_kind_their_list_and_their_branches(model_content):
    text = ("Pemkab Danau Biru Siapkan 412 TPS\n"
            "KABAR – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) pengamanan Pilkada 2024, "
            "Senin (4/11/2024).\n"
            "Ketua KPU Danau Biru Siti Aminah menjelaskan, jumlah daftar pemilih tetap (DPT) di Kabupaten Danau Biru "
            "sebanyak 187.530 pemilih yang tersebar di 412 TPS.\n"
            "Kapolres Danau Biru AKBP Dodi Hermawan mengatakan pihaknya menyiagakan 320 personel, dibantu 150 "
            "personel dari Kodim 0812/Danau Biru.\n"
            "“Kami sudah memetakan 27 TPS yang masuk kategori rawan,” tegasnya.\n")
    draft = drafted(model_content, text)
    assert figures_of(draft) == [
        {"kind": "voters", "voter_list": "DPT", "value": 187530, "as_stated": "187.530 pemilih"},
        {"kind": "polling-stations", "value": 412, "as_stated": "412 TPS"},  # the headline's 412 is the body's
        {"kind": "personnel", "value": 320, "as_stated": "320 personel", "agencies": ["polres-danau-biru"]},
        {"kind": "personnel", "value": 150, "as_stated": "150 personel", "agencies": ["kodim-0812"]},
        {"kind": "vulnerable-polling-stations", "value": 27, "as_stated": "27 TPS"}]
    assert draft.figures[1].fields["evidence"].startswith("Ketua KPU Danau Biru Siti Aminah menjelaskan")
    assert draft.figures[0].fields["label"] == {"id": "Daftar pemilih tetap (DPT)"}
    assert "the agency follows from 'pihaknya' after 'Kapolres Danau Biru'" in draft.figures[2].review


def test_a_headline_figure_the_body_does_not_repeat_is_kept(model_content):
    text = ("Pemkab Danau Biru Siapkan 500 Personel\n"
            "KABAR – Pemerintah Kabupaten Danau Biru menggelar rakor Pilkada 2024 di 412 TPS, Senin (4/11/2024).\n")
    assert [f["value"] for f in figures_of(drafted(model_content, text))] == [500, 412]


@pytest.mark.parametrize("sentence, parts", [
    # Parts announced by 'terdiri atas' in the total's sentence, decimal amounts that add up exactly.
    ("dana hibah Pilkada sebesar Rp32,5 miliar, terdiri atas Rp24 miliar untuk KPU dan Rp8,5 miliar untuk "
     "Bawaslu.", [("hibah", "kpu-danau-biru"), ("hibah", "bawaslu-danau-biru")]),
    # Without a recipient, 'terdiri atas' alone makes them parts.
    ("anggaran Rp10,25 miliar dari APBD, terdiri atas Rp6,75 miliar honor petugas dan Rp3,5 miliar logistik.",
     [("APBD", None), ("APBD", None)]),
])
def test_budget_parts_that_add_up_and_their_funding(model_content, sentence, parts):
    text = ("KABAR – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) Pilkada 2024, Senin "
            f"(4/11/2024).\nPemkab Danau Biru telah menyalurkan {sentence}\n")
    total, *rest = figures_of(drafted(model_content, text))
    assert total["funding"] == parts[0][0] and "part_of" not in total
    assert [(f["funding"], f.get("recipient"), f["part_of"]) for f in rest] == [
        (funding, recipient, "anggaran") for funding, recipient in parts]
    assert sum(f["value"] for f in rest) == total["value"]


def test_parts_that_do_not_add_up_are_not_parts(model_content):
    text = ("KABAR – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) Pilkada 2024, Senin "
            "(4/11/2024).\nAnggaran Rp32,5 miliar, terdiri atas Rp24 miliar untuk KPU dan Rp8 miliar untuk Bawaslu.\n")
    assert all("part_of" not in f for f in figures_of(drafted(model_content, text)))


def test_an_election_named_by_its_kind_is_stated_and_the_general_word_is_a_link(model_content):
    lead = "KABAR – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) pengamanan "
    regional = drafted(model_content, lead + "Pemilihan Kepala Daerah (Pilkada) serentak 2024, Senin (4/11/2024).\n")
    assert regional.sheet["meeting"]["elections"] == ["pilkada-2024"]
    assert "inferred" not in regional.sheet["meeting"] and "confirm the one in elections" in regional.reviews["meeting"]
    # "Pemilu" is said of any election: the general election is the digest's link, by the meeting's date.
    general = drafted(model_content, lead + "pemilihan umum (Pemilu) tahun 2024, Senin (5/2/2024).\n")
    assert general.sheet["meeting"]["elections"] == ["pemilu-2024"]
    assert general.sheet["meeting"]["inferred"] == ["elections"]
    assert general.sheet["meeting"]["inference_note"]["id"].startswith('Artikel menyebut "pemilihan umum"')


@pytest.mark.parametrize("url, published", [
    ("https://wartasejuk.example/2024/11/14/rakor-pengamanan-pilkada-way-sejuk", dt.date(2024, 11, 14)),
    ("https://kabar.example/berita/2024-11-04-rakor-pilkada", dt.date(2024, 11, 4)),
    ("https://kabar.example/read/2024/11/4/rakor", dt.date(2024, 11, 4)),
    ("https://kabar.example/rakor-pilkada-2024", None),  # a year is not a day
    ("https://kabar.example/2024/13/40/rakor", None),  # no such day
    ("https://kabar.example/2024/11/14/rakor?dari=2024/11/15/", None),  # two days: which one?
    (None, None),
])
def test_the_publication_date_comes_from_an_address_that_holds_it(model_content, url, published):
    text = ("KABAR – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) Pilkada 2024, Senin "
            "(4/11/2024).\n")
    source = drafted(model_content, text, url=url).sheet["source"]
    assert source.get("published") == published
    assert source.get("published_basis") == ("url" if published else None)


@pytest.mark.parametrize("name, kind_word, words", [
    ("rapat koordinasi (rakor) pengamanan Pemilihan Kepala Daerah (Pilkada) serentak 2024", "rakor",
     ["pengamanan", "pilkada"]),
    ("rapat koordinasi (Rakor) persiapan penyelenggaraan pemilihan umum (Pemilu) tahun 2024", "rakor",
     ["persiapan", "pemilu"]),
    ("rapat koordinasi (rakor) kesiapan Pemilihan Wali Kota dan Wakil Wali Kota Sungai Jernih 2024", "rakor",
     ["kesiapan", "pilkada"]),
    ("rapat koordinasi persiapan Pemungutan Suara Ulang (PSU) Pemilihan Bupati", "rakor", ["persiapan", "psu"]),
    ("rapat koordinasi (rakor) persiapan distribusi logistik Pilkada 2024", "rakor",
     ["persiapan", "distribusi", "logistik"]),
    ("rapat koordinasi (rakor) lintas sektoral dalam rangka Operasi Mantap Praja 2024 guna pengamanan Pemilihan "
     "Bupati dan Wakil Bupati Bukit Rimba", "rakor", ["lintas", "sektoral", "pilkada"]),
    ("rapat koordinasi (rakor) kesiapan Gedung Olah Raga Baru", "rakor", ["kesiapan"]),  # not 'gedung-olah'
    ("rapat koordinasi nasional (rakornas) pengawasan Pilkada 2024", "rakor", ["pengawasan", "pilkada"]),
    ("sosialisasi Pilkada 2024", "sosialisasi", ["pilkada"]),
])
def test_a_sheet_id_takes_whole_phrases_up_to_the_election(name, kind_word, words):
    head = "rakornas" if "rakornas" in name else kind_word
    assert drafting.id_words(name, kind_word) == (head, words)


def test_a_second_new_region_a_post_names_is_proposed_with_its_branch(model_content):
    text = ("KABAR – Pemerintah Kabupaten Danau Biru menggelar rapat koordinasi (rakor) Pilkada 2024 bersama KPU "
            "Kota Teluk Damai, Senin (4/11/2024).\nHadir Ketua KPU Kota Teluk Damai Budi Santoso dan para camat "
            "se-Kabupaten Danau Biru.\n")
    draft = drafted(model_content, text)
    assert draft.sheet["meeting"]["region"] == "danau-biru"
    assert [a.fields.get("person") for a in draft.attendance] == ["budi-santoso", None]
    assert draft.attendance[1].fields == {"position": "para camat se-Kabupaten Danau Biru", "group": True,
                                          "evidence": "para camat se-Kabupaten Danau Biru"}
    assert registry_entries(draft, "agencies.yaml")["kpu-kota-teluk-damai"]["region"] == "kota-teluk-damai"
    assert set(registry_entries(draft, "regions.yaml")) == {"danau-biru", "kota-teluk-damai"}


# ---------------------------------------------------------------- the timing article, in a clone of the repository

TIMING = Path(__file__).resolve().parent / "timing" / "article.txt"
TIMING_URL = "https://wartasejuk.example/2024/11/14/rakor-pengamanan-pilkada-way-sejuk"
TIMING_ID = "2024-11-14-way-sejuk-rakor-pengamanan-pilkada"


def test_new_drafts_the_timing_article_in_a_clone_that_knows_none_of_its_names(tmp_path, capsys):
    """tests/timing/article.txt (Kabupaten Way Sejuk, which no registry knows, nor its agencies or people), as a
    contributor ran it in a clone of the repository; its hand-made sheet is bench/new_recall.py's timing corpus."""
    root = tmp_path / "repo"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", root / "content")
    registry_before = {p.name: p.read_text(encoding="utf-8") for p in (root / "content" / "registry").iterdir()}
    assert main(["--root", str(root), "new", str(TIMING), "--url", TIMING_URL, "--outlet", "Warta Sejuk"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        f"archived content/sources/{TIMING_ID}.txt",
        f"wrote content/articles/{TIMING_ID}.yaml: proposed a date, 5 people, 1 group, 4 quotes, 8 figures; new "
        "registry entries: 1 in regions.yaml, 5 in agencies.yaml, 5 in people.yaml; 32 review marks",
        "next: confirm each '# review:' line against the article and delete it, write the summary and the titles, "
        "then run make check"]
    assert (root / "content" / "sources" / f"{TIMING_ID}.txt").read_bytes() == TIMING.read_bytes()
    # The draft and what it adds to each registry file, compared with golden files read when regenerated.
    added = "".join(f"# {name}\n{path.read_text(encoding='utf-8').removeprefix(registry_before[name])}\n"
                    for name in sorted(registry_before) if (path := root / "content" / "registry" / name).read_text(
                        encoding="utf-8") != registry_before[name])
    for golden, text in ((GOLDEN / f"{TIMING_ID}.yaml",
                          (root / "content" / "articles" / f"{TIMING_ID}.yaml").read_text(encoding="utf-8")),
                         (GOLDEN / f"{TIMING_ID}.registry.txt", added)):
        if os.environ.get("UPDATE_GOLDEN"):
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), golden.name
    # Only the review marks stand between the draft and a clean check.
    for path in (root / "content").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text("".join(line for line in text.splitlines(keepends=True)
                                if not line.lstrip().startswith("# review:")), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err


def test_a_new_regions_name_ends_before_a_post(model_content):
    # Found by drafting random texts and checking them: "Kabupaten Danau Biru Penjabat" was a region.
    text = ("KABAR – Pemilihan Kepala Daerah (Pilkada) 2024 di Kabupaten Danau Biru Penjabat (Pj) Bupati Danau Biru, "
            "Drs. Arif Rahman, membuka rapat koordinasi, Senin (4/11/2024).\n")
    draft = drafted(model_content, text)
    assert registry_entries(draft, "regions.yaml") == {
        "danau-biru": {"id": "danau-biru", "name": "Danau Biru", "kind": "regency"}}
    assert [a.fields["person"] for a in draft.attendance] == ["arif-rahman"]


def test_a_meeting_name_the_lead_stands_in_for_is_never_empty(model_content):
    # Found the same way: a lead that begins with a comma gave an empty name, which check refuses.
    draft = drafted(model_content,
                    "KABAR – , Pemerintah Kabupaten Danau Biru membahas Pilkada 2024, Senin (4/11/2024).\n")
    assert draft.sheet["meeting"]["name"] == "Pemerintah Kabupaten Danau Biru membahas Pilkada 2024"


# ---------------------------------------------------------------- what new writes, whatever it is given


@pytest.mark.parametrize("url", ["https://example.org/a\n# review: fine", "https://example.org/a b",
                                 "https://example.org/\x00", "https://example.org/\u2028x", "example.org/berita"])
def test_new_refuses_an_address_it_could_not_write_on_one_line(tree, capsys, url):
    """Before: an address with a line break was written as a multi-line value whose inner line looked like a review
    mark; deleting it, as new asks, left invalid YAML."""
    root, article = tree
    before = snapshot(root)
    assert main(["--root", str(root), "new", str(article), "--url", url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: --url: expected an http:// or https:// address without spaces, line breaks or "
                          "control characters, received ")
    assert err.endswith(" (copy the address from the browser's address bar)\n") and err.count("\n") == 1
    assert snapshot(root) == before


@pytest.mark.parametrize("text", ["https://example.org/a\n# review: fine", "a\n\n  # review: x", "x\u2028y",
                                  "tab\there", "\ufeffbom", 'quote " and \\ backslash', "Yes", "null"])
def test_a_written_value_is_one_line_and_reads_back_as_itself(text):
    written = drafting.scalar(text)
    assert "\n" not in written and not any(line.lstrip().startswith("#") for line in written.splitlines()[1:])
    assert yaml.safe_load(f"key: {written}\n") == {"key": text}


def test_name_words_yaml_reads_as_true_false_or_nothing_stay_text():
    """Before: short names and ids were written in a flow list unquoted, so [Yes, On, No, Null] read back as
    True, True, False and None (YAML 1.1)."""
    words = ["Yes", "On", "No", "Null", "off", "TRUE", "2024", "Andi"]
    entry = drafting.Proposed({"id": "yes-on", "name": "Yes On", "short_names": words}, "a person")
    written = drafting.render_entries([entry])
    assert yaml.safe_load(written)[0]["short_names"] == words
    assert "[Andi]" in drafting.render_entries([drafting.Proposed({"short_names": ["Andi"]}, "x")])


def test_an_article_file_name_with_a_line_break_stays_on_one_line(tree, capsys):
    """Before: new's own errors were printed without one_line, so a file name could start a line GitHub Actions
    runs as a workflow command."""
    root, article = tree
    named = article.with_name("a\n::error::injected.txt")
    named.write_text("", encoding="utf-8")
    assert main(["--root", str(root), "new", str(named)]) == 2
    out, err = capsys.readouterr()
    assert not [line for line in (out + err).splitlines() if line.startswith("::")]
    assert err.count("\n") == 1 and "a\\n::error::injected.txt: expected an article's text" in err
