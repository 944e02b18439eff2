"""Valid content trees drawn from the schema itself, for the property test in tests/test_valid_content.py.

Every record is drawn field by field from `schema.record_fields` (the type hints of generator/model.py, which the
loader converts YAML by): each optional field present or absent, each list empty or full (up to its `Items` bound,
or a few records for the long lists of records), numbers at their `Count` bounds and between, dates at the model's
bounds and between, every value of every Literal. References are drawn from the ids the tree's registries hold.

What the schema cannot say, the cross-field rules `check` enforces (generator/verify.py) and the field reference
documents, is drawn to hold as well, in `_RULES`: one function per record class that draws the fields a rule ties
together after the fields they depend on (a figure's value after its kind, a meeting's weekday from its date).
Text is drawn from a small vocabulary with no number words and no registry names, so a summary makes no claim
check compares; the archived text of each fact sheet is written last, from every passage the sheet copies (each
evidence passage and quote its own paragraph, as an article gives them), so evidence is found where it must be.
"""

from __future__ import annotations

import datetime as dt
import typing

from hypothesis import strategies as st

from fixtures import write_content_tree
from generator import model
from generator.schema import Spec, record_fields

# Words with no number in them (claims.py reads 'dua', 'se...', 'M', 'T' as numbers) and no registry name.
WORDS = ("rapat", "kesiapan", "logistik", "warga", "pengawasan", "kampanye", "posko", "aman", "lancar", "jalan",
         "sungai", "pantai", "kantor", "balai", "ruang", "data", "kotak", "suara", "tinta", "surat")
NAMES = ("Ayu", "Budi", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lukman")
REGION_IDS = {"country": "negara", "province": "provinsi-a", "regency": "kabupaten-b", "city": "kota-c"}
PARENT = {"country": None, "province": "country", "regency": "province", "city": "province"}
EXPANSIONS = {"DPT": "Daftar Pemilih Tetap", "TPS": "Tempat Pemungutan Suara", "PSU": "Pemungutan Suara Ulang",
              "KPPS": "Kelompok Penyelenggara Pemungutan Suara"}
LIST_LIMIT = 3  # lists of records (or of free text) longer than this add cost, not cases
DAY = st.dates(model.EARLIEST_DATE, model.LATEST_DATE)
MEETING_DAY = st.one_of(st.just(model.EARLIEST_DATE + dt.timedelta(days=40)),
                        st.just(model.LATEST_DATE - dt.timedelta(days=40)),
                        st.dates(dt.date(2023, 1, 1), dt.date(2025, 12, 31)))
ABSENT = object()  # a rule's answer for a field to leave out


def phrase(least: int = 1, most: int = 6) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=least, max_size=most).map(" ".join)


def text_for(spec: Spec) -> st.SearchStrategy[str]:
    """Free text up to the field's length, at times at its very limit."""
    limit = spec.text.max_length if spec.text else 2000
    longest = (("kesiapan " * limit)[: limit - 1].rstrip() + "n")[:limit]
    return st.one_of(phrase().map(str.capitalize), st.just(longest))


def slug() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True).map("-".join)


class Tree:
    """What the records drawn so far hold: the registries' ids, and the passages a fact sheet copies."""

    def __init__(self):
        self.ids: dict[str, list[str]] = {}
        self.records: dict[str, dict[str, dict]] = {}
        self.paragraphs: list[str] = []  # the current fact sheet's archived text, paragraph by paragraph
        self.names: list[str] = []  # names of operations and places the current article must name

    def passage(self, draw, least_words: int = 3) -> str:
        """A sentence the archived text holds as a paragraph of its own."""
        text = draw(phrase(least_words, 8)).capitalize() + "."
        self.paragraphs.append(text)
        return text

    def passage_of(self, text: str) -> str:
        """A given sentence the archived text holds as a paragraph of its own."""
        self.paragraphs.append(text)
        return text

    def written(self, text: str) -> str:
        """A value the article must print as it is (a position, an as_stated): a paragraph of its own."""
        self.paragraphs.append(f"{text}")
        return text


