"""The national gazetteer: every province, regency and city of Indonesia with its official code (kode wilayah).

`python -m generator gazetteer` imports it from a pinned package of the Ministry of Home Affairs' codes into
content/registry/gazetteer.yaml, one region a line, so that a new regulation is a diff a reviewer can read.

The package is idn-area-data (npm, pinned in package.json and package-lock.json, installed by `npm ci`): its CSV
files follow the latest Keputusan Menteri Dalam Negeri on the codes (300.2.2-2138 of 2025), it has the provinces
formed in Papua in 2022, it is maintained (releases follow each regulation) and its data is licensed ODbL 1.0.
Districts (kecamatan) and villages are left out: 7,285 districts and 83,762 villages would multiply the registry
by two hundred for places that a meeting names rarely; places below a regency stay in places.yaml, cited.

Ids are stable: a code keeps the id the previous import gave it, even when its name changes. A new code's id is
its name without the kind, in lower case: 'lampung-selatan'; a city's starts with 'kota-' ('kota-bandar-lampung'),
since a regency and a city often share a name (Kabupaten Bekasi, Kota Bekasi); a regency whose name is a
province's starts with 'kabupaten-' (Kabupaten Gorontalo).
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import DigestError
from .escape import one_line

PACKAGE = "idn-area-data"
HOME_PAGE = "https://github.com/fityannugroho/idn-area-data"
LICENCE = "ODbL-1.0"
# The regulation the package's codes follow (its docs/references.md, REF-2025-1).
REGULATION_TITLE = ("Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025 tentang Pemberian dan "
                    "Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau")
REGULATION_URL = "https://jdih.kemendagri.go.id/dokumen/view?id=1937"
OUTPUT = Path("content") / "registry" / "gazetteer.yaml"

# The kind a regency's or city's official name begins with; the longest first.
_PREFIXES = (("Kabupaten Administrasi ", "regency"), ("Kota Administrasi ", "city"),
             ("Kabupaten ", "regency"), ("Kota ", "city"))
_PROVINCE_CODE = re.compile(r"^[0-9]{2}$")
_REGION_CODE = re.compile(r"^([0-9]{2})\.[0-9]{2}$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z .'-]*[A-Za-z.]$")


class GazetteerError(DigestError):
    """The package is missing or holds what the import does not expect."""


@dataclass(frozen=True)
class Entry:
    """One region of the gazetteer, as written."""

    code: str
    id: str
    name: str
    kind: str
    official_name: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Imported:
    """What an import found, beside the file's text."""

    text: str
    version: str
    counts: dict
    added: tuple[str, ...]  # codes
    removed: tuple[str, ...]
    renamed: tuple[tuple[str, str, str], ...]  # (code, old name, new name)


def slug(text: str) -> str:
    """'Lampung Selatan' -> 'lampung-selatan' (ASCII letters and digits, hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != columns:
                raise GazetteerError(one_line(f"{path}:1: expected the columns {', '.join(columns)}, received "
                                              f"{', '.join(reader.fieldnames or ()) or 'none'} (is it the pinned "
                                              f"version of {PACKAGE}?)"))
            return [(reader.line_num, row) for row in reader]
    except FileNotFoundError:
        raise GazetteerError(f"{path}: expected the {PACKAGE} data file, found nothing there (run: npm ci)") from None
    except UnicodeDecodeError as error:
        raise GazetteerError(f"{path}: expected UTF-8 text, received {error.reason}") from None
    except csv.Error as error:
        raise GazetteerError(one_line(f"{path}: expected CSV, received {error}")) from None


def _bad(path: Path, line: int, what: str, value: str) -> GazetteerError:
    return GazetteerError(one_line(f"{path}:{line}: expected {what}, received {value!r}"))


def read_package(package_dir: Path) -> tuple[str, list[tuple[str, str]], list[tuple[str, str, str]]]:
    """The package's version, its provinces (code, name) and its regencies and cities (code, province, name)."""
    manifest = package_dir / "package.json"
    try:
        meta = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GazetteerError(f"{manifest}: expected the {PACKAGE} package, found nothing there "
                             "(run: npm ci, which installs the version pinned in package-lock.json)") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise GazetteerError(one_line(f"{manifest}: expected JSON, received {error}")) from None
    if not isinstance(meta, dict) or meta.get("name") != PACKAGE or not isinstance(meta.get("version"), str):
        raise GazetteerError(f"{manifest}: expected the manifest of {PACKAGE} with its version")
    data = package_dir / "data"
    provinces = []
    for line, row in _rows(data / "provinces.csv", ("code", "name")):
        if not _PROVINCE_CODE.match(row["code"] or ""):
            raise _bad(data / "provinces.csv", line, "a province code of two digits", row["code"])
        if not _NAME.match(row["name"] or ""):
            raise _bad(data / "provinces.csv", line, "a name of letters, spaces and . ' -", row["name"])
        provinces.append((row["code"], row["name"]))
    province_codes = {code for code, _ in provinces}
    regions = []
    for line, row in _rows(data / "regencies.csv", ("code", "province_code", "name")):
        match = _REGION_CODE.match(row["code"] or "")
        if not match:
            raise _bad(data / "regencies.csv", line, "a code like '18.07'", row["code"])
        if row["province_code"] not in province_codes or match.group(1) != row["province_code"]:
            raise _bad(data / "regencies.csv", line, f"the code of its province ({match.group(1)})",
                       row["province_code"])
        name = row["name"] or ""
        if not any(name.startswith(prefix) for prefix, _ in _PREFIXES) or not _NAME.match(name):
            raise _bad(data / "regencies.csv", line, "a name that begins 'Kabupaten' or 'Kota'", name)
        regions.append((row["code"], row["province_code"], name))
    for what, codes in (("province", [c for c, _ in provinces]), ("regency or city", [c for c, _, _ in regions])):
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise GazetteerError(f"{data}: expected each {what} code once, received {', '.join(duplicates)} twice")
    return meta["version"], provinces, regions


