"""The content-model fixture: the small fixture tree (fixtures.py) plus one realistic fact sheet per part of the
content model that the two base sheets do not exercise (issue 16): stand-ins for an office or a person, groups
drawn from several agencies, an institution present as a whole, honorifics, corps and a rank at one meeting
(Karang Sari); a dateline with place and date, a byline, a publication date stated in the text, a partial
archive and a meeting time in WITA (Bandar Permai).

The article texts are written for the tests, modelled on how Indonesian local outlets report a rakor (the
dateline, "dibuka oleh ... mewakili ...", "didampingi", "narasumber dari ..."); no real article's text is used.
`model_documents()` returns fresh copies; `write_model_tree(root)` writes the whole tree under `root/content/`.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from fixtures import _FIXTURE_SOURCE, _loc, documents, write_content_tree

# ------------------------------------------------------------------ stand-ins, groups, names as printed

STAND_IN_SHEET_ID = "2024-09-12-karang-sari-rakor-pengamanan-pilkada"
STAND_IN_SHEET = f"articles/{STAND_IN_SHEET_ID}.yaml"
STAND_IN_SOURCE = "sources/fx3_karang_sari.txt"

STAND_IN_TEXT = (
    "KABAR KARANG SARI – Pemerintah Kabupaten Karang Sari menggelar rapat koordinasi (rakor) pengamanan "
    "Pilkada 2024 di Ruang Rapat Utama Setdakab Karang Sari, Kamis (12/9/2024).\n"
    "Rakor dibuka Asisten Pemerintahan dan Kesra Drs. H. Yusuf Mahendra, M.M., mewakili Pj Bupati Karang Sari.\n"
    "Hadir Dandim 0412/Karang Sari Letkol Czi Ari Wibowo, Kabag Ops Polres Karang Sari Kompol Anton Saputra "
    "yang mewakili Kapolres AKBP Hendra Gunawan, serta jajaran Satpol PP Karang Sari.\n"
    "Narasumber dari Forkopimda, KPU dan Bawaslu memaparkan kesiapan masing-masing.\n"
    "“Kami siapkan 350 personel gabungan untuk mengamankan seluruh tahapan,” ujar Ari Wibowo.\n"
)

_STAND_IN_REGISTRY = {
    "regions": [
        {"id": "karang-sari", "name": "Karang Sari", "kind": "regency", "parent": "tanjung-raya",
         "source": _FIXTURE_SOURCE},
    ],
    "kinds": [
        {"id": "kodim", "abbreviation": "Kodim", "name": _loc("Komando Distrik Militer", "Military District Command"),
         "description": _loc("Satuan teritorial TNI AD.", "The army's territorial unit.")},
        {"id": "polres", "abbreviation": "Polres", "name": _loc("Kepolisian Resor", "District Police"),
         "description": _loc("Kepolisian di kabupaten atau kota.", "The police of a regency or city.")},
        {"id": "satpol-pp", "abbreviation": "Satpol PP", "name": _loc("Satuan Polisi Pamong Praja",
                                                                       "Civil Service Police Unit"),
         "description": _loc("Penegak peraturan daerah.", "Enforces regional regulations.")},
        {"id": "forkopimda", "abbreviation": "Forkopimda",
         "name": _loc("Forum Koordinasi Pimpinan Daerah", "Regional Leadership Coordination Forum"),
         "description": _loc("Forum pimpinan daerah, TNI, Polri dan kejaksaan.",
                             "The forum of the regional head, military, police and prosecutors.")},
    ],
    "agencies": [
        {"id": "pemkab-karang-sari", "kind": "pemda", "region": "karang-sari", "name": "Pemkab Karang Sari",
         "name_en": "Karang Sari Regency Government"},
        {"id": "kodim-0412", "kind": "kodim", "region": "karang-sari", "name": "Kodim 0412/Karang Sari"},
        {"id": "polres-karang-sari", "kind": "polres", "region": "karang-sari", "name": "Polres Karang Sari"},
        {"id": "satpol-pp-karang-sari", "kind": "satpol-pp", "region": "karang-sari",
         "name": "Satpol PP Karang Sari"},
        {"id": "forkopimda-karang-sari", "kind": "forkopimda", "region": "karang-sari",
         "name": "Forkopimda Karang Sari"},
        {"id": "kpu-karang-sari", "kind": "kpu", "region": "karang-sari", "name": "KPU Karang Sari"},
        {"id": "bawaslu-karang-sari", "kind": "bawaslu", "region": "karang-sari", "name": "Bawaslu Karang Sari"},
    ],
    "people": [
        {"id": "yusuf-mahendra", "name": "Yusuf Mahendra", "honorifics": "Drs. H.", "degrees": "M.M.",
         "short_names": ["Yusuf"]},
        {"id": "ari-wibowo", "name": "Ari Wibowo", "rank": "Letkol", "corps": "Czi"},
        {"id": "anton-saputra", "name": "Anton Saputra", "rank": "AKP"},
        {"id": "hendra-gunawan", "name": "Hendra Gunawan", "rank": "AKBP"},
    ],
}

STAND_IN_SHEET_DATA: dict = {
    "id": STAND_IN_SHEET_ID,
    "source": {"file": STAND_IN_SOURCE.split("/", 1)[1], "outlet": "Kabar Karang Sari"},
    "meeting": {
        "kind": "rakor",
        "name": "rapat koordinasi (rakor) pengamanan Pilkada 2024",
        "title": _loc("Rakor pengamanan Pilkada 2024 di Karang Sari",
                      "Coordination meeting on securing the 2024 regional elections in Karang Sari"),
        "date": dt.date(2024, 9, 12),
        "date_as_stated": "Kamis (12/9/2024)",
        "weekday_as_stated": "Kamis",
        "venue": "Ruang Rapat Utama Setdakab Karang Sari",
        "region": "karang-sari",
        "elections": ["pilkada-2024"],
        "organiser": "pemkab-karang-sari",
        "evidence": "Pemerintah Kabupaten Karang Sari menggelar rapat koordinasi (rakor) pengamanan Pilkada 2024 "
                    "di Ruang Rapat Utama Setdakab Karang Sari, Kamis (12/9/2024).",
    },
    "summary": _loc("Rakor pengamanan Pilkada 2024 di Karang Sari dibuka oleh asisten yang mewakili Pj Bupati.",
                    "A deputy standing in for the acting regent opened Karang Sari's security meeting for the 2024 "
                    "regional elections."),
    "attendance": [
        {"person": "yusuf-mahendra", "position": "Asisten Pemerintahan dan Kesra", "agency": "pemkab-karang-sari",
         "represents": "pemkab-karang-sari", "represents_office": "Pj Bupati Karang Sari", "roles": ["opener"],
         "evidence": "Rakor dibuka Asisten Pemerintahan dan Kesra Drs. H. Yusuf Mahendra, M.M., mewakili Pj Bupati "
                     "Karang Sari."},
        {"person": "ari-wibowo", "position": "Dandim 0412/Karang Sari", "agency": "kodim-0412",
         "roles": ["speaker"], "evidence": "Dandim 0412/Karang Sari Letkol Czi Ari Wibowo"},
        # The registry has AKP, a later article's rank; this one prints Kompol.
        {"person": "anton-saputra", "rank": "Kompol", "position": "Kabag Ops Polres Karang Sari",
         "agency": "polres-karang-sari", "represents": "polres-karang-sari", "represents_office": "Kapolres",
         "represents_person": "hendra-gunawan",
         "evidence": "Kabag Ops Polres Karang Sari Kompol Anton Saputra yang mewakili Kapolres AKBP Hendra Gunawan"},
        {"agency": "satpol-pp-karang-sari", "institution": True,
         "evidence": "serta jajaran Satpol PP Karang Sari."},
        {"position": "Narasumber dari Forkopimda, KPU dan Bawaslu", "group": True,
         "agencies": ["forkopimda-karang-sari", "kpu-karang-sari", "bawaslu-karang-sari"],
         "roles": ["resource-person"], "evidence": "Narasumber dari Forkopimda, KPU dan Bawaslu"},
    ],
    "statements": [
        {"id": "dandim-personel", "speaker": "ari-wibowo", "agency": "kodim-0412",
         "quote": "Kami siapkan 350 personel gabungan untuk mengamankan seluruh tahapan,",
         "quote_en": "We are preparing 350 joint personnel to secure every stage."},
    ],
}

# ------------------------------------------------------------------ sources: dateline, byline, publication, partial

SOURCED_SHEET_ID = "2024-11-20-bandar-permai-rakor-distribusi-logistik"
SOURCED_SHEET = f"articles/{SOURCED_SHEET_ID}.yaml"
SOURCED_SOURCE = "sources/fx4_bandar_permai.txt"

SOURCED_TEXT = (
    "BANDAR PERMAI, 21 November 2024 – KPU Kota Bandar Permai menggelar rapat koordinasi (rakor) distribusi "
    "logistik Pilkada 2024 di Aula KPU Kota Bandar Permai, Rabu (20/11/2024) pukul 13.00 WITA.\n"
    "Rakor dipimpin Ketua KPU Kota Bandar Permai, Hj. Nurhayati, S.Pd.\n"
    "“Seluruh logistik untuk 512 TPS kami distribusikan mulai besok pagi,” kata Nurhayati.\n"
    "Penulis: Rina Marlina | Diterbitkan 21 November 2024\n"
)

_SOURCED_REGISTRY = {
    "regions": [
        {"id": "teluk-permai", "name": "Teluk Permai", "kind": "province", "source": _FIXTURE_SOURCE},
        {"id": "bandar-permai", "name": "Bandar Permai", "kind": "city", "parent": "teluk-permai",
         "source": _FIXTURE_SOURCE},
    ],
    "agencies": [
        {"id": "kpu-bandar-permai", "kind": "kpu", "region": "bandar-permai", "name": "KPU Kota Bandar Permai"},
    ],
    "people": [
        {"id": "nurhayati", "name": "Nurhayati", "honorifics": "Hj.", "degrees": "S.Pd.", "short_names": ["Nurhayati"]},
    ],
}

SOURCED_SHEET_DATA: dict = {
    "id": SOURCED_SHEET_ID,
    "source": {
        "file": SOURCED_SOURCE.split("/", 1)[1], "outlet": "Warta Permai",
        "published": dt.date(2024, 11, 21), "published_basis": "stated",
        "published_evidence": "Diterbitkan 21 November 2024",
        "dateline": {"text": "BANDAR PERMAI, 21 November 2024 –", "place": "BANDAR PERMAI",
                     "date": dt.date(2024, 11, 21)},
        "byline": "Penulis: Rina Marlina",
        "archive": "partial",
        "archive_missing": _loc("Halaman kedua artikel tidak dapat diambil dari situs media.",
                                "The article's second page could not be retrieved from the outlet's site."),
    },
    "meeting": {
        "kind": "rakor",
        "name": "rapat koordinasi (rakor) distribusi logistik Pilkada 2024",
        "title": _loc("Rakor distribusi logistik Pilkada 2024 di Kota Bandar Permai",
                      "Coordination meeting on distributing the 2024 election materials in Bandar Permai"),
        "date": dt.date(2024, 11, 20),
        "date_as_stated": "Rabu (20/11/2024)",
        "weekday_as_stated": "Rabu",
        "time": "13:00",
        "time_zone": "WITA",
        "venue": "Aula KPU Kota Bandar Permai",
        "region": "bandar-permai",
        "elections": ["pilkada-2024"],
        "organiser": "kpu-bandar-permai",
        "chair": "nurhayati",
        "evidence": "KPU Kota Bandar Permai menggelar rapat koordinasi (rakor) distribusi logistik Pilkada 2024 di "
                    "Aula KPU Kota Bandar Permai, Rabu (20/11/2024) pukul 13.00 WITA.",
    },
    "summary": _loc("KPU Kota Bandar Permai mulai mendistribusikan logistik untuk 512 TPS.",
                    "Bandar Permai's election commission began distributing materials for 512 polling stations."),
    "attendance": [
        {"person": "nurhayati", "position": "Ketua KPU Kota Bandar Permai", "agency": "kpu-bandar-permai",
         "roles": ["chair", "speaker"], "evidence": "Rakor dipimpin Ketua KPU Kota Bandar Permai, Hj. Nurhayati, S.Pd."},
    ],
    "statements": [
        {"id": "ketua-distribusi", "speaker": "nurhayati", "agency": "kpu-bandar-permai",
         "quote": "Seluruh logistik untuk 512 TPS kami distribusikan mulai besok pagi,",
         "quote_en": "We will distribute all the materials for 512 polling stations from tomorrow morning.",
         "topics": ["logistics"]},
    ],
}

# ------------------------------------------------------------------ the tree

SHEETS = {STAND_IN_SHEET: STAND_IN_SHEET_DATA, SOURCED_SHEET: SOURCED_SHEET_DATA}
SOURCE_TEXTS = {STAND_IN_SOURCE: STAND_IN_TEXT, SOURCED_SOURCE: SOURCED_TEXT}
_REGISTRY_FILES = {"regions": ("registry/regions.yaml", "regions"), "kinds": ("registry/agencies.yaml", "kinds"),
                   "agencies": ("registry/agencies.yaml", "agencies"), "people": ("registry/people.yaml", "people")}
_REGISTRY_ADDITIONS = tuple((*_REGISTRY_FILES[key], entries)
                            for additions in (_STAND_IN_REGISTRY, _SOURCED_REGISTRY)
                            for key, entries in additions.items())


def model_documents() -> dict[str, object]:
    """Every file of the model tree, by path under content/ (fresh copies)."""
    docs = documents()
    for path, key, entries in _REGISTRY_ADDITIONS:
        docs[path][key].extend(copy.deepcopy(entries))
    docs.update(copy.deepcopy({**SHEETS, **SOURCE_TEXTS}))
    return docs


def write_model_tree(root: Path, overrides: dict | None = None) -> Path:
    """Write the model tree under `root/content/`; returns `root`."""
    docs = model_documents()
    docs.update(overrides or {})
    return write_content_tree(root, docs)