def value_for(draw, spec: Spec, tree: Tree, name: str):
    """A value of one field from its spec alone."""
    kind = spec.kind
    if kind == "text" and spec.ref is not None:
        known = tree.ids.get(spec.ref.kind, [])
        return draw(st.sampled_from(known)) if known else ABSENT
    if kind == "text" and spec.text and spec.text.pattern == model.SLUG_PATTERN:
        return draw(slug())
    if kind == "text" and spec.text and spec.text.pattern:
        raise AssertionError(f"{name}: a patterned text needs a rule")
    if kind == "text":
        return draw(text_for(spec))
    if kind == "int":
        count = spec.count
        return draw(st.one_of(st.just(count.minimum), st.just(count.maximum),
                              st.integers(count.minimum, min(count.maximum, 10 ** 6))))
    if kind == "bool":
        return draw(st.booleans())
    if kind == "date":
        return draw(DAY)
    if kind == "choice":
        return draw(st.sampled_from(spec.choices))
    if kind == "evidence":
        many = draw(st.integers(1, 3))
        passages = list(dict.fromkeys(tree.passage(draw) for _ in range(many)))  # a list never repeats a value
        return passages[0] if many == 1 and draw(st.booleans()) else passages
    if kind == "record":
        return draw_record(draw, spec.record, tree)
    if kind == "list":
        item = spec.item
        if item.kind == "choice":  # lists of values never repeat one; these are short, so draw them full too
            return draw(st.one_of(st.just(list(item.choices[: spec.items.max_items])),
                                  st.lists(st.sampled_from(item.choices), unique=True,
                                           max_size=min(len(item.choices), spec.items.max_items))))
        if item.kind == "text" and item.ref is not None:
            known = tree.ids.get(item.ref.kind, [])
            return draw(st.lists(st.sampled_from(known), unique=True, max_size=min(len(known), spec.items.max_items))
                        if known else st.just([]))
        if item.kind == "text":
            return draw(st.lists(phrase(1, 3).map(str.capitalize), unique=True, max_size=LIST_LIMIT))
        if item.kind == "record":
            return [draw_record(draw, item.record, tree) for _ in range(draw(st.integers(0, LIST_LIMIT)))]
    raise AssertionError(f"{name}: no strategy for {spec}")


def draw_record(draw, cls: type, tree: Tree, **given) -> dict:
    """One record of `cls` as a YAML mapping: each field from its spec, or from `given`, or from the class's rule
    (which sees the fields drawn before it)."""
    value: dict = {}
    rule = _RULES.get(cls)
    for f in record_fields(cls):
        if f.name in given:
            drawn = given[f.name]
            drawn = draw(drawn) if isinstance(drawn, st.SearchStrategy) else drawn
        elif rule is not None and f.name in rule.fields:
            drawn = rule.draw(draw, f.name, value, tree)
        elif not f.required and not draw(st.booleans()):
            continue
        else:
            drawn = value_for(draw, f.spec, tree, f"{cls.__name__}.{f.name}")
        if drawn is not ABSENT and drawn is not None:
            value[f.name] = drawn
    if rule is not None and rule.after is not None:
        rule.after(draw, value, tree)
    return value


class Rule:
    """The fields of a record class that a cross-field rule ties together: `draw(draw, name, so_far, tree)` gives
    each one's value (or ABSENT); `after(draw, record, tree)` adjusts the finished record."""

    def __init__(self, fields: str, draw, after=None):
        self.fields = frozenset(fields.split())
        self.draw = draw
        self.after = after


def optional(draw, strategy):
    return draw(strategy) if draw(st.booleans()) else ABSENT


# ------------------------------------------------------------------ the rules check enforces, by record class

def _localized(draw, name, so_far, tree):
    return draw(phrase().map(str.capitalize)) if name == "id" else optional(draw, phrase().map(str.capitalize))


def _registry_source(draw, name, so_far, tree):
    if name == "title":
        return draw(phrase().map(str.capitalize))
    return optional(draw, st.sampled_from(["https://example.invalid/registry", "http://example.invalid/a?b=1"]))


