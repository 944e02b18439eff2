"""Golden drafts of `new` for the shapes of Indonesian news writing issues 28.3 and 29 name, one short fictional
article per shape, drafted in a copy of the repository's content (its gazetteer, registries and seed sheets).
Regenerate with UPDATE_GOLDEN=1 and read each diff: a golden changes only where the draft got better.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import draft as drafting
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden-new"

SHAPES = {
    # The headline names a post and a short name ('Kapolres Kukar Hadiri'): no person; a publication date on a
    # line of its own; 'Kukar' is Kutai Kartanegara (a short name the press makes), never part of a name; the
    # Kasat Pol PP is no Polres officer; 'Plt. Bupati'; corps with a full stop; groups; the byline.
    "shape-short-name-and-headline": (
        "Kapolres Kukar Hadiri Rakor Pengamanan Pilkada di Tenggarong\n"
        "Rabu, 6 November 2024 | 14:05 WITA\n"
        "Warta Mahakam, Tenggarong – Kapolres Kukar AKBP Gilang Pramudya, S.I.K. menghadiri rapat koordinasi "
        "pengamanan Pilkada 2024 di Pendopo Bupati Kukar, Selasa (5/11/2024).\n"
        "Rakor dipimpin Plt. Bupati Kukar Rudiansyah. Hadir Dandim 0906/Kukar Letkol Inf. Bayu Sasongko, Kasat "
        "Pol PP Kukar Herman Sitorus serta para camat se-Kabupaten Kutai Kartanegara.\n"
        "“Pengamanan kami mulai dari gudang logistik sampai ke TPS,” ujar Gilang.\n"
        "Rudiansyah meminta camat memantau netralitas aparatur desa. “Laporkan setiap pelanggaran,” tegasnya.\n"
        "Penulis: Sri Wahyuni\n"),
    # A provincial meeting datelined at a regency's seat (Mamuju): the province, not the regency; a governor has
    # no agency when the registry has no provincial government's kind; 'Sulbar' in the headline is no person.
    "shape-province-at-a-regency-seat": (
        "Pj Gubernur Sulbar Buka Rakor Logistik Pilkada\n"
        "Kabar Barat, Mamuju – Pemerintah Provinsi Sulawesi Barat menggelar rapat koordinasi distribusi logistik "
        "Pilkada 2024 di Kantor Gubernur Sulawesi Barat, Kamis (14/11/2024).\n"
        "Rakor dibuka secara resmi oleh Penjabat (Pj) Gubernur Sulawesi Barat, Drs. Hasan Mallawa, M.Si. Hadir "
        "Ketua KPU Provinsi Sulawesi Barat Yusnaeni Amir.\n"
        "“Logistik untuk 2.650 TPS sudah tiba di kabupaten,” kata Yusnaeni.\n"),
    # A rank in full and short for one person; 'Pj.Bupati' with no space; 'Letkol Infanteri'; a one-word name a
    # speech verb gives; a text its source cut off mid-sentence (archive: partial).
    "shape-ranks-in-full-and-a-partial-text": (
        "Polres dan Pemkab Lampung Selatan Rakor Pengamanan Pilkada\n"
        "Lampung Kini, Kalianda – Pemerintah Kabupaten Lampung Selatan menggelar rapat koordinasi pengamanan "
        "Pilkada 2024 di Aula Krakatau, Kalianda, Senin (21/10/2024).\n"
        "Rakor dipimpin Pj.Bupati Lampung Selatan Dedi Firmansyah. Hadir Kabag Ops Polres Lampung Selatan Komisaris "
        "Polisi (Kompol) Andreas Simbolon, Dandim 0421/Lampung Selatan Letkol Infanteri Yoga Pratama dan Ketua KPU "
        "Lampung Selatan Mardiana.\n"
        "Kompol Andreas Simbolon menyebut 1.120 personel disiagakan. “Kami siap mengamankan seluruh tahapan,” "
        "jelasnya.\n"
        "“Logistik sudah kami periksa dua kali,” ujar Mardiana.\n"
        "Dandim 0421/Lampung Selatan Letkol Infanteri Yoga Pratama menambahkan, TNI siap membantu\n"),
    # Places in posts: a district town ('Danramil Kota Agung') is no city; a village before a comma; the
    # regency and the city of one name; a chair who opens the meeting himself.
    "shape-places-in-posts": (
        "Bupati Tanggamus Buka Rakor Netralitas Kepala Pekon\n"
        "Sinar Semaka, Kota Agung – Bupati Tanggamus Ahmad Zulfikar membuka secara resmi rapat koordinasi "
        "netralitas kepala pekon menghadapi Pilkada 2024 di Gedung Serbaguna Kota Agung, Rabu (2/10/2024).\n"
        "Hadir Danramil Kota Agung Kapten Inf Samsul Bahri, Kepala Pekon Kuripan, Suryadi, Lurah Baros, Nurlela "
        "dan jajaran Forkopimda.\n"
        "“Kepala pekon dilarang ikut kampanye,” tegas Zulfikar.\n"
        "“Babinsa kami awasi sampai ke pekon,” kata Samsul.\n"),
}


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "content", root / "content")
    return root


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_draft_of_each_shape(shape, repository, tmp_path, capsys):
    root = tmp_path / "repo"
    shutil.copytree(repository / "content", root / "content")
    article = tmp_path / f"{shape}.txt"
    article.write_text(SHAPES[shape], encoding="utf-8")
    made = drafting.new(root, article)
    draft = (root / "content" / "articles" / f"{made.sheet_id}.yaml").read_text(encoding="utf-8")
    registry = "".join(f"# {path.name}\n{path.read_text(encoding='utf-8').removeprefix((repository / 'content' / 'registry' / path.name).read_text(encoding='utf-8'))}\n"
                       for path in sorted((root / "content" / "registry").iterdir())
                       if path.read_text(encoding="utf-8") != (repository / "content" / "registry" / path.name).read_text(encoding="utf-8"))
    golden = GOLDEN / f"{shape}.txt"  # the draft, then what each registry file gains: not one YAML document
    text = f"# {made.sheet_id}\n{draft}\n# what the registries gain\n{registry}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), golden.name
    # Every item carries its review mark, and only the marks stand between the draft and a clean check.
    assert "# review:" in draft
    for path in (root / "content").rglob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if not line.lstrip().startswith("# review:")), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err