def previous_ids(path: Path) -> dict[str, tuple[str, str]]:
    """code -> (id, name) of the gazetteer as last imported; empty when there is none."""
    import yaml

    if not path.is_file():
        return {}
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return {str(r["code"]): (str(r["id"]), str(r["name"])) for r in (loaded or {}).get("regions", ())}
    except (yaml.YAMLError, UnicodeDecodeError, AttributeError, KeyError, TypeError) as error:
        raise GazetteerError(one_line(f"{path}: expected the gazetteer as the last import wrote it, to keep its ids, "
                                      f"received {type(error).__name__}: {error} (restore it with git checkout)")) \
            from None


def entries(provinces, regions, previous: dict[str, tuple[str, str]]) -> list[Entry]:
    """Every region with its id: the previous import's for a known code, else one made from its name."""
    taken = {region_id for region_id, _ in previous.values()}
    ids: dict[str, str] = {}

    def assign(code: str, candidates: list[str]) -> str:
        if code in previous:
            return previous[code][0]
        for candidate in candidates:
            if candidate not in taken:
                taken.add(candidate)
                return candidate
        candidate = f"{candidates[0]}-{code.replace('.', '-')}"
        taken.add(candidate)
        return candidate

    result = []
    for code, name in sorted(provinces):
        ids[code] = assign(code, [slug(name), f"provinsi-{slug(name)}"])
        result.append(Entry(code, ids[code], name, "province"))
    province_slugs = {slug(name) for _, name in provinces}
    for code, province, official in sorted(regions):
        prefix, kind = next((p, k) for p, k in _PREFIXES if official.startswith(p))
        name = official[len(prefix):]
        base = slug(name)
        if kind == "city":
            candidates = [f"kota-{base}"]
        elif base in province_slugs:
            candidates = [f"kabupaten-{base}"]
        else:
            candidates = [base, f"kabupaten-{base}"]
        result.append(Entry(code, assign(code, candidates), name, kind, official, ids[province]))
    return result


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(found: list[Entry], version: str) -> str:
    """The gazetteer file: a header, the source and the dataset, then one region a line in code order (a
    province, then its regencies and cities)."""
    lines = [
        "# yaml-language-server: $schema=../../schema/gazetteer.schema.json",
        f"# Generated by `python -m generator gazetteer` from {PACKAGE} {version}: do not edit by hand. Every",
        "# province, regency and city with its official code (kode wilayah), kind and parent. Short names the press",
        "# uses are kept in regions.yaml. Data: ODbL 1.0, (c) the idn-area-data contributors.",
        "source:",
        f"  title: {_scalar(REGULATION_TITLE)}",
        f"  url: {REGULATION_URL}",
        "dataset:",
        f"  name: {PACKAGE}",
        f"  version: {_scalar(version)}",
        f"  licence: {LICENCE}",
        f"  url: {HOME_PAGE}",
        "regions:",
    ]
    for entry in sorted(found, key=lambda e: e.code):  # a province, then its regencies and cities
        fields = [f"code: {_scalar(entry.code)}", f"id: {entry.id}", f"name: {_scalar(entry.name)}"]
        if entry.official_name:
            fields.append(f"official_name: {_scalar(entry.official_name)}")
        fields.append(f"kind: {entry.kind}")
        if entry.parent:
            fields.append(f"parent: {entry.parent}")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


def import_gazetteer(package_dir: Path, output: Path) -> Imported:
    """Read the package and make the gazetteer's text, keeping the ids of the file at `output`."""
    version, provinces, regions = read_package(package_dir)
    previous = previous_ids(output)
    found = entries(provinces, regions, previous)
    codes = {entry.code: entry for entry in found}
    counts = {kind: sum(1 for e in found if e.kind == kind) for kind in ("province", "regency", "city")}
    return Imported(
        text=render(found, version), version=version, counts=counts,
        added=tuple(sorted(codes.keys() - previous.keys())),
        removed=tuple(sorted(previous.keys() - codes.keys())),
        renamed=tuple((code, previous[code][1], codes[code].name) for code in sorted(codes.keys() & previous.keys())
                      if previous[code][1] != codes[code].name))


def write_atomically(path: Path, text: str) -> None:
    """Write beside the file, then rename over it: an interrupted import leaves the old file whole."""
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        temporary.write_text(text, encoding="utf-8", newline="")
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