def _source(draw, name, so_far, tree):
    """published, its basis and its evidence agree; a dateline's place is in its text; a partial archive says
    what it lacks; a byline is printed."""
    if name == "file":
        return tree.source_file
    if name == "outlet":
        return draw(phrase(1, 3).map(str.title))
    if name == "headline":
        return optional(draw, phrase().map(str.capitalize))
    if name == "headline_basis":
        return optional(draw, st.sampled_from(["stated", "first-line", "url", "unknown"]))
    if name == "url":
        return ABSENT  # drawn with the publication date below
    if name == "archive_url":  # a web archive's copy of the article
        return optional(draw, st.just("https://web.archive.org/web/2024/https://warta.example/berita"))
    if name == "published":
        return optional(draw, DAY)
    if name == "published_basis":
        if "published" not in so_far:
            if draw(st.booleans()):
                so_far["url"] = "https://example.invalid/berita?id=1&x=2"
            return ABSENT
        day = so_far["published"]
        basis = draw(st.sampled_from(["stated", "dateline", "url", "outlet-page"]))
        if basis == "url" or draw(st.booleans()):
            so_far["url"] = f"https://example.invalid/{day:%Y/%m/%d}/berita" if basis == "url" else \
                "https://example.invalid/berita"
        return basis
    if name == "published_evidence":
        return tree.written(f"Diterbitkan {so_far['published']:%d/%m/%Y}") \
            if so_far.get("published_basis") == "stated" else ABSENT
    if name == "dateline":
        needed = so_far.get("published_basis") == "dateline"
        if not needed and not draw(st.booleans()):
            return ABSENT
        place = draw(st.sampled_from(NAMES)).upper()
        text = f"{place} –" if needed or draw(st.booleans()) else "KABAR WARGA –"
        dateline = {"text": text}
        if place in text and draw(st.booleans()):
            dateline["place"] = place
        if needed:
            dateline["date"] = so_far["published"]
        elif draw(st.booleans()):
            dateline["date"] = draw(DAY)
        tree.paragraphs.insert(0, f"{text} {draw(phrase(3, 6)).capitalize()}.")
        return dateline
    if name == "byline":
        return optional(draw, st.sampled_from(NAMES).map(lambda n: tree.written(f"Penulis: {n}")))
    if name == "archive":
        return draw(st.sampled_from(["complete", "partial"]))
    if name == "archive_missing":
        return draw_record(draw, model.Localized, tree) if so_far["archive"] == "partial" else ABSENT
    if name == "language":
        return optional(draw, st.sampled_from(["id", "en"]))
    raise AssertionError(name)


WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _when(draw) -> tuple[object, dt.date | None]:
    """A meeting date in one of its forms (as YAML gives it), and its first day."""
    day = draw(MEETING_DAY)
    precision = draw(st.sampled_from(model.When.PRECISIONS))
    if precision == "day":
        return day, day
    if precision == "month":
        return f"{day:%Y-%m}", day.replace(day=1)
    if precision == "year":
        return f"{day:%Y}", day.replace(month=1, day=1)
    if precision == "range":
        return f"{day.isoformat()}/{(day + dt.timedelta(days=2)).isoformat()}", day
    if precision in ("before", "by"):
        return f"{precision} {day.isoformat()}", None
    return "unknown", None


def _meeting(draw, name, so_far, tree):
    """date_as_stated unless the date is unknown; a weekday and a time only with a day, the time with its zone;
    contests of the elections prepared; a note with any inference; a chair who attended (see FactSheet)."""
    if name == "name":
        return tree.written(draw(phrase(2, 5)).capitalize())
    if name == "date":
        when, tree.first_day = _when(draw)
        return when
    if name == "date_as_stated":
        if so_far["date"] == "unknown" and not draw(st.booleans()):
            return ABSENT
        return tree.written(draw(st.sampled_from(["menjelang pemungutan suara", "pekan lalu", "kemarin pagi"])))
    if name == "weekday_as_stated":
        day = so_far["date"]
        return WEEKDAYS[day.weekday()] if isinstance(day, dt.date) and draw(st.booleans()) else ABSENT
    if name == "time":
        if not isinstance(so_far["date"], dt.date) or not draw(st.booleans()):
            return ABSENT
        return draw(st.sampled_from(["00:00", "09:30", "23:59"]))
    if name == "time_zone":
        return draw(st.sampled_from(["WIB", "WITA", "WIT"])) if "time" in so_far else ABSENT
    if name == "venue":
        return optional(draw, phrase(1, 4).map(lambda v: tree.written(v.title())))
    if name == "contests":
        allowed = tree.contests_of(so_far.get("elections", ()))
        return draw(st.lists(st.sampled_from(allowed), unique=True, max_size=len(allowed))) if allowed else ABSENT
    if name == "operations":
        known = tree.ids.get("operation", [])
        chosen = draw(st.lists(st.sampled_from(known), unique=True, max_size=len(known))) if known else []
        tree.names += [tree.records["operation"][op]["name"] for op in chosen]
        return chosen or ABSENT
    if name == "inferred":
        return draw(st.lists(st.sampled_from(typing.get_args(typing.get_args(
            typing.get_type_hints(model.Meeting)["inferred"])[0])), unique=True, max_size=3)) or ABSENT
    if name == "inference_note":
        return draw_record(draw, model.Localized, tree) if "inferred" in so_far else ABSENT
    if name == "chair":
        return ABSENT  # drawn with the attendance (FactSheet's rule)
    raise AssertionError(name)


