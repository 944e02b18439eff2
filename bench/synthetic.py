"""A seeded, deterministic synthetic corpus at national scale, for the benchmark and the scale test.

    write_corpus(root, sheets, seed=1) -> root

writes a repository-shaped tree that `python -m generator --root ROOT check` accepts:

    ROOT/content/registry/*.yaml   regions (provinces, kabupaten and kota), every agency kind of the real
                                   registry with a branch in each region, people, and the real topics,
                                   elections and glossary
    ROOT/content/articles/*.yaml   `sheets` fact sheets
    ROOT/content/sources/*.txt     ~700-word Indonesian-like archived texts holding every evidence passage
                                   and quote verbatim
    ROOT/mkdocs.yml, overrides/, docs/   copied from this checkout, so `site` and `serve` work there

The same (sheets, seed) always gives byte-identical files. Run directly for a quick look:

    .venv/bin/python bench/synthetic.py /tmp/corpus 1000
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
REGISTRY = REPO / "content" / "registry"
SCHEMA = "# yaml-language-server: $schema="

# Syllables for place and person names: plausible-looking, not real places or people.
_PLACE_PARTS = ("Sumber", "Tanjung", "Bukit", "Muara", "Kota", "Lubuk", "Sungai", "Pulau", "Rantau", "Batu",
                "Teluk", "Padang", "Air", "Karang", "Sidi", "Wono", "Mekar", "Sari", "Jaya", "Baru")
_PLACE_TAILS = ("Agung", "Rejo", "Makmur", "Indah", "Raya", "Barat", "Timur", "Utara", "Selatan", "Tengah",
                "Hilir", "Hulu", "Permai", "Harapan", "Lestari", "Mulia", "Sentosa", "Asri", "Damai", "Kencana")
_FIRST = ("Ahmad", "Budi", "Citra", "Dedi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah", "Joko", "Kurnia",
          "Lestari", "Mulyadi", "Nur", "Oki", "Putri", "Rahmat", "Sri", "Taufik", "Umar", "Wahyu", "Yusuf",
          "Zainal", "Agus", "Bambang", "Dewi", "Rina", "Siti", "Hadi", "Iwan", "Rudi", "Yanti", "Andi",
          "Bayu", "Dimas", "Erlangga", "Fajar", "Galih", "Hasan", "Imam")
_LAST = ("Santoso", "Wijaya", "Saputra", "Hidayat", "Pratama", "Kusuma", "Nugroho", "Siregar", "Harahap",
         "Nasution", "Lubis", "Simanjuntak", "Wibowo", "Setiawan", "Gunadi", "Rahman", "Syahputra",
         "Purnomo", "Susanto", "Halim", "Ramadhan", "Firmansyah", "Maulana", "Permana", "Sembiring")
_FILLER = (
    "Kegiatan tersebut berlangsung dengan tertib dan diikuti oleh berbagai unsur masyarakat setempat",
    "Para peserta rapat menyampaikan pandangan masing-masing mengenai tahapan yang sedang berjalan",
    "Pemerintah daerah berkomitmen mendukung seluruh tahapan sesuai dengan ketentuan yang berlaku",
    "Sejumlah kepala organisasi perangkat daerah turut hadir dalam kegiatan yang digelar sejak pagi",
    "Pihak penyelenggara berharap masyarakat dapat ikut mengawasi jalannya setiap tahapan",
    "Acara kemudian dilanjutkan dengan sesi tanya jawab yang berlangsung cukup lama",
    "Koordinasi lintas sektor dinilai penting agar tidak terjadi tumpang tindih kewenangan di lapangan",
    "Hasil rapat akan ditindaklanjuti dengan pertemuan teknis di tingkat kecamatan dalam waktu dekat",
    "Peserta juga membahas kesiapan sarana dan prasarana pendukung di setiap wilayah",
    "Seluruh pihak diminta menjaga situasi tetap kondusif menjelang hari pemungutan suara",
    "Kegiatan ditutup dengan penandatanganan komitmen bersama oleh para pimpinan instansi",
    "Informasi mengenai tahapan akan terus disampaikan kepada masyarakat melalui berbagai saluran",
)
_QUOTES = (
    ("Kami siap mendukung penuh agar seluruh tahapan berjalan aman, lancar dan damai di {place}",
     "We are ready to give our full support so that every stage runs safely, smoothly and peacefully in {place}."),
    ("Netralitas aparatur sipil negara harus dijaga sampai hari pemungutan suara di {place}",
     "The neutrality of civil servants must be kept up to voting day in {place}."),
    ("Logistik sudah kami siapkan dan akan didistribusikan tepat waktu ke seluruh TPS di {place}",
     "We have prepared the logistics and will distribute them on time to every polling station in {place}."),
    ("Kami mengajak masyarakat {place} menolak politik uang dalam bentuk apa pun",
     "We urge the people of {place} to reject money politics in any form."),
    ("Pengamanan akan kami lakukan bersama TNI dan unsur terkait di seluruh wilayah {place}",
     "We will provide security together with the military and other parties across {place}."),
    ("Data pemilih terus kami mutakhirkan agar tidak ada warga {place} yang kehilangan hak pilih",
     "We keep updating the voter data so that no resident of {place} loses the right to vote."),
)
_PARAPHRASES = (
    ("security", "meminta jajarannya memetakan daerah rawan konflik di {place} sebelum hari pemungutan suara",
     "Meminta pemetaan daerah rawan konflik di {place}.", "Asked for a map of conflict-prone areas in {place}."),
    ("funding", "menyebut dana hibah untuk penyelenggara di {place} telah disalurkan sesuai jadwal",
     "Dana hibah penyelenggara di {place} telah disalurkan.", "The grant for the election bodies in {place} has been paid."),
    ("participation", "berharap partisipasi pemilih di {place} meningkat dibanding pemilihan sebelumnya",
     "Berharap partisipasi pemilih di {place} meningkat.", "Hopes voter turnout in {place} will rise."),
    ("violations", "menyatakan pihaknya telah menerima sejumlah laporan dugaan pelanggaran di {place}",
     "Telah menerima laporan dugaan pelanggaran di {place}.", "Has received reports of suspected violations in {place}."),
    ("readiness", "memastikan kesiapan petugas di tingkat desa dan kelurahan di {place} sudah mencapai target",
     "Petugas tingkat desa di {place} dinyatakan siap.", "Village-level officers in {place} are said to be ready."),
    ("coordination", "menekankan pentingnya sinergi seluruh instansi di {place} dalam setiap tahapan",
     "Menekankan sinergi seluruh instansi di {place}.", "Stressed synergy between all institutions in {place}."),
)
_OFFICIALS = (  # (agency kind, position as written, person rank or None)
    ("pemkab", "Bupati", None), ("kpu", "Ketua KPU", None), ("bawaslu", "Ketua Bawaslu", None),
    ("polres", "Kapolres", "AKBP"), ("kodim", "Dandim", "Letkol Inf"), ("kesbangpol", "Kepala Kesbangpol", None),
    ("kejaksaan", "Kajari", None), ("dprd", "Ketua DPRD", None), ("pengadilan", "Ketua Pengadilan", None),
)
_RANKS = {rank for _, _, rank in _OFFICIALS if rank}
_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember")
_MEETING_KINDS = ("rakor", "rakor-lintas-sektoral", "sosialisasi", "apel")


def _dump(data) -> str:
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=1000, default_flow_style=False)


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _registry(name: str, key: str) -> list:
    path = REGISTRY / name
    return (yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}).get(key, []) if path.is_file() else []


# Synthetic places never take a real region's name (check refuses a region the gazetteer holds).
_GAZETTEER_NAMES = frozenset(region["name"].casefold() for region in _registry("gazetteer.yaml", "regions"))


class _Corpus:
    def __init__(self, sheets: int, seed: int):
        self.rng = random.Random(seed)
        self.sheets = sheets
        self.kinds = _registry("agencies.yaml", "kinds")
        self.topics = _registry("topics.yaml", "topics")
        self.elections = _registry("elections.yaml", "elections")
        self.glossary = _registry("glossary.yaml", "terms")
        self.regions: list[dict] = []
        self.agencies: list[dict] = []
        self.people: list[dict] = []
        self.officials: dict[str, list[tuple[str, str, str]]] = {}  # region -> [(kind, position, person id)]
        self._names: set[str] = set()
        self._by_id: dict[str, dict] = {}
        self._branches: dict[str, dict] = {}  # every possible branch; registered when first named
        self._registered: set[str] = set()
        self._place_names: set[str] = set()

    # ------------------------------------------------------------ registries

    def place_name(self) -> str:
        for attempt in range(1000):
            name = f"{self.rng.choice(_PLACE_PARTS)} {self.rng.choice(_PLACE_TAILS)}"
            if attempt > 20:  # the 400 two-word names run out: add a third word
                name += f" {self.rng.choice(_PLACE_TAILS)}"
            if name not in self._place_names and name.casefold() not in _GAZETTEER_NAMES:
                self._place_names.add(name)
                return name
        raise RuntimeError("ran out of synthetic place names")

    def person(self, rank: str | None) -> str:
        while True:
            name = f"{self.rng.choice(_FIRST)} {self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"
            if name not in self._names:
                break
        self._names.add(name)
        # No rank: the synthetic articles print a post and a name only, and check holds a registry rank to the
        # articles that cite the person.
        record = {"id": _slug(name), "name": name}
        self.people.append(record)
        self._by_id[record["id"]] = record
        return record["id"]

    def build_registries(self) -> None:
        # Indonesia has 38 provinces and 514 regencies and cities; smaller corpora get fewer.
        count = max(24, min(514, self.sheets // 4))
        provinces = max(4, min(38, count // 13))
        province_ids = []
        for p in range(provinces):
            name = self.place_name()
            pid = _slug(name)
            province_ids.append((pid, name))
            self.regions.append({"id": pid, "name": name, "kind": "province",
                                 "source": {"title": f"Provinsi {name} (data sintetis)"}})
        for r in range(count):
            pid, _ = province_ids[r % provinces]
            name = self.place_name()
            kind = "city" if self.rng.random() < 0.2 else "regency"
            rid = _slug(name)
            self.regions.append({"id": rid, "name": name, "kind": kind, "parent": pid,
                                 "short_names": [name.split()[0][:3] + name.split()[1][:3]],
                                 "source": {"title": f"{'Kota' if kind == 'city' else 'Kabupaten'} {name} "
                                                     "(data sintetis)"}})
        for region in self.regions:
            if region["kind"] == "province":
                continue
            officials = []
            for kind, position, rank in _OFFICIALS:
                if kind == "pengadilan" and self.rng.random() < 0.3:
                    continue
                agency_kind = "pemkab" if kind == "pemkab" else kind
                aid = f"{kind}-{region['id']}"
                prefix = ("Pemkot" if region["kind"] == "city" else "Pemkab") if kind == "pemkab" else \
                    next(k["abbreviation"] for k in self.kinds if k["id"] == kind)
                self._branches[aid] = {"id": aid, "kind": agency_kind, "region": region["id"],
                                       "name": f"{prefix} {region['name']}"}
                officials.append((aid, position if not (kind == "pemkab" and region["kind"] == "city")
                                  else "Wali Kota", rank))
            self.officials[region["id"]] = officials

    # ------------------------------------------------------------ fact sheets

    def sheet(self, number: int) -> tuple[str, dict, str]:
        rng = self.rng
        regions = [r for r in self.regions if r["kind"] != "province"]
        # A few busier regions (a tenth of the meetings go to the first ten), the rest spread evenly.
        region = regions[rng.randrange(10) if rng.random() < 0.1 else rng.randrange(len(regions))]
        place = region["name"]
        election = self.elections[number % len(self.elections)]
        voting = election["voting_date"]
        date = voting - dt.timedelta(days=rng.randrange(1, 400))
        weekday = _WEEKDAYS[date.weekday()]
        kind = rng.choice(_MEETING_KINDS)
        stated_date = f"{weekday} ({date.day}/{date.month}/{date.year})"
        venue = f"Aula {rng.choice(('Hotel', 'Gedung', 'Balai', 'Pendopo'))} {self.place_name_cached(rng)}"
        meeting_name = f"rapat koordinasi persiapan {election['name']['id'].lower()} di {place}"
        officials = self.officials[region["id"]]
        chosen = rng.sample(range(len(officials)), k=min(len(officials), rng.randint(4, 7)))
        for i in chosen:  # people enter the registry when an article first names them
            aid, position, rank_or_id = officials[i]
            if rank_or_id is None or rank_or_id in _RANKS:
                officials[i] = (aid, position, self.person(rank_or_id))
        present = [officials[i] for i in chosen]
        for aid in [aid for aid, _, _ in present] + [f"kpu-{region['id']}", f"bawaslu-{region['id']}"]:
            branch = self._branches.get(aid)
            if branch is not None and aid not in self._registered:
                self._registered.add(aid)
                self.agencies.append(branch)
        organiser = present[0]
        paragraphs: list[str] = []
        opening = (f"{place.upper()} – {organiser[1]} {place} menggelar {meeting_name}, {stated_date}, "
                   f"bertempat di {venue}.")
        paragraphs.append(opening)
        names = {pid: next(p for p in self._people_index(pid)) for _, _, pid in present}
        attended = ", ".join(f"{position} {names[pid]['name']}" for _, position, pid in present)
        paragraphs.append(f"Kegiatan itu dihadiri {attended} serta unsur camat dan kepala desa.")
        attendance = []
        for aid, position, pid in present:
            attendance.append({"person": pid, "position": position, "agency": aid, "roles": ["speaker"],
                               "evidence": f"{position} {names[pid]['name']}"})
        attendance.append({"position": "unsur camat dan kepala desa", "group": True,
                           "evidence": "serta unsur camat dan kepala desa"})
        statements = []
        quoted: set = set()  # a quotation once a sheet: check gives a repeated one to its first speaker
        for s in range(rng.randint(2, 4)):
            aid, position, pid = present[s % len(present)]
            person = names[pid]
            if rng.random() < 0.5:
                quote, quote_en = rng.choice([q for q in _QUOTES if q not in quoted])
                quoted.add((quote, quote_en))
                quote, quote_en = quote.format(place=place), quote_en.format(place=place)
                paragraphs.append(f"“{quote},” kata {position} {person['name']}.")
                statements.append({"id": f"s{s + 1}", "speaker": pid, "agency": aid, "quote": quote,
                                   "quote_en": quote_en, "topics": [rng.choice(self.topics)["id"]]})
            else:
                topic, said, text_id, text_en = rng.choice(_PARAPHRASES)
                said = said.format(place=place)
                reported = f"{position} {person['name']} dalam kesempatan itu {said}."
                paragraphs.append(reported)
                statements.append({"id": f"s{s + 1}", "speaker": pid, "agency": aid,  # a paraphrase cites the
                                   "paraphrase": {"id": text_id.format(place=place),  # whole sentence
                                                  "en": text_en.format(place=place)},
                                   "topics": [topic], "evidence": reported})
        figures = []
        if rng.random() < 0.6:
            stations = rng.randint(300, 3000)
            voters = stations * rng.randint(150, 290)
            paragraphs.append(f"Jumlah TPS di {place} sebanyak {stations:,} TPS dengan daftar pemilih tetap "
                              f"sebanyak {voters:,} pemilih.".replace(",", "."))
            figures.append({"id": "tps", "kind": "polling-stations", "label": {"id": "Jumlah TPS",
                            "en": "Polling stations"}, "value": stations,
                            "as_stated": f"{stations:,} TPS".replace(",", "."),
                            "evidence": f"sebanyak {stations:,} TPS".replace(",", ".")})
            figures.append({"id": "dpt", "kind": "voters", "voter_list": "DPT", "label": {"id": "Daftar pemilih tetap",
                            "en": "Registered voters"}, "value": voters,
                            "as_stated": f"{voters:,} pemilih".replace(",", "."),
                            "evidence": f"sebanyak {voters:,} pemilih".replace(",", ".")})
        if rng.random() < 0.3:
            kpu, bawaslu = rng.randint(10, 60), rng.randint(3, 20)
            paragraphs.append(f"Pemerintah daerah menganggarkan dana hibah Rp{kpu + bawaslu} miliar, terdiri dari "
                              f"Rp{kpu} miliar untuk KPU dan Rp{bawaslu} miliar untuk Bawaslu.")
            kpu_id, bawaslu_id = f"kpu-{region['id']}", f"bawaslu-{region['id']}"
            figures.append({"id": "hibah", "kind": "budget", "label": {"id": "Dana hibah", "en": "Grants"},
                            "value": (kpu + bawaslu) * 10**9,
                            "as_stated": f"Rp{kpu + bawaslu} miliar",
                            "evidence": f"dana hibah Rp{kpu + bawaslu} miliar"})
            figures.append({"id": "hibah-kpu", "kind": "budget", "label": {"id": "Hibah KPU", "en": "KPU grant"},
                            "value": kpu * 10**9, "as_stated": f"Rp{kpu} miliar",
                            "recipient": kpu_id, "part_of": "hibah", "evidence": f"Rp{kpu} miliar untuk KPU"})
            figures.append({"id": "hibah-bawaslu", "kind": "budget", "label": {"id": "Hibah Bawaslu",
                            "en": "Bawaslu grant"}, "value": bawaslu * 10**9,
                            "as_stated": f"Rp{bawaslu} miliar", "recipient": bawaslu_id, "part_of": "hibah",
                            "evidence": f"Rp{bawaslu} miliar untuk Bawaslu"})
        concerns, commitments = [], []
        for target, word in ((concerns, "mengkhawatirkan"), (commitments, "berjanji memastikan")):
            for _ in range(rng.randint(0, 2)):
                topic, said, text_id, text_en = rng.choice(_PARAPHRASES)
                aid, position, pid = rng.choice(present)
                sentence = f"{position} {names[pid]['name']} {word} bahwa {said.format(place=place)}."
                paragraphs.append(sentence)
                target.append({"topic": topic, "text": {"id": text_id.format(place=place),
                                                        "en": text_en.format(place=place)},
                               "raised_by": pid, "agency": aid, "evidence": sentence})
        # Pad to ~700 words with filler paragraphs placed between the facts.
        words = sum(len(p.split()) for p in paragraphs)
        while words < 700:
            filler = " ".join(f"{rng.choice(_FILLER)}." for _ in range(rng.randint(2, 4)))
            paragraphs.insert(rng.randint(2, len(paragraphs)), filler)
            words += len(filler.split())
        sheet_id = f"{date.isoformat()}-{region['id']}-{kind}-{number:05d}"
        source_file = f"syn_{number:05d}.txt"
        title_id = f"{kind.capitalize()} persiapan {election['name']['id']} di {place}"
        title_en = f"{kind.capitalize()} on preparing the {election['name']['en']} in {place}"
        sheet = {
            "id": sheet_id,
            "source": {"file": source_file, "outlet": rng.choice(("warta-daerah.example", "kabar-lokal.example",
                                                                   "suara-rakyat.example")),
                       "headline": title_id, "headline_basis": "stated", "language": "id"},
            "meeting": {"kind": kind, "name": meeting_name, "title": {"id": title_id, "en": title_en},
                        "date": date, "date_as_stated": stated_date, "weekday_as_stated": weekday,
                        "venue": venue, "region": region["id"], "elections": [election["id"]],
                        "organiser": organiser[0], "evidence": [opening]},
            "summary": {"id": f"{organiser[1]} {place} menggelar {kind} persiapan {election['name']['id']}.",
                        "en": f"The {place} authorities held a {kind} on preparing the {election['name']['en']}."},
            "attendance": attendance,
            "statements": statements,
        }
        for key, value in (("figures", figures), ("concerns", concerns), ("commitments", commitments)):
            if value:
                sheet[key] = value
        return sheet_id, sheet, "\n".join(paragraphs) + "\n"

    def place_name_cached(self, rng) -> str:
        return f"{rng.choice(_PLACE_PARTS)} {rng.choice(_PLACE_TAILS)}"

    def _people_index(self, pid: str):
        yield self._by_id[pid]


def write_corpus(root: Path, sheets: int, seed: int = 1) -> Path:
    """Write a synthetic repository with `sheets` fact sheets under `root`; returns `root`."""
    root = Path(root)
    corpus = _Corpus(sheets, seed)
    corpus.build_registries()
    content = root / "content"
    for sub in ("registry", "articles", "sources"):
        target = content / sub
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
    # The repository's own fact sheets come along (the hand-written pages link one of them); the rest is
    # synthetic, so the corpus holds `sheets` fact sheets in all.
    real = sorted((REPO / "content" / "articles").glob("*.yaml"))[:sheets]
    for path in real:
        shutil.copy2(path, content / "articles" / path.name)
        source = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)["source"]["file"]
        shutil.copy2(REPO / "content" / "sources" / source, content / "sources" / source)
    for number in range(sheets - len(real)):
        sheet_id, sheet, text = corpus.sheet(number)
        (content / "articles" / f"{sheet_id}.yaml").write_text(
            f"{SCHEMA}../../schema/fact-sheet.schema.json\n" + _dump(sheet), encoding="utf-8")
        (content / "sources" / sheet["source"]["file"]).write_text(text, encoding="utf-8")
    registry = content / "registry"
    note = "# Synthetic benchmark data (bench/synthetic.py); not real places, people or agencies.\n"
    files = {
        # The gazetteer's 552 real regions are always present (copied below); the synthetic ones are added
        "regions.yaml": {"regions": _registry("regions.yaml", "regions") + corpus.regions,
                         "names": _registry("regions.yaml", "names")},
        "agencies.yaml": {"kinds": corpus.kinds,
                          "agencies": _registry("agencies.yaml", "agencies") +
                                      sorted(corpus.agencies, key=lambda a: a["id"])},
        "people.yaml": {"people": _registry("people.yaml", "people") + corpus.people},
        "topics.yaml": {"topics": corpus.topics},
        "elections.yaml": {"elections": corpus.elections},
        "glossary.yaml": {"terms": corpus.glossary},
        "operations.yaml": {"operations": _registry("operations.yaml", "operations")},  # the seed sheets'
        "places.yaml": {"places": _registry("places.yaml", "places")},
    }
    for name, data in files.items():
        schema = f"{SCHEMA}../../schema/{name.replace('.yaml', '.schema.json')}\n"
        (registry / name).write_text(schema + note + _dump(data), encoding="utf-8")
    if (REGISTRY / "gazetteer.yaml").is_file():
        shutil.copy2(REGISTRY / "gazetteer.yaml", registry / "gazetteer.yaml")
    for name in ("mkdocs.yml",):
        shutil.copy2(REPO / name, root / name)
    for name in ("overrides", "docs"):
        if (root / name).exists():
            shutil.rmtree(root / name)
        shutil.copytree(REPO / name, root / name)
    return root


if __name__ == "__main__":
    target = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    write_corpus(target, count, int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    print(f"wrote {count} fact sheets to {target}")
