"""The national gazetteer (issue 28): `python -m generator gazetteer` imports every province, regency and city
from the pinned idn-area-data package, keeps ids stable by code, refuses data it does not expect, and the
committed content/registry/gazetteer.yaml is exactly what the pinned package gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator import gazetteer
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
PINNED = ROOT / "node_modules" / "idn-area-data"


def make_package(folder: Path, provinces: str, regencies: str, version: str = "9.9.9") -> Path:
    """A package folder shaped like idn-area-data: package.json and data/{provinces,regencies}.csv."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text(json.dumps({"name": "idn-area-data", "version": version}), encoding="utf-8")
    (folder / "data" / "provinces.csv").write_text("code,name\n" + provinces, encoding="utf-8")
    (folder / "data" / "regencies.csv").write_text("code,province_code,name\n" + regencies, encoding="utf-8")
    return folder


PROVINCES = "18,Lampung\n75,Gorontalo\n31,Daerah Khusus Ibukota Jakarta\n"
REGENCIES = ("18.01,18,Kabupaten Lampung Selatan\n18.71,18,Kota Bandar Lampung\n75.01,75,Kabupaten Gorontalo\n"
             "75.71,75,Kota Gorontalo\n31.71,31,Kota Administrasi Jakarta Pusat\n"
             "31.01,31,Kabupaten Administrasi Kepulauan Seribu\n")


def regions_of(text: str) -> dict[str, dict]:
    return {r["code"]: r for r in yaml.safe_load(text)["regions"]}


def test_ids_kinds_and_parents(tmp_path):
    package = make_package(tmp_path / "pkg", PROVINCES, REGENCIES)
    imported = gazetteer.import_gazetteer(package, tmp_path / "gazetteer.yaml")
    regions = regions_of(imported.text)
    assert {code: (r["id"], r["kind"], r.get("parent")) for code, r in regions.items()} == {
        "18": ("lampung", "province", None), "31": ("daerah-khusus-ibukota-jakarta", "province", None),
        "75": ("gorontalo", "province", None),
        "18.01": ("lampung-selatan", "regency", "lampung"), "18.71": ("kota-bandar-lampung", "city", "lampung"),
        # a regency named as its province, and a city named as both
        "75.01": ("kabupaten-gorontalo", "regency", "gorontalo"), "75.71": ("kota-gorontalo", "city", "gorontalo"),
        "31.71": ("kota-jakarta-pusat", "city", "daerah-khusus-ibukota-jakarta"),
        "31.01": ("kepulauan-seribu", "regency", "daerah-khusus-ibukota-jakarta"),
    }
    assert regions["31.71"]["name"] == "Jakarta Pusat"
    assert regions["31.71"]["official_name"] == "Kota Administrasi Jakarta Pusat"
    assert imported.counts == {"province": 3, "regency": 3, "city": 3}
    assert list(regions) == sorted(regions), "one region a line, in code order"


def test_a_code_keeps_its_id_when_renamed_and_changes_are_reported(tmp_path):
    output = tmp_path / "gazetteer.yaml"
    output.write_text(gazetteer.import_gazetteer(make_package(tmp_path / "a", PROVINCES, REGENCIES), output).text,
                      encoding="utf-8")
    renamed = REGENCIES.replace("Kota Bandar Lampung", "Kota Tanjung Karang").replace(
        "75.71,75,Kota Gorontalo\n", "") + "18.72,18,Kota Metro\n"
    imported = gazetteer.import_gazetteer(make_package(tmp_path / "b", PROVINCES, renamed), output)
    regions = regions_of(imported.text)
    assert regions["18.71"]["id"] == "kota-bandar-lampung" and regions["18.71"]["name"] == "Tanjung Karang"
    assert (imported.added, imported.removed) == (("18.72",), ("75.71",))
    assert imported.renamed == (("18.71", "Bandar Lampung", "Tanjung Karang"),)


@pytest.mark.parametrize("provinces, regencies, message", [
    ("18,Lampung\n", "18.1,18,Kabupaten Lampung Selatan\n",
     "regencies.csv:2: expected a code like '18.07', received '18.1'"),
    ("18,Lampung\n", "19.01,19,Kabupaten Bangka\n",
     "regencies.csv:2: expected the code of its province (19), received '19'"),
    ("18,Lampung\n", "18.01,18,Lampung Selatan\n",
     "regencies.csv:2: expected a name that begins 'Kabupaten' or 'Kota', received 'Lampung Selatan'"),
    ("18,Lampung\n18,Lampung\n", "", "expected each province code once, received 18 twice"),
    ("18,<b>Lampung</b>\n", "", "provinces.csv:2: expected a name of letters, spaces and . ' -, received '<b>Lampung</b>'"),
])
def test_unexpected_data_is_refused_with_its_line(tmp_path, provinces, regencies, message):
    package = make_package(tmp_path / "pkg", provinces, regencies)
    with pytest.raises(gazetteer.GazetteerError) as raised:
        gazetteer.import_gazetteer(package, tmp_path / "gazetteer.yaml")
    assert message in str(raised.value)


def test_cli_writes_then_checks(tmp_path, capsys):
    package = make_package(tmp_path / "pkg", PROVINCES, REGENCIES)
    (tmp_path / "content" / "registry").mkdir(parents=True)
    assert main(["--root", str(tmp_path), "gazetteer", "--check", "--package", str(package)]) == 1
    assert "stale: content/registry/gazetteer.yaml differs from idn-area-data 9.9.9 (9 added, 0 removed, " \
           "0 renamed; run: python -m generator gazetteer)" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "gazetteer", "--package", str(package)]) == 0
    assert capsys.readouterr().out == ("wrote content/registry/gazetteer.yaml from idn-area-data 9.9.9: 3 provinces, "
                                       "3 regencies, 3 cities (9 added, 0 removed, 0 renamed)\n")
    assert main(["--root", str(tmp_path), "gazetteer", "--check", "--package", str(package)]) == 0
    assert capsys.readouterr().out == ("ok: content/registry/gazetteer.yaml is idn-area-data 9.9.9: 3 provinces, "
                                       "3 regencies, 3 cities\n")


def test_cli_without_the_package_says_how_to_install_it(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "gazetteer", "--package", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err == (f"error: {tmp_path / 'missing' / 'package.json'}: expected the idn-area-data package, found "
                   "nothing there (run: npm ci, which installs the version pinned in package-lock.json)\n")


def test_the_committed_gazetteer_is_the_pinned_package():
    """A reviewer reads the gazetteer's diff; this holds it to the package package-lock.json pins."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/idn-area-data"]["version"]
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["idn-area-data"] == pinned
    if not (PINNED / "package.json").is_file():
        pytest.fail("node_modules/idn-area-data is missing: run npm ci (make test does)")
    committed = ROOT / gazetteer.OUTPUT
    imported = gazetteer.import_gazetteer(PINNED, committed)
    assert imported.version == pinned
    assert committed.read_text(encoding="utf-8") == imported.text, "run: python -m generator gazetteer"
    regions = yaml.safe_load(imported.text)["regions"]
    assert imported.counts == {"province": 38, "regency": 416, "city": 98}
    # the provinces formed in Papua in 2022 are there
    names = {r["name"] for r in regions if r["kind"] == "province"}
    assert {"Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"} <= names