def _attendance_fields(draw, so_far: dict, tree: Tree) -> dict:
    """Someone: a person, a position or an agency; one agency or several (for a group or an institution); an
    institution names no one; a rank only with a person; a stand-in for someone else."""
    shape = draw(st.sampled_from(["person", "group", "institution", "office"]))
    entry: dict = {}
    people, agencies = tree.ids.get("person", []), tree.ids.get("agency", [])
    if shape == "person" and people:
        entry["person"] = draw(st.sampled_from(people))
        if draw(st.booleans()):
            entry["rank"] = tree.written(draw(st.sampled_from(["AKBP", "Letkol", "Kompol"])))
    if shape == "group":
        entry["group"] = True
    if shape == "institution" and agencies:
        entry["institution"] = True
    if shape == "office" or draw(st.booleans()):
        entry["position"] = tree.written(f"Ketua {draw(phrase(1, 3))}")
    several = (entry.get("group") or entry.get("institution")) and len(agencies) >= 2 and draw(st.booleans())
    if several:
        entry["agencies"] = draw(st.lists(st.sampled_from(agencies), unique=True, min_size=2,
                                          max_size=min(len(agencies), 30)))
    elif agencies and (entry.get("institution") or draw(st.booleans())):
        entry["agency"] = draw(st.sampled_from(agencies))
    if not entry.keys() & {"person", "position", "agency", "agencies"}:
        entry["position"] = tree.written(f"Ketua {draw(phrase(1, 3))}")
    if agencies and draw(st.booleans()):
        entry["represents"] = draw(st.sampled_from(agencies))
    if draw(st.booleans()):
        entry["represents_office"] = tree.written(f"Kepala {draw(phrase(1, 2))}")
    others = [p for p in people if p != entry.get("person")]
    if others and draw(st.booleans()):
        entry["represents_person"] = draw(st.sampled_from(others))
    return entry


def _statement(draw, name, so_far, tree):
    """A quote or a paraphrase, not both; a translation only of a quote; evidence for a paraphrase; a speaker who
    attended (the attendees are known when statements are drawn)."""
    if name == "id":
        return draw(slug().filter(lambda s: s not in tree.statement_ids))
    if name == "speaker":
        return optional(draw, st.sampled_from(tree.attendees)) if tree.attendees else ABSENT
    if name == "narration":  # the article's own words: a paraphrase given to no one
        return ABSENT if "speaker" in so_far or "agency" in so_far or not draw(st.booleans()) else True
    if name == "quote":
        if so_far.get("narration") or not draw(st.booleans()):
            return ABSENT
        words = draw(phrase(3, 8)).capitalize() + ","
        tree.paragraphs.append(f"\u201c{words}\u201d ujarnya.")
        return words
    if name == "quote_en":
        return optional(draw, phrase().map(str.capitalize)) if "quote" in so_far else ABSENT
    if name == "paraphrase":
        return ABSENT if "quote" in so_far else draw_record(draw, model.Localized, tree)
    if name == "places":
        return _places(draw, tree) or ABSENT
    if name == "evidence":
        if "paraphrase" in so_far or draw(st.booleans()):
            return value_for(draw, Spec("evidence"), tree, name)
        return ABSENT
    raise AssertionError(name)


def _statement_after(draw, record, tree):
    tree.statement_ids.add(record["id"])


def _places(draw, tree: Tree) -> list[str]:
    """Places in the meeting's region (or below it), each named in the article."""
    known = [p for p, place in tree.records.get("place", {}).items()
             if tree.meeting_region in model.region_ancestry(place["region"], tree.regions)]
    chosen = draw(st.lists(st.sampled_from(known), unique=True, max_size=len(known))) if known else []
    tree.names += [tree.records["place"][p]["name"] for p in chosen]
    return chosen


def _point(draw, name, so_far, tree):
    if name == "topic":
        return draw(st.sampled_from(tree.ids["topic"]))
    if name == "places":
        return _places(draw, tree) or ABSENT
    raise AssertionError(name)


NUMBER_WORDS = {"budget": "Rp", "polling-stations": "", "voters": "", "villages": "", "districts": "",
                "personnel": "", "vulnerable-polling-stations": "", "other": ""}


