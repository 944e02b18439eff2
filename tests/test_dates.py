"""Meeting dates known to a precision (model.When): what check accepts, and what every page and export shows.

Each case gives the fixture's regency meeting a date as an article might (a month, a year, a range, a bound,
or nothing), renames its fact sheet after that date, generates the site and reads the result as a reader or
a data user would: the meeting page, the list it appears in, the meetings page it is filed on, the timeline,
the CSV, the feed and the calendar.
"""

from __future__ import annotations


import csv
import datetime as dt
import io
import re
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fixtures import REGENCY_SHEET, REGENCY_SHEET_ID, REGENCY_SOURCE, documents, write_content_tree
from generator import model
from generator.i18n import Formatter
from generator.load import _STR, parse_when
from generator.pipeline import BuildConfig, build
from update_golden import SITE_URL
from page_html import mark_md, without_cell_labels

NAME = REGENCY_SHEET_ID.split("-", 3)[3]  # "sukamaju-sosialisasi-pilkada"

# date as written, as stated, then per language: the meeting page, a list row, the meetings page (path, title)
CASES = {
    "month": ("2024-10", "Oktober 2024", {
        "id": ("Oktober 2024", "Okt 2024", "meetings/2024-10.md", "Oktober 2024"),
        "en": ("October 2024", "Oct 2024", "meetings/2024-10.md", "October 2024")}),
    "year": (2024, "tahun ini", {
        "id": ("2024", "2024", "meetings/2024.md", "2024, bulan tidak diketahui"),
        "en": ("2024", "2024", "meetings/2024.md", "2024, month not known")}),
    "range": ("2024-10-07/2024-10-09", "7-9 Oktober 2024", {
        "id": ("7–9 Okt 2024", "7–9 Okt 2024", "meetings/2024-10.md", "Oktober 2024"),
        "en": ("7–9 Oct 2024", "7–9 Oct 2024", "meetings/2024-10.md", "October 2024")}),
    "before": ("before 2024-11-27", "menjelang Pilkada 27 November 2024", {
        "id": ("sebelum 27 November 2024", "sebelum 27 Nov 2024", "meetings/undated.md", "Bulan dan tahun tidak diketahui"),
        "en": ("before 27 November 2024", "before 27 Nov 2024", "meetings/undated.md", "Month and year not known")}),
    "by": ("by 2024-11-27", "paling lambat 27 November 2024", {
        "id": ("paling lambat 27 November 2024", "paling lambat 27 Nov 2024", "meetings/undated.md",
               "Bulan dan tahun tidak diketahui"),
        "en": ("by 27 November 2024", "by 27 Nov 2024", "meetings/undated.md", "Month and year not known")}),
    "unknown": ("unknown", None, {
        "id": ("tanggal tidak diketahui", "tanggal tidak diketahui", "meetings/undated.md", "Bulan dan tahun tidak diketahui"),
        "en": ("date not known", "date not known", "meetings/undated.md", "Month and year not known")}),
}
DATE_LABEL = {"id": "Tanggal", "en": "Date"}
AS_STATED_LABEL = {"id": "Tanggal sesuai tulisan", "en": "Date as stated"}


def _generate(root: Path, written, stated, inferred=()) -> tuple[Path, str]:
    """The fixture with the regency meeting dated `written`, under the id that date asks for."""
    when, problem = parse_when(str(written), _STR)
    assert when is not None, problem
    sheet_id = f"{when.id_prefix}-{NAME}"

    def dated(sheet):
        meeting = {**sheet["meeting"], "date": written, "inferred": list(inferred)}
        meeting.pop("date_as_stated")
        if stated is not None:
            meeting["date_as_stated"] = stated
        if inferred:
            meeting["inference_note"] = {"id": "Disimpulkan dari konteks.", "en": "Inferred from context."}
        return {**sheet, "id": sheet_id, "meeting": meeting}

    files = documents()
    # The article says the date in the words given (date_as_stated is checked against its text).
    text = files[REGENCY_SOURCE] + (f"Kegiatan itu berlangsung {stated}.\n" if stated else "")
    write_content_tree(root, {REGENCY_SHEET: None, f"articles/{sheet_id}.yaml": dated(files[REGENCY_SHEET]),
                              REGENCY_SOURCE: text})
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    return out, sheet_id


def _row(page: str, label: str) -> str:
    match = re.search(rf"^\| {re.escape(label)} \| (.*) \|$", page, re.M)
    assert match, f"no '{label}' row"
    return match.group(1)


