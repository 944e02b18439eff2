"""Audit item 5 of issue 30: an agency inferred for an attendee is marked wherever a line is given to that agency:
the meeting's concerns and commitments, the topic tables, the lines under the agency's entry on its region's
page, and the agency kind's count of statements. Without it, only the attendance table showed the mark."""

from __future__ import annotations

from pathlib import Path

from fixtures import CITY_SHEET, CITY_SHEET_ID
from generator.pipeline import BuildConfig, build

URL = "https://example.org/digest/"


def _dewi_agency_inferred(sheet):
    for entry in sheet["attendance"]:
        if entry.get("person") == "dewi-anggraini":
            entry["inferred"] = ["agency"]
    return sheet


def _pages(root: Path, lang: str, out: Path) -> dict[str, str]:
    build(BuildConfig(root=root, out=out, site_url=URL))
    docs = out / lang / "docs"
    return {name: (docs / name).read_text(encoding="utf-8") for name in (
        f"meetings/{CITY_SHEET_ID}.md", "regions/pelita.md", "agencies/kpu.md")}


def test_an_inferred_agency_is_marked_where_its_lines_are_shown(content_tree, tmp_path):
    marked = _pages(content_tree({CITY_SHEET: _dewi_agency_inferred}, name="marked"), "en", tmp_path / "a")
    plain = _pages(content_tree(name="plain"), "en", tmp_path / "b")
    # The agency kind's count says how many of the branch's statements give it an inferred agency.
    assert "(1 with the agency inferred)" in marked["agencies/kpu.md"]
    assert "with the agency inferred" not in plain["agencies/kpu.md"]
    # Under the branch's entry, each of its lines by the attendee carries the mark.
    entry = marked["regions/pelita.md"].split("{: #agency-kpu-pelita")[1].split("\n### ")[0]
    # (her statement is listed on her own entry, beside the attendance line that carries the mark)
    assert entry.count("· [agency inferred") == 1  # the commitment
    assert "agency inferred" not in plain["regions/pelita.md"]
    # On the meeting page the point's agency carries the mark, as the attendance table's does.
    meeting = marked[f"meetings/{CITY_SHEET_ID}.md"]
    line = next(line for line in meeting.splitlines() if "(#person-dewi" not in line and "KPU Kota Pelita" in line
                and line.startswith("- **"))
    assert "[inferred" in line, line


def test_check_still_accepts_the_marked_tree(content_tree):
    from generator.load import load_content
    from generator.verify import verify

    root = content_tree({CITY_SHEET: _dewi_agency_inferred})
    verify(load_content(root / "content", root))
