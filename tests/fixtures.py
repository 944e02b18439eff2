"""A small, fictional content tree that passes `check`, built from Python dicts.

Reusable by any test module: `write_content_tree(root)` writes `root/content/...` and returns `root`, which is
what `python -m generator --root <root> check` expects. `documents()` returns fresh copies of the dicts, so a
test can change one and pass it back through `overrides`.

The fixture is deliberately unlike the real articles: two regions (a kota and a kabupaten) in two provinces,
so nothing may assume one province. Between them the two fact sheets exercise a budget with parts, TPS and
DPT figures, a quote with a translation, a paraphrase, a quote without a translation ("not yet translated"),
a group attendee, an inferred field, an agency kind with two branches, and a quote carrying HTML/Markdown
injection strings and Markdown punctuation that must come out inert when rendered.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Callable, Mapping, Union

import yaml

from generator import model
from generator.load import schema_comment

# ------------------------------------------------------------------ names other tests can rely on

CITY_SHEET_ID = "2024-11-18-pelita-rakor-kesiapan-pilkada"
REGENCY_SHEET_ID = "2024-10-07-sukamaju-sosialisasi-pilkada"
CITY_SHEET = f"articles/{CITY_SHEET_ID}.yaml"
REGENCY_SHEET = f"articles/{REGENCY_SHEET_ID}.yaml"
CITY_SOURCE = "sources/fx1_pelita.txt"
REGENCY_SOURCE = "sources/fx2_sukamaju.txt"

# The injection strings and Markdown punctuation carried by one quote (and its archived source).
INJECTIONS = ("<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=alert(1) }")
MARKDOWN_PUNCTUATION = "*bold* _x_ # | \\ `kode`"

INJECTION_QUOTE = (
    "Jangan klik pesan seperti <script>alert(1)</script>, [x](javascript:alert(1)) atau "
    "{: onclick=alert(1) } yang beredar, dan jangan percaya teks *bold* _x_ # | \\ `kode` tanpa sumber,")
INJECTION_QUOTE_EN = (
    "Do not click messages such as <script>alert(1)</script>, [x](javascript:alert(1)) or "
    "{: onclick=alert(1) } that are going around, and do not trust text like *bold* _x_ # | \\ `kode` "
    "without a source.")
UNTRANSLATED_QUOTE = "Kami tidak akan memberi ruang bagi politik uang,"

SOURCE_TEXTS = {
    CITY_SOURCE: (
        "PELITA – Pemerintah Kota Pelita menggelar rapat koordinasi (rakor) kesiapan Pilkada 2024, "
        "Senin (18/11), di Aula Balai Kota Pelita.\n"
        "Rakor dibuka oleh Penjabat Wali Kota Pelita, Bagus Pratama, dan dihadiri Ketua KPU Kota Pelita "
        "Dewi Anggraini, S.Sos., Ketua Bawaslu Kota Pelita Siti Rahayu, serta para lurah se-Kota Pelita.\n"
        "Bagus menyampaikan bahwa Pemkot Pelita telah mengalokasikan anggaran sebesar Rp10 miliar untuk "
        "penyelenggaraan Pilkada.\n"
        "“Rinciannya, Rp7 miliar untuk KPU dan Rp3 miliar untuk Bawaslu,” ujarnya.\n"
        "Dewi mengatakan Pilkada Kota Pelita akan digelar di 412 tempat pemungutan suara (TPS) dengan daftar "
        "pemilih tetap (DPT) sebanyak 150.321 orang.\n"
        "“Logistik sudah kami terima lengkap dan siap didistribusikan,” kata Dewi.\n"
        "Siti Rahayu mengingatkan bahwa pengawasan akan diperketat selama masa tenang.\n"
        f"“{UNTRANSLATED_QUOTE}” tegas Siti.\n"),
    REGENCY_SOURCE: (
        "SUKAMAJU – KPU Kabupaten Sukamaju menggelar sosialisasi Pilkada 2024 di Gedung Serbaguna Sukamaju "
        "pada 7 Oktober 2024.\n"
        "Kegiatan dipimpin Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat.\n"
        "Rahmat meminta warga berhati-hati terhadap pesan berantai di media sosial.\n"
        f"“{INJECTION_QUOTE}” ujarnya.\n"),
}


def _loc(id_: str, en: str | None = None) -> dict:
    return {"id": id_, "en": en} if en is not None else {"id": id_}


_FIXTURE_SOURCE = {"title": "Fictional registry for tests (tests/fixtures.py)"}

REGISTRIES: dict[str, dict] = {
    "registry/regions.yaml": {"regions": [
        {"id": "nusa-harapan", "name": "Nusa Harapan", "kind": "province", "source": _FIXTURE_SOURCE},
        {"id": "tanjung-raya", "name": "Tanjung Raya", "kind": "province", "source": _FIXTURE_SOURCE},
        {"id": "pelita", "name": "Pelita", "kind": "city", "parent": "nusa-harapan",
         "source": _FIXTURE_SOURCE},
        {"id": "sukamaju", "name": "Sukamaju", "kind": "regency", "parent": "tanjung-raya",
         "short_names": ["Sumaju"], "source": _FIXTURE_SOURCE},
    ]},
    "registry/agencies.yaml": {
        "kinds": [
            {"id": "kpu", "abbreviation": "KPU", "name": _loc("Komisi Pemilihan Umum", "General Elections Commission"),
             "description": _loc("Penyelenggara pemilu.", "The election commission.")},
            {"id": "bawaslu", "abbreviation": "Bawaslu",
             "name": _loc("Badan Pengawas Pemilihan Umum", "Election Supervisory Agency"),
             "description": _loc("Mengawasi tahapan pemilu.", "Supervises the election stages.")},
            {"id": "pemda", "abbreviation": "Pemda", "name": _loc("Pemerintah Daerah", "Local Government"),
             "description": _loc("Pemerintah kota atau kabupaten.", "A city or regency government.")},
        ],
        "agencies": [
            {"id": "kpu-pelita", "kind": "kpu", "region": "pelita", "name": "KPU Kota Pelita"},
            {"id": "kpu-sukamaju", "kind": "kpu", "region": "sukamaju", "name": "KPU Kabupaten Sukamaju",
             "name_en": "Sukamaju Regency Elections Commission"},
            {"id": "bawaslu-pelita", "kind": "bawaslu", "region": "pelita", "name": "Bawaslu Kota Pelita"},
            {"id": "pemkot-pelita", "kind": "pemda", "region": "pelita", "name": "Pemkot Pelita",
             "name_en": "Pelita City Government"},
        ],
    },
    "registry/people.yaml": {"people": [
        {"id": "bagus-pratama", "name": "Bagus Pratama", "short_names": ["Bagus"]},
        {"id": "dewi-anggraini", "name": "Dewi Anggraini", "degrees": "S.Sos.", "short_names": ["Dewi"]},
        {"id": "siti-rahayu", "name": "Siti Rahayu", "short_names": ["Siti"]},
        {"id": "rahmat-hidayat", "name": "Rahmat Hidayat", "short_names": ["Rahmat"]},
    ]},
    "registry/topics.yaml": {"topics": [
        {"id": "funding", "name": _loc("Anggaran", "Funding"),
         "description": _loc("Anggaran pemilihan.", "Election budgets.")},
        {"id": "logistics", "name": _loc("Logistik", "Logistics"),
         "description": _loc("Logistik pemilihan.", "Election materials.")},
        {"id": "money-politics", "name": _loc("Politik uang", "Money politics"),
         "description": _loc("Pemberian uang untuk memengaruhi pemilih.", "Giving money to sway voters.")},
        {"id": "disinformation", "name": _loc("Disinformasi", "Disinformation"),
         "description": _loc("Pesan palsu tentang pemilihan.", "False messages about the election.")},
    ]},
    "registry/elections.yaml": {"elections": [
        {"id": "pilkada-2024", "name": _loc("Pilkada Serentak 2024", "2024 Simultaneous Regional Elections"),
         "kind": "pilkada", "voting_date": dt.date(2024, 11, 27), "contests": ["governor", "regent", "mayor"],
         "milestones": [{"name": _loc("Hari pemungutan suara", "Voting day"), "date": dt.date(2024, 11, 27)}],
         "source": {"title": "Peraturan KPU Nomor 2 Tahun 2024"}},
    ]},
    "registry/glossary.yaml": {"terms": [
        {"term": "DPT", "expansion": "Daftar Pemilih Tetap",
         "definition": _loc("Daftar pemilih tetap.", "The final voter register.")},
        {"term": "TPS", "expansion": "Tempat Pemungutan Suara",
         "definition": _loc("Tempat pemilih memberikan suara.", "A polling station.")},
    ]},
}

CITY_SHEET_DATA: dict = {
    "id": CITY_SHEET_ID,
    "source": {"file": CITY_SOURCE.split("/", 1)[1], "outlet": "Kabar Pelita", "headline_basis": "unknown"},
    "meeting": {
        "kind": "rakor",
        "name": "rapat koordinasi (rakor) kesiapan Pilkada 2024",
        "title": _loc("Rakor kesiapan Pilkada 2024 di Kota Pelita",
                      "Coordination meeting on readiness for the 2024 regional elections in Pelita"),
        "date": dt.date(2024, 11, 18),
        "date_as_stated": "Senin (18/11)",
        "weekday_as_stated": "Senin",
        "venue": "Aula Balai Kota Pelita",
        "region": "pelita",
        "elections": ["pilkada-2024"],
        "organiser": "pemkot-pelita",
        "chair": "bagus-pratama",
        "inferred": ["date.year"],
        "inference_note": _loc("Artikel tidak menyebut tahun; rakor menyiapkan Pilkada 2024.",
                               "The article gives no year; the meeting prepared the 2024 elections."),
        "evidence": [
            "Pemerintah Kota Pelita menggelar rapat koordinasi (rakor) kesiapan Pilkada 2024, Senin (18/11), "
            "di Aula Balai Kota Pelita.",
            "Rakor dibuka oleh Penjabat Wali Kota Pelita, Bagus Pratama",
        ],
    },
    "summary": _loc("Pemkot Pelita menggelar rakor kesiapan Pilkada 2024 dengan anggaran Rp10 miliar.",
                    "Pelita's city government held a readiness meeting for the 2024 elections, with a budget "
                    "of IDR 10 billion."),
    "attendance": [
        {"person": "bagus-pratama", "position": "Penjabat Wali Kota Pelita", "agency": "pemkot-pelita",
         "roles": ["opener"], "evidence": "Rakor dibuka oleh Penjabat Wali Kota Pelita, Bagus Pratama"},
        {"person": "dewi-anggraini", "position": "Ketua KPU Kota Pelita", "agency": "kpu-pelita",
         "roles": ["speaker"], "evidence": "Ketua KPU Kota Pelita Dewi Anggraini, S.Sos."},
        {"person": "siti-rahayu", "position": "Ketua Bawaslu Kota Pelita", "agency": "bawaslu-pelita",
         "roles": ["speaker"], "evidence": "Ketua Bawaslu Kota Pelita Siti Rahayu"},
        {"position": "para lurah se-Kota Pelita", "group": True,
         "evidence": "serta para lurah se-Kota Pelita."},
    ],
    "statements": [
        {"id": "pj-anggaran", "speaker": "bagus-pratama", "agency": "pemkot-pelita",
         "paraphrase": _loc("Pemkot Pelita mengalokasikan Rp10 miliar untuk Pilkada.",
                            "The city government allocated IDR 10 billion for the elections."),
         "topics": ["funding"],
         "evidence": "Bagus menyampaikan bahwa Pemkot Pelita telah mengalokasikan anggaran sebesar Rp10 miliar untuk "
                     "penyelenggaraan Pilkada."},
        {"id": "pj-rincian", "speaker": "bagus-pratama", "agency": "pemkot-pelita",
         "quote": "Rinciannya, Rp7 miliar untuk KPU dan Rp3 miliar untuk Bawaslu,",
         "quote_en": "In detail, IDR 7 billion for the KPU and IDR 3 billion for Bawaslu.",
         "topics": ["funding"]},
        {"id": "kpu-logistik", "speaker": "dewi-anggraini", "agency": "kpu-pelita",
         "quote": "Logistik sudah kami terima lengkap dan siap didistribusikan,",
         "quote_en": "We have received all the logistics and they are ready to be distributed.",
         "topics": ["logistics"]},
        {"id": "bawaslu-politik-uang", "speaker": "siti-rahayu", "agency": "bawaslu-pelita",
         "quote": UNTRANSLATED_QUOTE, "topics": ["money-politics"]},
    ],
    "figures": [
        {"id": "anggaran-pilkada", "kind": "budget", "label": _loc("Anggaran Pilkada", "Election budget"),
         "value": 10_000_000_000, "as_stated": "Rp10 miliar", "election": "pilkada-2024",
         "evidence": "mengalokasikan anggaran sebesar Rp10 miliar"},
        {"id": "anggaran-kpu", "kind": "budget", "label": _loc("Anggaran untuk KPU", "Budget for the KPU"),
         "value": 7_000_000_000, "as_stated": "Rp7 miliar", "recipient": "kpu-pelita",
         "part_of": "anggaran-pilkada", "inferred": ["recipient"], "evidence": "Rp7 miliar untuk KPU"},
        {"id": "anggaran-bawaslu", "kind": "budget", "label": _loc("Anggaran untuk Bawaslu", "Budget for Bawaslu"),
         "value": 3_000_000_000, "as_stated": "Rp3 miliar", "recipient": "bawaslu-pelita",
         "part_of": "anggaran-pilkada", "inferred": ["recipient"], "evidence": "Rp3 miliar untuk Bawaslu"},
        {"id": "jumlah-tps", "kind": "polling-stations", "label": _loc("TPS", "Polling stations"),
         "value": 412, "as_stated": "412 tempat pemungutan suara (TPS)",
         "evidence": "412 tempat pemungutan suara (TPS)"},
        {"id": "jumlah-dpt", "kind": "voters", "voter_list": "DPT", "label": _loc("DPT", "Registered voters"),
         "value": 150_321, "as_stated": "150.321 orang",
         "evidence": "daftar pemilih tetap (DPT) sebanyak 150.321 orang."},
    ],
    "concerns": [
        {"topic": "money-politics", "text": _loc("Politik uang selama masa tenang.", "Money politics during the quiet period."),
         "raised_by": "siti-rahayu", "agency": "bawaslu-pelita",
         "evidence": "Siti Rahayu mengingatkan bahwa pengawasan akan diperketat selama masa tenang."},
    ],
    "commitments": [
        {"topic": "logistics", "text": _loc("Logistik siap didistribusikan.", "Logistics are ready for distribution."),
         "raised_by": "dewi-anggraini", "agency": "kpu-pelita",
         "evidence": "Logistik sudah kami terima lengkap dan siap didistribusikan"},
    ],
}

REGENCY_SHEET_DATA: dict = {
    "id": REGENCY_SHEET_ID,
    "source": {"file": REGENCY_SOURCE.split("/", 1)[1], "outlet": "Warta Sukamaju", "headline_basis": "unknown",
               "url": "https://warta-sukamaju.invalid/sosialisasi-pilkada-2024"},
    "meeting": {
        "kind": "sosialisasi",
        "name": "sosialisasi Pilkada 2024",
        "title": _loc("Sosialisasi Pilkada 2024 di Kabupaten Sukamaju",
                      "Information session on the 2024 regional elections in Sukamaju"),
        "date": dt.date(2024, 10, 7),
        "date_as_stated": "7 Oktober 2024",
        "venue": "Gedung Serbaguna Sukamaju",
        "region": "sukamaju",
        "elections": ["pilkada-2024"],
        "organiser": "kpu-sukamaju",
        "chair": "rahmat-hidayat",
        "evidence": ["KPU Kabupaten Sukamaju menggelar sosialisasi Pilkada 2024 di Gedung Serbaguna Sukamaju "
                     "pada 7 Oktober 2024.", "Kegiatan dipimpin Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat."],
    },
    "summary": _loc("KPU Sukamaju memperingatkan warga tentang pesan berantai.",
                    "Sukamaju's KPU warned residents about chain messages."),
    "attendance": [
        {"person": "rahmat-hidayat", "position": "Ketua KPU Kabupaten Sukamaju", "agency": "kpu-sukamaju",
         "roles": ["chair"], "evidence": "Kegiatan dipimpin Ketua KPU Kabupaten Sukamaju, Rahmat Hidayat."},
    ],
    "statements": [
        {"id": "ketua-pesan-berantai", "speaker": "rahmat-hidayat", "agency": "kpu-sukamaju",
         "quote": INJECTION_QUOTE, "quote_en": INJECTION_QUOTE_EN, "topics": ["disinformation"]},
    ],
    "concerns": [
        {"topic": "disinformation", "text": _loc("Pesan berantai di media sosial.", "Chain messages on social media."),
         "raised_by": "rahmat-hidayat", "agency": "kpu-sukamaju",
         "evidence": "Rahmat meminta warga berhati-hati terhadap pesan berantai di media sosial."},
    ],
}

SHEETS: dict[str, dict] = {CITY_SHEET: CITY_SHEET_DATA, REGENCY_SHEET: REGENCY_SHEET_DATA}

Override = Union[dict, str, bytes, None, Callable[[object], object]]


def documents() -> dict[str, object]:
    """Every file of the fixture tree, by path under content/: a dict for YAML, text for a source."""
    return copy.deepcopy({**REGISTRIES, **SHEETS, **SOURCE_TEXTS})


def _schema_class(relative: str) -> type:
    folder, name = relative.split("/", 1)
    return model.FactSheet if folder == "articles" else model.REGISTRY_FILES[name]


class _PlainDumper(yaml.SafeDumper):
    """Never writes anchors or aliases (content files may not have them), even for shared dicts."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(relative: str, data: dict) -> str:
    """A document as content files are written: the schema comment, then block-style YAML in field order."""
    body = yaml.dump(data, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, default_flow_style=False,
                     width=4096)
    return schema_comment(_schema_class(relative)) + "\n" + body


def write_content_tree(root: Path, overrides: Mapping[str, Override] | None = None) -> Path:
    """Write the fixture content tree under `root/content/`; returns `root` (the --root to pass to the CLI).

    `overrides` maps a path under content/ (like "articles/<id>.yaml" or "sources/x.txt") to what to write
    there instead: a dict (a YAML document, given its schema comment), text or bytes (written as they are),
    None (the file is left out), or a function that takes a copy of the fixture's value and returns one.
    """
    files = documents()
    for relative, value in (overrides or {}).items():
        files[relative] = value(files.get(relative)) if callable(value) else value
    content = Path(root) / "content"
    for folder in ("registry", "articles", "sources"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    for relative, value in files.items():
        if value is None:
            continue
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, bytes):
            path.write_bytes(value)
        elif isinstance(value, str):
            path.write_bytes(value.encode("utf-8"))
        else:
            path.write_bytes(dump_yaml(relative, value).encode("utf-8"))
    return Path(root)