def _page(out: Path, lang: str, path: str) -> str:
    return without_cell_labels((out / lang / "docs" / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("precision", list(CASES))
def test_a_date_is_shown_as_precisely_as_it_is_known(precision, tmp_path):
    written, stated, shown = CASES[precision]
    out, sheet_id = _generate(tmp_path, written, stated)
    for lang, (long, short, month_path, month_title) in shown.items():
        meeting = _page(out, lang, f"meetings/{sheet_id}.md")
        assert _row(meeting, DATE_LABEL[lang]) == long
        assert _row(meeting, AS_STATED_LABEL[lang]) == (
            f'<span lang="id">{stated}</span>' if lang == "en" and stated else stated or
            {"id": "artikel tidak menyebut tanggal", "en": "the article gives no date"}[lang])
        listed = _page(out, lang, month_path)
        assert re.search(rf"^# .*{re.escape(month_title)}$", listed, re.M), f"{month_path} is not '{month_title}'"
        assert f"| {short} | [" in listed and f"({sheet_id}.md)" in listed.replace("../meetings/", "")
        assert f"| {short} | [" in _page(out, lang, "meetings/index.md") or precision == "unknown"
        timeline = _page(out, lang, "timeline.md")
        assert f"| {short} | [" in timeline
        if precision == "unknown":  # after every dated year
            unknown = {"id": "Tahun tidak diketahui", "en": "Year not known"}[lang]
            assert timeline.index(f"## {unknown}") > timeline.index("## 2024")
    data = out / "id" / "docs" / "data"
    rows = {row["meeting"]: row for row in csv.DictReader(io.StringIO((data / "meetings.csv").read_text("utf-8")))}
    when, _ = parse_when(str(written), _STR)
    assert rows[sheet_id]["date"] == str(written)
    assert rows[sheet_id]["date_precision"] == precision
    assert rows[sheet_id]["date_earliest"] == (when.start.isoformat() if when.start else "")
    assert rows[sheet_id]["date_latest"] == (when.end.isoformat() if when.end else "")
    calendar = icalendar.Calendar.from_ical((data / "calendar.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    if precision == "range":  # the days are known: an event over all of them
        assert events[sheet_id].decoded("DTSTART") == dt.date(2024, 10, 7)
        assert events[sheet_id].decoded("DTEND") == dt.date(2024, 10, 10)
    else:  # a calendar event would claim days the article does not give
        assert sheet_id not in events
    feed = (data / "feed.xml").read_text("utf-8")
    assert f"({shown['id'][1]})</title>" in feed


def test_the_weekday_is_printed_only_when_stated_or_exact(tmp_path):
    # The fixture's regency meeting: an exact day the article states, no weekday named.
    out, sheet_id = _generate(tmp_path / "stated", "2024-10-07", "7 Oktober 2024")
    assert _row(_page(out, "id", f"meetings/{sheet_id}.md"), "Tanggal") == "Senin, 7 Oktober 2024"
    assert _row(_page(out, "en", f"meetings/{sheet_id}.md"), "Date") == "Monday, 7 October 2024"
    # The same day, inferred: no weekday, and the inferred mark wherever the date is shown.
    out, sheet_id = _generate(tmp_path / "inferred", "2024-10-07", "pekan lalu", inferred=["date"])
    assert _row(_page(out, "id", f"meetings/{sheet_id}.md"), "Tanggal") == \
        '7 Oktober 2024 ' + mark_md("inferred", "id")
    assert '| 7 Oct 2024 ' + mark_md("inferred", "en") + ' | [' in _page(out, "en", "meetings/2024-10.md")
    assert "(7 Okt 2024, tanggal disimpulkan)</title>" in (out / "id/docs/data/feed.xml").read_text("utf-8")


@pytest.mark.parametrize("sheet_id", ["2024", "2024-11", "2024-11-2", "undated", "undated-3", "index"])
def test_an_id_that_is_a_meetings_page_is_refused(sheet_id, tmp_path, capsys):
    from generator.cli import main

    sheet = {**documents()[REGENCY_SHEET], "id": sheet_id}
    root = write_content_tree(tmp_path, {REGENCY_SHEET: None, f"articles/{sheet_id}.yaml": sheet})
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"content/articles/{sheet_id}.yaml:2:5: id: expected an id that is not the name of a "
                      f"meetings page, received '{sheet_id}' (begin it with the date and add the region and "
                      "meeting, like '2024-10-07-lampung-timur-rakor')")


days = st.dates(min_value=model.EARLIEST_DATE, max_value=model.LATEST_DATE)


@st.composite
def whens(draw) -> str:
    precision = draw(st.sampled_from(model.When.PRECISIONS))
    day = draw(days)
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day:%Y-%m}"
    if precision == "year":
        return f"{day:%Y}"
    if precision == "range":
        last = draw(days.filter(lambda d: d > day)) if day < model.LATEST_DATE else None
        return f"{day.isoformat()}/{last.isoformat()}" if last else day.isoformat()
    if precision == "before":  # the last day it may be is the day before: there must be one
        return f"before {max(day, model.EARLIEST_DATE + dt.timedelta(days=1)).isoformat()}"
    if precision == "by":
        return f"by {day.isoformat()}"
    return "unknown"


@given(written=whens())
def test_every_form_reads_back_as_written_and_formats_in_both_languages(written):
    when, problem = parse_when(written, _STR)
    assert when is not None, problem
    assert when.text == written
    assert when.start is None or when.end is None or when.start <= when.end
    assert when.key == (when.start or when.end or dt.date.min)
    if when.precision in ("before", "by"):  # 'before' excludes its day, 'by' includes it
        assert when.end == when.bound - dt.timedelta(days=when.precision == "before")
    for lang in ("id", "en"):
        fmt = Formatter(lang)
        for long in (False, True):
            text = fmt.when(when, long=long)
            assert text and "%(" not in text
            if when.start:
                assert str(when.start.year) in text


def test_a_meeting_time_is_shown_in_its_time_zone_and_placed_in_the_calendar(tmp_path):
    files = documents()
    sheet = files[REGENCY_SHEET]
    sheet["meeting"].update({"time": "13:00", "time_zone": "WITA", "date_as_stated": "7 Oktober 2024"})
    sheet["statements"][0]["note"] = {"id": "Diucapkan saat sesi tanya jawab.", "en": "Said during questions."}
    root = write_content_tree(tmp_path, {REGENCY_SHEET: sheet})
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    page = {lang: _page(out, lang, f"meetings/{REGENCY_SHEET_ID}.md") for lang in ("id", "en")}
    assert _row(page["id"], "Tanggal") == "Senin, 7 Oktober 2024, 13.00 WITA"
    assert _row(page["en"], "Date") == "Monday, 7 October 2024, 13:00 WITA"
    assert "Catatan: Diucapkan saat sesi tanya jawab." in page["id"]
    assert "Note: Said during questions." in page["en"]
    data = out / "id" / "docs" / "data"
    row = next(csv.DictReader(io.StringIO((data / "meetings.csv").read_text("utf-8"))))
    assert (row["time"], row["time_zone"]) == ("13:00", "WITA")
    calendar = icalendar.Calendar.from_ical((data / "calendar.ics").read_bytes())
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(REGENCY_SHEET_ID))
    assert event.decoded("DTSTART") == dt.datetime(2024, 10, 7, 5, 0, tzinfo=dt.timezone.utc)  # 13.00 WITA, UTC+8
    assert "DTEND" not in event  # the article does not say when it ended
    assert str(event["SUMMARY"]) == sheet["meeting"]["title"]["id"]


def test_an_inferred_time_zone_is_marked_in_the_calendar(tmp_path):
    sheet = documents()[REGENCY_SHEET]
    sheet["meeting"].update({"time": "09:30", "time_zone": "WIB", "inferred": ["time_zone"],
                             "inference_note": {"id": "Sukamaju berada di zona WIB.", "en": "Sukamaju is in WIB."}})
    root = write_content_tree(tmp_path, {REGENCY_SHEET: sheet})
    build(BuildConfig(root=root, out=root / "build", site_url=SITE_URL))
    page = _page(root / "build", "en", f"meetings/{REGENCY_SHEET_ID}.md")
    assert _row(page, "Date") == 'Monday, 7 October 2024, 09:30 WIB ' + mark_md("inferred", "en")
    calendar = icalendar.Calendar.from_ical((root / "build/id/docs/data/calendar.ics").read_bytes())
    event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(REGENCY_SHEET_ID))
    assert event.decoded("DTSTART") == dt.datetime(2024, 10, 7, 2, 30, tzinfo=dt.timezone.utc)
    assert str(event["SUMMARY"]).endswith("(zona waktu disimpulkan)")
