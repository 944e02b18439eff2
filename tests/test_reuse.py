"""Page reuse cannot go stale (generator/reuse.py): after any sequence of edits, the pages a build renders
again plus the ones it reuses are byte for byte those of a build from nothing, whether the last build is kept in
memory (`make serve`) or on disk (a new process). Hypothesis chooses the edits: add, change or remove a fact
sheet; change a person, an agency, a region, a topic or a glossary term; move a person's entry to another
region; change a template or a catalog (which the stamp covers)."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures import CITY_SHEET, CITY_SHEET_DATA, documents, write_content_tree
from generator import pipeline, reuse
from generator.pipeline import BuildConfig, BuildState, build
from generator.reuse import STATE_FILE

URL = "https://example.invalid/"
EXAMPLES = int(os.environ.get("EPD_HYPOTHESIS_EXAMPLES", "6"))


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != STATE_FILE}


class Corpus:
    """The fixture tree and the edits a test applies to it; `stamped` is a copy of generator/ for the stamp."""

    def __init__(self, root: Path, stamped: Path):
        self.root, self.stamped, self.files, self.added = root, stamped, documents(), 0

    def write(self) -> None:
        write_content_tree(self.root, self.files)
        for path in (self.root / "content").rglob("*"):
            if path.is_file() and path.relative_to(self.root / "content").as_posix() not in self.files:
                path.unlink()

    def sheets(self) -> list[str]:
        return sorted(name for name in self.files if name.startswith("articles/"))

    def apply(self, edit: str, choice: int, words: str) -> None:
        registry = self.files
        if edit == "add a fact sheet":
            self.added += 1
            sheet = copy.deepcopy(CITY_SHEET_DATA)
            day = dt.date(2024, 11, 18)  # the day its article's "Senin (18/11)" states (check holds the two)
            sheet["id"] = f"{day.isoformat()}-pelita-rakor-tambahan-{self.added}"
            sheet["meeting"]["date"] = day
            sheet["meeting"].pop("weekday_as_stated")
            # Letters only: a summary's numbers must be the article's (verify.check_summary).
            sheet["summary"]["id"] = f"{words} " + "".join(chr(ord("a") + int(d)) for d in str(self.added))
            registry[f"articles/{sheet['id']}.yaml"] = sheet
        elif edit == "change a fact sheet":
            sheet = registry[self.sheets()[choice % len(self.sheets())]]
            sheet["summary"]["id"] = f"{words} {sheet['summary']['id']}"
            sheet["meeting"]["title"]["en"] = f"{words} title"
        elif edit == "remove a fact sheet" and len(self.sheets()) > 1:
            del registry[self.sheets()[choice % len(self.sheets())]]
        elif edit == "move a person's entry":
            attendance = registry[CITY_SHEET]["attendance"] if CITY_SHEET in registry else []
            for entry in attendance:
                if entry.get("agency") == "kpu-pelita":
                    entry["agency"] = "kpu-sukamaju"
        elif edit in ("change a person", "change an agency", "change a region", "change a topic",
                      "change a glossary term"):
            # A person's name, rank and titles must be as an article prints them (check): a short name changes
            file, key, field = {"change a person": ("people", "people", "short_names"),
                                "change an agency": ("agencies", "agencies", "name"),
                                "change a region": ("regions", "regions", "name"),
                                "change a topic": ("topics", "topics", "name"),
                                "change a glossary term": ("glossary", "terms", "definition")}[edit]
            records = registry[f"registry/{file}.yaml"][key]
            record = records[choice % len(records)]
            if field == "short_names":
                record[field] = list(dict.fromkeys([*record.get(field, []), words]))
            elif isinstance(record[field], dict):
                record[field]["en"] = f"{words} {record[field].get('en', '')}".strip()
            else:
                record[field] = f"{words} {record[field]}"
        elif edit in ("change a template", "change a catalog"):
            pattern = "templates/meeting.md.j2" if edit == "change a template" else "locale/id/LC_MESSAGES/messages.po"
            path = self.stamped / pattern
            path.write_text(path.read_text(encoding="utf-8") + f"\n{{# {words} #}}\n" if edit == "change a template"
                            else path.read_text(encoding="utf-8") + f"\n# {words}\n", encoding="utf-8")


EDITS = ["add a fact sheet", "change a fact sheet", "remove a fact sheet", "change a person", "change an agency",
         "change a region", "change a topic", "change a glossary term", "move a person's entry",
         "change a template", "change a catalog"]
edits = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 9),
                           st.sampled_from(["Baru", "Diperbarui", "Revisi", "Ubah"])), min_size=1, max_size=4)


@pytest.fixture
def stamped_copy(tmp_path_factory, monkeypatch):
    """The stamp reads a copy of generator/ (templates and catalogs a test may change); rendering uses the
    real ones, so a changed template here changes the stamp and not the pages."""
    copy_dir = tmp_path_factory.mktemp("stamped") / "generator"
    shutil.copytree(reuse.STAMPED, copy_dir, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(reuse, "STAMPED", copy_dir)
    return copy_dir


@settings(max_examples=EXAMPLES, deadline=None, derandomize="EPD_HYPOTHESIS_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(sequence=edits)
def test_any_sequence_of_edits_gives_the_pages_of_a_fresh_build(sequence, tmp_path_factory, stamped_copy):
    work = tmp_path_factory.mktemp("reuse")
    corpus = Corpus(work / "tree", stamped_copy)
    corpus.write()
    memory, on_disk = BuildState(), BuildConfig(root=corpus.root, out=work / "disk", site_url=URL)
    served = BuildConfig(root=corpus.root, out=work / "memory", site_url=URL)
    build(served, state=memory)
    build(on_disk)
    for step, (edit, choice, words) in enumerate(sequence):
        corpus.apply(edit, choice, words)
        corpus.write()
        fresh = BuildConfig(root=corpus.root, out=work / f"fresh-{step}", site_url=URL)
        expected = build(fresh)
        for config, state in ((served, memory), (on_disk, None)):
            result = build(config, state=state)
            assert _tree(config.out) == _tree(fresh.out), (step, edit, "memory" if state else "disk")
            if edit in ("change a template", "change a catalog"):
                assert result.rendered == result.planned  # the stamp changed: everything renders
        assert (on_disk.out / STATE_FILE).read_bytes() == (fresh.out / STATE_FILE).read_bytes()
        assert expected.rendered == expected.planned


def test_an_edit_renders_only_the_pages_that_read_what_it_changed(tmp_path):
    """A glossary-free edit to one person renders the pages that looked the person up, not the others."""
    corpus = Corpus(tmp_path / "tree", reuse.STAMPED)
    corpus.write()
    config = BuildConfig(root=corpus.root, out=tmp_path / "out", site_url=URL)
    first = build(config)
    corpus.files["registry/people.yaml"]["people"][3]["short_names"] = ["Hidayat"]  # the regency's speaker
    corpus.write()
    again = build(config)
    assert 0 < again.rendered < first.rendered / 2
    state = reuse.DiskStore(config.out).load()
    readers = {path for path, record in state.pages["id"].items() if ("people", "rahmat-hidayat") in record.reads}
    assert "meetings/2024-10-07-sukamaju-sosialisasi-pilkada.md" in readers
    assert "meetings/2024-11-18-pelita-rakor-kesiapan-pilkada.md" not in readers


def test_serial_and_parallel_renders_give_the_same_bytes(tmp_path, monkeypatch):
    root = write_content_tree(tmp_path / "tree")
    monkeypatch.setenv("EPD_RENDER_CACHE", "0")
    monkeypatch.setenv("EPD_SERIAL", "1")
    build(BuildConfig(root=root, out=tmp_path / "serial", site_url=URL))
    monkeypatch.delenv("EPD_SERIAL")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_SHEETS", 0)  # the fixture is small: fork anyway
    job = {}
    real_render = pipeline.render
    monkeypatch.setattr(pipeline, "render", lambda j: (job.setdefault("parallel", j.parallel), real_render(j))[1])
    build(BuildConfig(root=root, out=tmp_path / "parallel", site_url=URL))
    assert job["parallel"] is True
    assert _tree(tmp_path / "serial") == _tree(tmp_path / "parallel")


def test_an_error_in_a_render_worker_reaches_the_parent_with_its_traceback(tmp_path, monkeypatch):
    root = write_content_tree(tmp_path / "tree")
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_SHEETS", 0)
    monkeypatch.setattr(pipeline, "Abbreviations", None)  # calling it fails in each worker
    with pytest.raises(TypeError) as raised:
        build(BuildConfig(root=root, out=tmp_path / "out", site_url=URL))
    assert any("in the render worker of" in note for note in raised.value.__notes__)
