"""The content-model fixture: the small fixture tree (fixtures.py) plus realistic fact sheets for the parts of the
content model (issue 16) that the two base sheets do not exercise: stand-ins for an office or a person, groups
drawn from several agencies, an institution present as a whole, honorifics, corps and a rank at one meeting
(Karang Sari); a dateline with place and date, a byline, a publication date stated in the text, a partial
archive and a meeting time in WITA (Bandar Permai); voters of an unnamed list, villages, a grant shared by several
agencies without a breakdown, a provincial vulnerability rating on its scale, an approximate count and a range
(Muara Baru); a meeting at the province level (Teluk Permai) and one at the national level (Indonesia, a region
of kind country, which contains the province); a court-ordered re-vote of one regency's regent race, with its
parent election, region, contest, schedule and the stage a meeting prepares (Karang Sari, 2025); an operation that
the Karang Sari and Muara Baru meetings both name, in two provinces (operations.yaml, which the base tree lacks);
islands and a kecamatan that a figure and a concern cite (places.yaml, likewise), and one no meeting cites; a
meeting known only to be before voting day, with a chair who spoke, a companion who chaired the committee, a
resource person from a Kodim that also serves Sukamaju, and a note on a quote (Sukamaju).

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
    "Rakor ini merupakan bagian dari Operasi Mantap Praja 2024.\n"
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
        {"id": "kodim-0412", "kind": "kodim", "region": "karang-sari", "name": "Kodim 0412/Karang Sari",
         "covers": ["sukamaju"], "source": _FIXTURE_SOURCE},
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
        "operations": ["ops-mantap-praja-2024"],
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
        {"id": "teluk-permai", "name": "Teluk Permai", "kind": "province", "parent": "indonesia",
         "source": _FIXTURE_SOURCE},
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
        "evidence": ["KPU Kota Bandar Permai menggelar rapat koordinasi (rakor) distribusi logistik Pilkada 2024 di "
                     "Aula KPU Kota Bandar Permai, Rabu (20/11/2024) pukul 13.00 WITA.",
                     "Rakor dipimpin Ketua KPU Kota Bandar Permai, Hj. Nurhayati, S.Pd."],
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
    # A correction reported by a reader, translated, and an addition not yet translated, on two days.
    "corrections": [
        {"date": dt.date(2024, 11, 25), "kind": "correction",
         "what": _loc("Ringkasan menyebut 521 TPS; kini 512 TPS.", "The summary said 521 polling stations; it now says 512."),
         "why": _loc("Artikel menyebut 512 TPS.", "The article says 512 polling stations."),
         "reported_by": _loc("pembaca", "a reader")},
        {"date": dt.date(2024, 12, 2), "kind": "addition",
         "what": {"id": "Waktu rakor, pukul 13.00 WITA, ditambahkan."},
         "why": {"id": "Artikel menyebutnya, tetapi lembar fakta melewatkannya."}},
    ],
}

# ------------------------------------------------------------------ figures: lists, villages, ratings, approximations

FIGURES_SHEET_ID = "2024-10-15-muara-baru-rakor-kesiapan-pilkada"
FIGURES_SHEET = f"articles/{FIGURES_SHEET_ID}.yaml"
FIGURES_SOURCE = "sources/fx5_muara_baru.txt"

FIGURES_TEXT = (
    "WARTA MUARA – Pemerintah Kota Muara Baru menggelar rapat koordinasi (rakor) kesiapan Pilkada 2024 di Balai "
    "Kota Muara Baru, Selasa (15/10/2024).\n"
    "Wali Kota Muara Baru, Rudi Hartono, menyebut jumlah pemilih di Kota Muara Baru mencapai 347.979 pemilih yang "
    "tersebar di 148 desa.\n"
    "Pemkot telah menyalurkan dana hibah sebesar Rp103,66 miliar untuk KPU, Bawaslu dan pengamanan TNI/Polri.\n"
    "Kapolres Muara Baru AKBP Dedi Kurniawan mengatakan tingkat kerawanan Pilkada di Provinsi Teluk Permai berada "
    "pada kategori sedang, dari skala rendah, sedang dan tinggi.\n"
    "Sekitar 1.200 personel gabungan TNI-Polri akan diterjunkan untuk mengamankan 300 hingga 350 TPS rawan.\n"
    "Pengerahan personel itu dilakukan dalam rangka Ops Mantap Praja 2024.\n"
    "TPS rawan itu sebagian besar berada di Pulau Sebira dan Pulau Lancang, Kecamatan Kepulauan Muara.\n"
)

_FIGURES_REGISTRY = {
    "regions": [
        {"id": "muara-baru", "name": "Muara Baru", "kind": "city", "parent": "teluk-permai",
         "short_names": ["Mubar"], "source": _FIXTURE_SOURCE},
    ],
    "agencies": [
        {"id": "pemkot-muara-baru", "kind": "pemda", "region": "muara-baru", "name": "Pemkot Muara Baru",
         "name_en": "Muara Baru City Government"},
        {"id": "kpu-muara-baru", "kind": "kpu", "region": "muara-baru", "name": "KPU Kota Muara Baru"},
        {"id": "bawaslu-muara-baru", "kind": "bawaslu", "region": "muara-baru", "name": "Bawaslu Kota Muara Baru"},
        {"id": "polres-muara-baru", "kind": "polres", "region": "muara-baru", "name": "Polres Muara Baru"},
        {"id": "kodim-1402", "kind": "kodim", "region": "muara-baru", "name": "Kodim 1402/Muara Baru"},
    ],
    "people": [
        {"id": "rudi-hartono", "name": "Rudi Hartono", "short_names": ["Rudi"]},
        {"id": "dedi-kurniawan", "name": "Dedi Kurniawan", "rank": "AKBP"},
    ],
}

_TNI_POLRI = _loc("Artikel menulis TNI/Polri; cabang setempatnya disimpulkan.",
                  "The article writes TNI/Polri; their local branches are inferred.")

FIGURES_SHEET_DATA: dict = {
    "id": FIGURES_SHEET_ID,
    "source": {"file": FIGURES_SOURCE.split("/", 1)[1], "outlet": "Warta Muara",
               "dateline": {"text": "WARTA MUARA –"}},
    "meeting": {
        "kind": "rakor",
        "name": "rapat koordinasi (rakor) kesiapan Pilkada 2024",
        "title": _loc("Rakor kesiapan Pilkada 2024 di Kota Muara Baru",
                      "Readiness meeting for the 2024 regional elections in Muara Baru"),
        "date": dt.date(2024, 10, 15),
        "date_as_stated": "Selasa (15/10/2024)",
        "weekday_as_stated": "Selasa",
        "venue": "Balai Kota Muara Baru",
        "region": "muara-baru",
        "elections": ["pilkada-2024"],
        "organiser": "pemkot-muara-baru",
        "operations": ["ops-mantap-praja-2024"],
        "evidence": "Pemerintah Kota Muara Baru menggelar rapat koordinasi (rakor) kesiapan Pilkada 2024 di Balai "
                    "Kota Muara Baru, Selasa (15/10/2024).",
    },
    "summary": _loc("Pemkot Muara Baru menyalurkan hibah Rp103,66 miliar; kerawanan provinsi berada pada kategori "
                    "sedang.", "Muara Baru's city government passed on a grant of IDR 103.66 billion; the province's "
                    "vulnerability was rated medium."),
    "attendance": [
        {"person": "rudi-hartono", "position": "Wali Kota Muara Baru", "agency": "pemkot-muara-baru",
         "roles": ["speaker"], "evidence": "Wali Kota Muara Baru, Rudi Hartono"},
        {"person": "dedi-kurniawan", "position": "Kapolres Muara Baru", "agency": "polres-muara-baru",
         "roles": ["speaker"], "evidence": "Kapolres Muara Baru AKBP Dedi Kurniawan"},
    ],
    "figures": [
        {"id": "jumlah-pemilih", "kind": "voters", "voter_list": "unspecified",
         "label": _loc("Jumlah pemilih", "Voters"), "value": 347_979, "as_stated": "347.979 pemilih",
         "evidence": "mencapai 347.979 pemilih"},
        {"id": "jumlah-desa", "kind": "villages", "label": _loc("Desa", "Villages"), "value": 148,
         "as_stated": "148 desa", "evidence": "tersebar di 148 desa."},
        {"id": "hibah-pilkada", "kind": "budget", "funding": "hibah",
         "label": _loc("Hibah Pilkada", "Election grant"), "value": 103_660_000_000, "as_stated": "Rp103,66 miliar",
         "recipients": ["kpu-muara-baru", "bawaslu-muara-baru", "polres-muara-baru", "kodim-1402"],
         "inferred": ["recipients"], "note": _TNI_POLRI,
         "evidence": "dana hibah sebesar Rp103,66 miliar untuk KPU, Bawaslu dan pengamanan TNI/Polri."},
        {"id": "kerawanan-provinsi", "kind": "assessment", "label": _loc("Tingkat kerawanan", "Vulnerability level"),
         "level": "sedang", "scale": ["rendah", "sedang", "tinggi"], "region": "teluk-permai",
         "as_stated": "kategori sedang",
         "evidence": "tingkat kerawanan Pilkada di Provinsi Teluk Permai berada pada kategori sedang, dari skala "
                     "rendah, sedang dan tinggi."},
        {"id": "personel-gabungan", "kind": "personnel", "label": _loc("Personel gabungan", "Joint personnel"),
         "value": 1200, "approximation": "about", "as_stated": "Sekitar 1.200 personel",
         "agencies": ["polres-muara-baru", "kodim-1402"], "note": _TNI_POLRI,
         "evidence": "Sekitar 1.200 personel gabungan TNI-Polri"},
        {"id": "tps-rawan", "kind": "vulnerable-polling-stations", "label": _loc("TPS rawan", "Vulnerable polling stations"),
         "value": 300, "value_max": 350, "as_stated": "300 hingga 350 TPS rawan",
         "places": ["pulau-sebira", "pulau-lancang"],
         "evidence": ["300 hingga 350 TPS rawan.", "TPS rawan itu sebagian besar berada di Pulau Sebira dan Pulau Lancang"]},
    ],
    "concerns": [
        {"topic": "logistics", "text": _loc("TPS rawan sebagian besar berada di pulau-pulau Kecamatan Kepulauan Muara.",
                                            "Most vulnerable polling stations are on the islands of Kepulauan Muara."),
         "raised_by": "dedi-kurniawan", "agency": "polres-muara-baru",
         "places": ["pulau-sebira", "pulau-lancang", "kecamatan-kepulauan-muara"],
         "evidence": "TPS rawan itu sebagian besar berada di Pulau Sebira dan Pulau Lancang, Kecamatan Kepulauan Muara."},
    ],
}

PLACES = [
    {"id": "kecamatan-kepulauan-muara", "name": "Kecamatan Kepulauan Muara", "short_names": ["Kepulauan Muara"],
     "kind": "district", "region": "muara-baru"},
    {"id": "pulau-sebira", "name": "Pulau Sebira", "kind": "island", "region": "muara-baru",
     "parent": "kecamatan-kepulauan-muara", "source": _FIXTURE_SOURCE},
    {"id": "pulau-lancang", "name": "Pulau Lancang", "kind": "island", "region": "muara-baru",
     "parent": "kecamatan-kepulauan-muara", "source": _FIXTURE_SOURCE},
    {"id": "pulau-tidung-kecil", "name": "Pulau Tidung Kecil", "kind": "island", "region": "muara-baru"},
]

# ------------------------------------------------------------------ province and national meetings

PROVINCE_SHEET_ID = "2024-09-03-teluk-permai-rakor-pilkada-provinsi"
PROVINCE_SHEET = f"articles/{PROVINCE_SHEET_ID}.yaml"
PROVINCE_SOURCE = "sources/fx6_teluk_permai.txt"
PROVINCE_TEXT = (
    "SUARA TELUK – KPU Provinsi Teluk Permai menggelar rapat koordinasi (rakor) persiapan Pilkada 2024 bersama KPU "
    "kabupaten dan kota se-Provinsi Teluk Permai, Selasa (3/9/2024), di Hotel Permai Raya.\n"
    "Ketua KPU Provinsi Teluk Permai, Sri Wahyuni, meminta seluruh jajaran menuntaskan pemutakhiran data pemilih.\n"
    "“Data pemilih harus bersih sebelum penetapan DPT,” tegas Sri.\n"
)

NATIONAL_SHEET_ID = "2024-07-22-indonesia-rakornas-pengawasan-pilkada"
NATIONAL_SHEET = f"articles/{NATIONAL_SHEET_ID}.yaml"
NATIONAL_SOURCE = "sources/fx7_indonesia.txt"
NATIONAL_TEXT = (
    "JAKARTA – Bawaslu RI menggelar rapat koordinasi nasional (rakornas) pengawasan Pilkada 2024 di Jakarta, Senin "
    "(22/7/2024), diikuti Bawaslu provinsi se-Indonesia.\n"
    "Anggota Bawaslu RI, Lestari Handayani, mengingatkan kerawanan politik uang menjelang masa kampanye.\n"
    "“Pengawasan politik uang harus dimulai sejak sekarang,” ujar Lestari.\n"
)

_LEVELS_REGISTRY = {
    "regions": [
        {"id": "indonesia", "name": "Indonesia", "kind": "country"},
    ],
    "agencies": [
        {"id": "kpu-teluk-permai", "kind": "kpu", "region": "teluk-permai", "name": "KPU Provinsi Teluk Permai"},
        {"id": "bawaslu-ri", "kind": "bawaslu", "region": "indonesia", "name": "Bawaslu RI",
         "name_en": "Bawaslu (national)"},
    ],
    "people": [
        {"id": "sri-wahyuni", "name": "Sri Wahyuni", "short_names": ["Sri"]},
        {"id": "lestari-handayani", "name": "Lestari Handayani", "short_names": ["Lestari"]},
    ],
}


def _level_sheet(sheet_id, source, outlet, dateline, name, title, day, as_stated, venue, region, organiser, person,
                 position, attendance_evidence, quote, quote_en, topic, meeting_evidence, summary, others) -> dict:
    return {
        "id": sheet_id,
        "source": {"file": source.split("/", 1)[1], "outlet": outlet, "dateline": {"text": dateline}},
        "meeting": {"kind": "rakor", "name": name, "title": title, "date": day, "date_as_stated": as_stated,
                    "venue": venue, "region": region, "elections": ["pilkada-2024"], "organiser": organiser,
                    "evidence": meeting_evidence},
        "summary": summary,
        "attendance": [
            {"person": person, "position": position, "agency": organiser, "roles": ["speaker"],
             "evidence": attendance_evidence},
            others,
        ],
        "statements": [{"id": "pesan-utama", "speaker": person, "agency": organiser, "quote": quote,
                        "quote_en": quote_en, "topics": [topic]}],
        "concerns": [{"topic": topic, "text": _loc(quote.rstrip(","), quote_en), "raised_by": person,
                      "agency": organiser, "evidence": quote}],
    }


PROVINCE_SHEET_DATA = _level_sheet(
    PROVINCE_SHEET_ID, PROVINCE_SOURCE, "Suara Teluk", "SUARA TELUK –",
    "rapat koordinasi (rakor) persiapan Pilkada 2024",
    _loc("Rakor persiapan Pilkada 2024 tingkat Provinsi Teluk Permai",
         "Province-level meeting preparing the 2024 regional elections in Teluk Permai"),
    dt.date(2024, 9, 3), "Selasa (3/9/2024)", "Hotel Permai Raya", "teluk-permai", "kpu-teluk-permai", "sri-wahyuni",
    "Ketua KPU Provinsi Teluk Permai", "Ketua KPU Provinsi Teluk Permai, Sri Wahyuni",
    "Data pemilih harus bersih sebelum penetapan DPT,", "The voter data must be clean before the DPT is set.",
    "logistics",
    "KPU Provinsi Teluk Permai menggelar rapat koordinasi (rakor) persiapan Pilkada 2024 bersama KPU kabupaten dan "
    "kota se-Provinsi Teluk Permai, Selasa (3/9/2024), di Hotel Permai Raya.",
    _loc("KPU Provinsi Teluk Permai meminta data pemilih dituntaskan sebelum penetapan DPT.",
         "Teluk Permai's provincial election commission asked for the voter data to be finished before the DPT."),
    {"position": "KPU kabupaten dan kota se-Provinsi Teluk Permai", "group": True,
     "evidence": "bersama KPU kabupaten dan kota se-Provinsi Teluk Permai"})

NATIONAL_SHEET_DATA = _level_sheet(
    NATIONAL_SHEET_ID, NATIONAL_SOURCE, "Kabar Nasional", "JAKARTA –",
    "rapat koordinasi nasional (rakornas) pengawasan Pilkada 2024",
    _loc("Rakornas pengawasan Pilkada 2024", "National coordination meeting on supervising the 2024 regional elections"),
    dt.date(2024, 7, 22), "Senin (22/7/2024)", "Jakarta", "indonesia", "bawaslu-ri", "lestari-handayani",
    "Anggota Bawaslu RI", "Anggota Bawaslu RI, Lestari Handayani",
    "Pengawasan politik uang harus dimulai sejak sekarang,", "Supervision of money politics must start now.",
    "money-politics",
    "Bawaslu RI menggelar rapat koordinasi nasional (rakornas) pengawasan Pilkada 2024 di Jakarta, Senin (22/7/2024)",
    _loc("Bawaslu RI meminta pengawasan politik uang dimulai sebelum masa kampanye.",
         "The national Bawaslu asked for money politics to be watched before the campaign period."),
    {"position": "Bawaslu provinsi se-Indonesia", "group": True, "evidence": "diikuti Bawaslu provinsi se-Indonesia."})

# ------------------------------------------------------------------ a court-ordered re-vote, its contest and stage

REVOTE_SHEET_ID = "2025-04-08-karang-sari-rakor-persiapan-psu"
REVOTE_SHEET = f"articles/{REVOTE_SHEET_ID}.yaml"
REVOTE_SOURCE = "sources/fx8_karang_sari_psu.txt"
REVOTE_TEXT = (
    "KABAR KARANG SARI – KPU Karang Sari menggelar rapat koordinasi persiapan distribusi logistik Pemungutan Suara "
    "Ulang (PSU) pemilihan Bupati dan Wakil Bupati Karang Sari, Selasa (8/4/2025).\n"
    "PSU digelar di seluruh TPS sesuai putusan Mahkamah Konstitusi.\n"
    "“Logistik PSU kami distribusikan ke kecamatan mulai 15 April,” kata Ketua KPU Karang Sari, Wulan Sari.\n"
)

REVOTE_ELECTION = {
    "id": "psu-karang-sari-2025", "kind": "psu", "parent": "pilkada-2024", "region": "karang-sari",
    "contests": ["regent"],
    "name": _loc("PSU Pemilihan Bupati Karang Sari 2025", "2025 Karang Sari regent re-vote"),
    "voting_date": dt.date(2025, 4, 19),
    "milestones": [
        {"name": _loc("Distribusi logistik", "Distribution of materials"), "date": dt.date(2025, 4, 15),
         "end_date": dt.date(2025, 4, 17), "stage": "logistics"},
        {"name": _loc("Pemungutan suara ulang", "Re-vote"), "date": dt.date(2025, 4, 19), "stage": "voting"},
    ],
    "source": {"title": "Keputusan KPU Kabupaten Karang Sari (fiktif) tentang jadwal PSU"},
}

REVOTE_SHEET_DATA: dict = {
    "id": REVOTE_SHEET_ID,
    "source": {"file": REVOTE_SOURCE.split("/", 1)[1], "outlet": "Kabar Karang Sari",
               "dateline": {"text": "KABAR KARANG SARI –"}},
    "meeting": {
        "kind": "rakor",
        "name": "rapat koordinasi persiapan distribusi logistik Pemungutan Suara Ulang (PSU)",
        "title": _loc("Rakor persiapan logistik PSU Bupati Karang Sari",
                      "Meeting preparing the materials for Karang Sari's regent re-vote"),
        "date": dt.date(2025, 4, 8), "date_as_stated": "Selasa (8/4/2025)", "weekday_as_stated": "Selasa",
        "region": "karang-sari", "elections": ["psu-karang-sari-2025"], "contests": ["regent"],
        "stages": ["logistics"], "organiser": "kpu-karang-sari",
        "evidence": "KPU Karang Sari menggelar rapat koordinasi persiapan distribusi logistik Pemungutan Suara Ulang "
                    "(PSU) pemilihan Bupati dan Wakil Bupati Karang Sari, Selasa (8/4/2025).",
    },
    "summary": _loc("KPU Karang Sari menyiapkan distribusi logistik PSU pemilihan Bupati mulai 15 April.",
                    "Karang Sari's KPU prepared to distribute the regent re-vote's materials from 15 April."),
    "attendance": [
        {"person": "wulan-sari", "position": "Ketua KPU Karang Sari", "agency": "kpu-karang-sari",
         "roles": ["speaker"], "evidence": "Ketua KPU Karang Sari, Wulan Sari."},
    ],
    "statements": [
        {"id": "ketua-logistik-psu", "speaker": "wulan-sari", "agency": "kpu-karang-sari",
         "quote": "Logistik PSU kami distribusikan ke kecamatan mulai 15 April,",
         "quote_en": "We are distributing the re-vote materials to the districts from 15 April.",
         "topics": ["logistics"]},
    ],
}

_REVOTE_REGISTRY = {"people": [{"id": "wulan-sari", "name": "Wulan Sari", "short_names": ["Wulan"]}]}

# ------------------------------------------------------------------ a date known only as "before", several roles,
# a branch serving a second regency

UNDATED_SHEET_ID = "before-2024-11-27-sukamaju-rakor-pengawasan-tahapan"
UNDATED_SHEET = f"articles/{UNDATED_SHEET_ID}.yaml"
UNDATED_SOURCE = "sources/fx9_sukamaju.txt"
UNDATED_TEXT = (
    "SUKAMAJU – Menjelang hari pemungutan suara Pilkada 27 November 2024, Bawaslu Kabupaten Sukamaju menggelar "
    "rapat koordinasi pengawasan tahapan di Aula Bawaslu Sukamaju.\n"
    "Rapat dipimpin Ketua Bawaslu Kabupaten Sukamaju, Nanda Putri, didampingi anggota Bawaslu Fajar Ramadhan yang "
    "juga menjadi ketua panitia kegiatan.\n"
    "Dandim 0412/Karang Sari Letkol Czi Ari Wibowo hadir sebagai narasumber.\n"
    "“Kami minta seluruh pengawas TPS siaga sampai penghitungan suara selesai,” tegas Nanda.\n"
)

_UNDATED_REGISTRY = {
    "agencies": [
        {"id": "bawaslu-sukamaju", "kind": "bawaslu", "region": "sukamaju", "name": "Bawaslu Kabupaten Sukamaju"},
    ],
    "people": [
        {"id": "nanda-putri", "name": "Nanda Putri", "short_names": ["Nanda"]},
        {"id": "fajar-ramadhan", "name": "Fajar Ramadhan", "short_names": ["Fajar"]},
    ],
}

UNDATED_SHEET_DATA: dict = {
    "id": UNDATED_SHEET_ID,
    "source": {"file": UNDATED_SOURCE.split("/", 1)[1], "outlet": "Warta Sukamaju", "dateline": {"text": "SUKAMAJU –",
                                                                                                 "place": "SUKAMAJU"}},
    "meeting": {
        "kind": "rakor",
        "name": "rapat koordinasi pengawasan tahapan",
        "title": _loc("Rakor pengawasan tahapan Pilkada 2024 di Kabupaten Sukamaju",
                      "Coordination meeting on supervising the 2024 election stages in Sukamaju"),
        "date": "before 2024-11-27",
        "date_as_stated": "Menjelang hari pemungutan suara Pilkada 27 November 2024",
        "venue": "Aula Bawaslu Sukamaju",
        "region": "sukamaju",
        "elections": ["pilkada-2024"],
        "stages": ["voting", "counting"],
        "organiser": "bawaslu-sukamaju",
        "chair": "nanda-putri",
        "evidence": ["Menjelang hari pemungutan suara Pilkada 27 November 2024, Bawaslu Kabupaten Sukamaju menggelar "
                     "rapat koordinasi pengawasan tahapan di Aula Bawaslu Sukamaju.",
                     "Rapat dipimpin Ketua Bawaslu Kabupaten Sukamaju, Nanda Putri"],
    },
    "summary": _loc("Bawaslu Sukamaju meminta pengawas TPS siaga sampai penghitungan suara selesai.",
                    "Sukamaju's Bawaslu asked polling-station supervisors to stay alert until the count is done."),
    "attendance": [
        {"person": "nanda-putri", "position": "Ketua Bawaslu Kabupaten Sukamaju", "agency": "bawaslu-sukamaju",
         "roles": ["chair", "speaker"], "evidence": "Rapat dipimpin Ketua Bawaslu Kabupaten Sukamaju, Nanda Putri"},
        {"person": "fajar-ramadhan", "position": "anggota Bawaslu", "agency": "bawaslu-sukamaju",
         "roles": ["companion", "committee-chair"], "accompanied": "nanda-putri",
         "evidence": "didampingi anggota Bawaslu Fajar Ramadhan yang juga menjadi ketua panitia kegiatan."},
        {"person": "ari-wibowo", "position": "Dandim 0412/Karang Sari", "agency": "kodim-0412",
         "roles": ["resource-person"], "evidence": "Dandim 0412/Karang Sari Letkol Czi Ari Wibowo hadir sebagai narasumber."},
    ],
    "statements": [
        {"id": "ketua-siaga", "speaker": "nanda-putri", "agency": "bawaslu-sukamaju",
         "quote": "Kami minta seluruh pengawas TPS siaga sampai penghitungan suara selesai,",
         "quote_en": "We ask every polling-station supervisor to stay alert until the count is finished.",
         "note": _loc("Artikel tidak menyebut tanggal rapat, hanya bahwa rapat digelar menjelang hari pemungutan "
                      "suara.", "The article gives no date for the meeting, only that it was held before voting day."),
         "topics": ["logistics"]},
    ],
}

# ------------------------------------------------------------------ an operation linking meetings across provinces

OPERATION = {
    "id": "ops-mantap-praja-2024", "name": "Operasi Mantap Praja 2024", "short_names": ["Ops Mantap Praja 2024"],
    "kind": "police-operation", "elections": ["pilkada-2024"],
    "description": _loc("Operasi pengamanan Pilkada 2024 yang disebut rapat di beberapa daerah.",
                        "The 2024 regional elections' security operation that meetings in several regions name."),
    "start": dt.date(2024, 8, 1), "end": dt.date(2024, 12, 31), "source": _FIXTURE_SOURCE,
}

# ------------------------------------------------------------------ the tree

SHEETS = {STAND_IN_SHEET: STAND_IN_SHEET_DATA, SOURCED_SHEET: SOURCED_SHEET_DATA, FIGURES_SHEET: FIGURES_SHEET_DATA,
          PROVINCE_SHEET: PROVINCE_SHEET_DATA, NATIONAL_SHEET: NATIONAL_SHEET_DATA, REVOTE_SHEET: REVOTE_SHEET_DATA,
          UNDATED_SHEET: UNDATED_SHEET_DATA}
SOURCE_TEXTS = {STAND_IN_SOURCE: STAND_IN_TEXT, SOURCED_SOURCE: SOURCED_TEXT, FIGURES_SOURCE: FIGURES_TEXT,
                PROVINCE_SOURCE: PROVINCE_TEXT, NATIONAL_SOURCE: NATIONAL_TEXT, REVOTE_SOURCE: REVOTE_TEXT,
                UNDATED_SOURCE: UNDATED_TEXT}
_REGISTRY_FILES = {"regions": ("registry/regions.yaml", "regions"), "kinds": ("registry/agencies.yaml", "kinds"),
                   "agencies": ("registry/agencies.yaml", "agencies"), "people": ("registry/people.yaml", "people")}
_REGISTRY_ADDITIONS = tuple((*_REGISTRY_FILES[key], entries)
                            for additions in (_STAND_IN_REGISTRY, _SOURCED_REGISTRY, _FIGURES_REGISTRY, _LEVELS_REGISTRY,
                                  _REVOTE_REGISTRY, _UNDATED_REGISTRY)
                            for key, entries in additions.items())


def model_documents() -> dict[str, object]:
    """Every file of the model tree, by path under content/ (fresh copies)."""
    docs = documents()
    for path, key, entries in _REGISTRY_ADDITIONS:
        docs[path][key].extend(copy.deepcopy(entries))
    docs["registry/elections.yaml"]["elections"].append(copy.deepcopy(REVOTE_ELECTION))
    docs["registry/operations.yaml"] = {"operations": [copy.deepcopy(OPERATION)]}
    docs["registry/places.yaml"] = {"places": copy.deepcopy(PLACES)}
    docs.update(copy.deepcopy({**SHEETS, **SOURCE_TEXTS}))
    return docs


def write_model_tree(root: Path, overrides: dict | None = None) -> Path:
    """Write the model tree under `root/content/`; returns `root`."""
    docs = model_documents()
    docs.update(overrides or {})
    return write_content_tree(root, docs)
