"""Several roles per attendance entry, and whom a companion accompanied: the meeting page and attendance.csv."""

from __future__ import annotations


import csv
import io

from fixtures import CITY_SHEET, CITY_SHEET_ID, documents, write_content_tree
from generator.pipeline import BuildConfig, build
from update_golden import SITE_URL
from page_html import without_cell_labels


def test_several_roles_and_the_person_accompanied_are_shown(tmp_path):
    sheet = documents()[CITY_SHEET]
    # The fixture article: "Rakor dibuka oleh Penjabat Wali Kota Pelita, Bagus Pratama, dan dihadiri Ketua KPU ..."
    sheet["attendance"][0]["roles"] = ["opener", "speaker"]
    sheet["attendance"][1]["roles"] = ["companion", "resource-person"]
    sheet["attendance"][1]["accompanied"] = "bagus-pratama"
    root = write_content_tree(tmp_path, {CITY_SHEET: sheet})
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    shown = {"id": ("(membuka rapat, pembicara)", "(mendampingi Bagus Pratama, narasumber)"),
             "en": ("(opened the meeting, speaker)", "(accompanying Bagus Pratama, resource person)")}
    for lang, (first, second) in shown.items():
        page = without_cell_labels((out / lang / "docs" / "meetings" / f"{CITY_SHEET_ID}.md").read_text(encoding="utf-8"))
        rows = [line for line in page.splitlines() if line.startswith(("| 1 |", "| 2 |"))]
        assert first in rows[0] and second in rows[1], rows
    data = (out / "id" / "docs" / "data" / "attendance.csv").read_text(encoding="utf-8")
    rows = [row for row in csv.DictReader(io.StringIO(data)) if row["meeting"] == CITY_SHEET_ID]
    assert [(row["roles"], row["accompanied"]) for row in rows[:2]] == [
        ("opener speaker", ""), ("companion resource-person", "bagus-pratama")]