def _indonesian(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _figure(draw, name, so_far, tree):
    """The fields its kind needs and no others; a value (never for an assessment) that its words state, a range's
    upper end above it; one recipient or several; another region than the meeting's; parts of a total in the
    sheet, of its kind, adding up to it when all are exact (FactSheet's rule)."""
    kind = so_far.get("kind")
    if name == "id":
        return draw(slug().filter(lambda s: s not in tree.figure_ids))
    if name == "former_ids":  # no other figure's id, nor another's former id (each 'lama' once per sheet id)
        return [f"{so_far['id']}-lama"] if draw(st.booleans()) else ABSENT
    if name == "value":
        if kind == "assessment":
            return ABSENT
        return draw(st.one_of(st.just(0), st.just(10 ** 15), st.integers(0, 10 ** 12)))
    if name == "value_max":
        value = so_far.get("value")
        if value is None or value >= 10 ** 15 or not draw(st.booleans()):
            return ABSENT
        return draw(st.integers(value + 1, 10 ** 15))
    if name == "approximation":
        return optional(draw, st.sampled_from(["about", "more-than", "less-than", "at-least", "at-most"])) \
            if kind != "assessment" else ABSENT
    if name == "as_stated":
        if kind == "assessment":
            return tree.written(f"kategori {draw(phrase(1, 2))}")
        numbers = [_indonesian(so_far["value"])] + ([_indonesian(so_far["value_max"])] if "value_max" in so_far else [])
        return tree.written(NUMBER_WORDS[kind] + " hingga ".join(numbers))
    if name == "voter_list":
        return draw(st.sampled_from(["DPT", "DPTb", "DPK", "DPS", "DPSHP", "unspecified"])) if kind == "voters" \
            else ABSENT
    if name == "funding":
        return optional(draw, st.sampled_from(["APBD", "APBN", "hibah", "other"])) if kind == "budget" else ABSENT
    agencies = tree.ids.get("agency", [])
    if name == "recipient":
        return optional(draw, st.sampled_from(agencies)) if kind == "budget" and agencies else ABSENT
    if name == "recipients":
        if kind != "budget" or "recipient" in so_far or len(agencies) < 2 or not draw(st.booleans()):
            return ABSENT
        return draw(st.lists(st.sampled_from(agencies), unique=True, min_size=2, max_size=min(30, len(agencies))))
    if name == "agencies":
        if kind != "personnel" or not agencies:
            return ABSENT
        return draw(st.lists(st.sampled_from(agencies), unique=True, max_size=min(30, len(agencies)))) or ABSENT
    if name == "level":
        if kind != "assessment":
            return ABSENT
        so_far["_scale"] = scale = draw(st.lists(phrase(1, 2), unique=True, max_size=10))
        return draw(st.sampled_from(scale)) if scale else draw(phrase(1, 2))
    if name == "scale":
        return so_far.pop("_scale", None) or ABSENT
    if name == "unit_label":
        return draw_record(draw, model.Localized, tree) if kind == "other" else ABSENT
    if name == "part_of":
        return ABSENT  # drawn with the sheet's figures (FactSheet's rule)
    if name == "region":
        others = [r for r in tree.ids["region"] if r != tree.meeting_region]
        return optional(draw, st.sampled_from(others)) if others else ABSENT
    if name == "places":
        return _places(draw, tree) or ABSENT
    raise AssertionError(name)


def _figure_after(draw, record, tree):
    tree.figure_ids.add(record["id"])


def _correction(draw, name, so_far, tree):
    if name == "date":
        return ABSENT  # dated with the sheet (FactSheet's rule): oldest first, after publication
    raise AssertionError(name)


def _fact_sheet(draw, name, so_far, tree):
    """The parts of a sheet that rules tie together: the chair among the attendees, speakers among them, parts
    of a total adding up to it, corrections in order and after the article."""
    if name == "id":
        return ABSENT  # from the meeting's date, after it is drawn
    if name == "source":
        return draw_record(draw, model.Source, tree)
    if name == "meeting":
        tree.meeting_region = draw(st.sampled_from(tree.ids["region"]))
        meeting = draw_record(draw, model.Meeting, tree, region=tree.meeting_region)
        return meeting
    if name == "summary":
        return draw_record(draw, model.Localized, tree)
    if name == "attendance":
        entries = []
        for _ in range(draw(st.integers(0, LIST_LIMIT + 1))):
            entry = _attendance_fields(draw, so_far, tree)
            entry.update(draw_record(draw, model.Attendance, tree, **{k: ABSENT for k in _ATTENDANCE_DRAWN}))
            entry.update(_attendance_fields_after(draw, entry, entries, tree))
            entries.append(entry)
        tree.attendees = sorted({e["person"] for e in entries if "person" in e})
        if tree.attendees and draw(st.booleans()):
            so_far["meeting"]["chair"] = draw(st.sampled_from(tree.attendees))
        return entries
    if name == "statements":
        tree.statement_ids = set()
        return [draw_record(draw, model.Statement, tree) for _ in range(draw(st.integers(0, LIST_LIMIT)))]
    if name == "figures":
        tree.figure_ids = set()
        figures = [draw_record(draw, model.Figure, tree) for _ in range(draw(st.integers(0, LIST_LIMIT + 1)))]
        _parts(draw, figures, tree)
        return figures
    if name in ("concerns", "commitments"):
        if not tree.ids.get("topic"):
            return ABSENT
        return [draw_record(draw, model.Point, tree) for _ in range(draw(st.integers(0, LIST_LIMIT)))]
    if name == "corrections":
        corrections = [draw_record(draw, model.Correction, tree) for _ in range(draw(st.integers(0, LIST_LIMIT)))]
        earliest = so_far["source"].get("published") or tree.first_day or model.EARLIEST_DATE
        days = sorted(draw(st.lists(st.dates(earliest, model.LATEST_DATE), min_size=len(corrections),
                                    max_size=len(corrections))))
        for correction, day in zip(corrections, days):
            correction["date"] = day
        return corrections
    raise AssertionError(name)


_ATTENDANCE_DRAWN = ("person", "position", "agency", "agencies", "rank", "group", "institution", "represents",
                     "represents_office", "represents_person", "accompanied", "roles")


def _attendance_fields_after(draw, entry, earlier, tree) -> dict:
    """Roles (a companion accompanies someone listed before it, not itself)."""
    roles = draw(st.lists(st.sampled_from(["chair", "opener", "speaker", "resource-person", "committee-chair",
                                           "companion"]), unique=True, max_size=6))
    accompanied = [e["person"] for e in earlier if "person" in e and e["person"] != entry.get("person")]
    extra = {}
    if "companion" in roles and accompanied and draw(st.booleans()):
        extra["accompanied"] = draw(st.sampled_from(accompanied))
    if roles:
        extra["roles"] = roles
    return extra


def _parts(draw, figures: list[dict], tree: Tree) -> None:
    """Some figures become parts of another of their kind; exact parts of an exact total add up to it (the total
    is set to their sum, and its words follow)."""
    for figure in figures:
        totals = [t for t in figures if t is not figure and t["kind"] == figure["kind"] and "part_of" not in t
                  and t["kind"] != "assessment"]
        if totals and not any(f.get("part_of") == figure["id"] for f in figures) and draw(st.booleans()):
            figure["part_of"] = draw(st.sampled_from(totals))["id"]
    for total in figures:
        parts = [f for f in figures if f.get("part_of") == total["id"]]
        exact = lambda f: "value_max" not in f and "approximation" not in f  # noqa: E731
        if parts and exact(total) and all(exact(p) for p in parts):
            added = sum(p["value"] for p in parts)
            if added > 10 ** 15:
                for part in parts:
                    del part["part_of"]
                continue
            total["value"] = added
            total["as_stated"] = tree.written(NUMBER_WORDS[total["kind"]] + _indonesian(added))


# ------------------------------------------------------------------ registries

def _region(draw, name, so_far, tree):
    return ABSENT


def _agency(draw, name, so_far, tree):
    """Other regions it covers, besides its own, with a source."""
    if name == "covers":
        if "region" not in so_far:
            return ABSENT
        others = [r for r in tree.ids["region"] if r != so_far["region"]]
        covers = draw(st.lists(st.sampled_from(others), unique=True, max_size=len(others))) if others else []
        if covers:
            so_far["source"] = draw_record(draw, model.RegistrySource, tree)
        return covers or ABSENT
    if name == "source":
        return so_far.get("source") or optional(draw, st.builds(dict, title=st.just("Sumber registri")))
    raise AssertionError(name)


def _election(draw, name, so_far, tree):
    """A re-vote or recount repeats an earlier election in one region; milestones end after they begin."""
    if name == "kind":
        return draw(st.sampled_from(["pemilu", "pilkada", "psu", "recount", "other"])) if tree.ids.get("election") \
            else draw(st.sampled_from(["pemilu", "pilkada", "other"]))
    if name == "voting_date":
        return draw(st.dates(dt.date(2024, 1, 1), dt.date(2029, 12, 31)))
    if name == "parent":
        earlier = [e for e in tree.ids.get("election", [])
                   if tree.records["election"][e]["voting_date"] < so_far["voting_date"]]
        if so_far["kind"] in ("psu", "recount"):
            if not earlier:
                so_far["kind"] = "other"
                return ABSENT
            return draw(st.sampled_from(earlier))
        return optional(draw, st.sampled_from(earlier)) if earlier else ABSENT
    if name == "region":
        if so_far["kind"] in ("psu", "recount"):
            return draw(st.sampled_from(tree.ids["region"]))
        return optional(draw, st.sampled_from(tree.ids["region"]))
    raise AssertionError(name)


def _milestone(draw, name, so_far, tree):
    if name == "end_date":
        return optional(draw, st.dates(so_far["date"], model.LATEST_DATE))
    raise AssertionError(name)


def _operation(draw, name, so_far, tree):
    """A source with an agency or dates; the end after the start."""
    if name == "start":
        return optional(draw, DAY)
    if name == "end":
        return optional(draw, st.dates(so_far.get("start", model.EARLIEST_DATE), model.LATEST_DATE))
    if name == "source":
        needed = so_far.keys() & {"agency", "start", "end"}
        return draw_record(draw, model.RegistrySource, tree) if needed or draw(st.booleans()) else ABSENT
    raise AssertionError(name)


def _place(draw, name, so_far, tree):
    """In a regency or city; in a place of the same region, with a source."""
    if name == "region":
        return draw(st.sampled_from([r for r in tree.ids["region"]
                                     if tree.records["region"][r]["kind"] in ("regency", "city")]))
    if name == "parent":
        same = [p for p in tree.ids.get("place", []) if tree.records["place"][p]["region"] == so_far["region"]]
        return optional(draw, st.sampled_from(same)) if same else ABSENT
    if name == "source":
        return draw_record(draw, model.RegistrySource, tree) if "parent" in so_far or draw(st.booleans()) else ABSENT
    raise AssertionError(name)


_RULES = {
    model.Localized: Rule("id en", _localized),
    model.RegistrySource: Rule("title url", _registry_source),
    model.Source: Rule("file outlet headline headline_basis url published published_basis published_evidence "
                       "dateline byline archive archive_missing language archive_url", _source),
    model.Meeting: Rule("name date date_as_stated weekday_as_stated time time_zone venue contests operations "
                        "inferred inference_note chair", _meeting),
    model.Statement: Rule("id speaker narration quote quote_en paraphrase places evidence", _statement,
                          _statement_after),
    model.Point: Rule("topic places", _point),
    model.Figure: Rule("id former_ids value value_max approximation as_stated voter_list funding recipient "
                       "recipients agencies level scale unit_label part_of region places", _figure, _figure_after),
    model.Correction: Rule("date", _correction),
    model.FactSheet: Rule("id source meeting summary attendance statements figures concerns commitments "
                          "corrections", _fact_sheet),
    model.Agency: Rule("covers source", _agency),
    model.Election: Rule("kind voting_date parent region", _election),
    model.Milestone: Rule("end_date", _milestone),
    model.Operation: Rule("start end source", _operation),
    model.Place: Rule("region parent source", _place),
}


def _contests_of(tree: Tree):
    def contests(elections) -> list[str]:
        listed = [tree.records["election"][e].get("contests") for e in elections]
        if listed and all(listed):
            return sorted({c for found in listed for c in found})
        return list(typing.get_args(model.Contest))
    return contests


# ------------------------------------------------------------------ the tree

@st.composite
def content_trees(draw) -> dict[str, object]:
    """Every file of a valid content tree, by path under content/ (as fixtures.write_content_tree takes them)."""
    tree = Tree()
    tree.contests_of = _contests_of(tree)
    files: dict[str, object] = {}

    def registry(kind: str, cls: type, key: str = "id", count=(0, LIST_LIMIT), **given) -> list[dict]:
        records = []
        for _ in range(draw(st.integers(*count))):
            record = draw_record(draw, cls, tree, **given)
            if record[key] in tree.ids.get(kind, []):
                continue  # ids are unique
            records.append(record)
            tree.ids.setdefault(kind, []).append(record[key])
            tree.records.setdefault(kind, {})[record[key]] = record
        return records

    # Regions: one of each kind at most, each in the one above it (a country's province, a province's regency).
    kinds = draw(st.lists(st.sampled_from(list(REGION_IDS)), unique=True, min_size=1))
    regions = []
    for kind in ("country", "province", "regency", "city"):
        if kind not in kinds:
            continue
        given = {"id": REGION_IDS[kind], "kind": kind, "parent": ABSENT, "source": ABSENT, "code": ABSENT,
                 "name": draw(st.sampled_from(NAMES)) + " " + kind.capitalize()}
        parent = PARENT[kind] and REGION_IDS[PARENT[kind]]
        region = draw_record(draw, model.Region, tree, **given)
        if parent in tree.ids.get("region", []) and draw(st.booleans()):
            region["parent"] = parent
        if "parent" in region or "seat" in region or draw(st.booleans()):
            region["source"] = draw_record(draw, model.RegistrySource, tree)
        regions.append(region)
        tree.ids.setdefault("region", []).append(region["id"])
        tree.records.setdefault("region", {})[region["id"]] = region
    tree.regions = {r["id"]: model.Region(id=r["id"], name=r["name"], kind=r["kind"], parent=r.get("parent"))
                    for r in regions}
    files["registry/regions.yaml"] = {"regions": regions}

    agency_kinds = registry("agency_kind", model.AgencyKind, count=(1, LIST_LIMIT))
    agencies = registry("agency", model.Agency, count=(0, LIST_LIMIT + 1))
    files["registry/agencies.yaml"] = {"kinds": agency_kinds, "agencies": agencies}
    people = registry("person", model.Person, count=(0, LIST_LIMIT + 1),
                      name=st.sampled_from(NAMES).map(lambda n: f"{n} Santoso"))
    files["registry/people.yaml"] = {"people": people}
    files["registry/topics.yaml"] = {"topics": registry("topic", model.Topic)}
    files["registry/elections.yaml"] = {"elections": registry("election", model.Election)}
    terms = registry("term", model.GlossaryTerm, key="term", term=st.sampled_from(tuple(EXPANSIONS)))
    for term in terms:  # an expansion spells its term (check_glossary)
        if "expansion" in term:
            term["expansion"] = EXPANSIONS[term["term"]]
    files["registry/glossary.yaml"] = {"terms": terms}
    # The optional registries: left out, or present (perhaps empty).
    if draw(st.booleans()) and any(tree.records["region"][r]["kind"] in ("regency", "city") for r in tree.ids["region"]):
        places = registry("place", model.Place, name=st.sampled_from(NAMES).map(lambda n: f"Pulau {n}"),
                          short_names=ABSENT)
        files["registry/places.yaml"] = {"places": places}
    if draw(st.booleans()):
        operations = registry("operation", model.Operation, name=st.sampled_from(NAMES).map(lambda n: f"Operasi {n}"),
                              short_names=ABSENT)
        files["registry/operations.yaml"] = {"operations": operations}

    # Fact sheets, each with its archived text.
    for number in range(draw(st.integers(0, 3))):
        tree.paragraphs, tree.names = [], []
        tree.source_file = f"artikel_{number}.txt"
        sheet = draw_record(draw, model.FactSheet, tree)
        meeting = sheet["meeting"]
        when = meeting["date"]
        prefix = model.When("day", when, when).id_prefix if isinstance(when, dt.date) else \
            when.split("/")[0].replace(" ", "-") if when != "unknown" else "undated"
        sheet_id = f"{prefix}-rakor-{number}"
        sheet = {"id": sheet_id, **sheet}
        _cite_venue_chair_and_names(sheet, tree)
        files[f"articles/{sheet_id}.yaml"] = sheet
        names = "".join(f"{name}.\n" for name in dict.fromkeys(tree.names))
        files[f"sources/{tree.source_file}"] = "\n".join(tree.paragraphs) + "\n" + names
    return files


def _cite_venue_chair_and_names(sheet: dict, tree: Tree) -> None:
    """The meeting's evidence names its venue and its chair; the article prints the name, rank, corps, honorifics
    and degrees the registry gives each person the sheet cites (check_meeting_evidence, check_people_spelling)."""
    meeting, people = sheet["meeting"], tree.records.get("person", {})
    evidence = meeting["evidence"]
    evidence = [evidence] if isinstance(evidence, str) else list(evidence)
    if "venue" in meeting:
        evidence.append(tree.passage_of(f"Rapat di {meeting['venue']}."))
    if "chair" in meeting:
        evidence.append(tree.passage_of(f"Rapat dipimpin {people[meeting['chair']]['name']}."))
    meeting["evidence"] = list(dict.fromkeys(evidence))
    for entry in sheet.get("attendance", ()):  # an attendee's evidence names them (check_attendee_named)
        if "person" in entry:
            cited_by = entry["evidence"] if isinstance(entry["evidence"], list) else [entry["evidence"]]
            named = tree.passage_of(f"Hadir pula {people[entry['person']]['name']}.")
            entry["evidence"] = list(dict.fromkeys([*cited_by, named]))
    cited = {e.get(k) for e in sheet.get("attendance", ()) for k in ("person", "represents_person")}
    cited |= {s.get("speaker") for s in sheet.get("statements", ())} | {meeting.get("chair")}
    cited |= {p.get("raised_by") for kind in ("concerns", "commitments") for p in sheet.get(kind, ())}
    for person in sorted(cited - {None}):
        record = people[person]
        printed = " ".join(record[k] for k in ("honorifics", "rank", "corps", "name") if k in record)
        tree.paragraphs.append(printed + (f", {record['degrees']}" if "degrees" in record else "") + ".")


def write_tree(root, files: dict[str, object]):
    """Write a drawn tree (only its files: none of the fixture's) under root/content/."""
    return write_content_tree(root, {**{name: None for name in _fixture_files()}, **files})


def _fixture_files():
    from fixtures import documents
    return documents().keys()
