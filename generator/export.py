"""Open-data exports: JSON, CSV, an Atom feed and an iCalendar file, the same in both languages."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass, field

from . import datapackage
from .datapackage import header
from .escape import csv_row, ical_fold, ical_text, xml_text
from .i18n import N_, formatter
from .index import Index
from .model import Record, When
from .schema import record_fields



@dataclass(frozen=True)
class Export:
    """One open-data file."""

    name: str
    description: str


EXPORTS = (
    Export("digest.json", N_("Everything: registries and fact sheets with their evidence, as one JSON document.")),
    Export("meetings.csv", N_("One row per meeting: date as written with its precision and its earliest and last "
                              "possible day, time, region, elections, organiser, chair, source.")),
    Export("attendance.csv", N_("One row per attendee per meeting, with rank and position as stated, agency or agencies, whom they stood in for, and roles.")),
    Export("statements.csv", N_("One row per quote or paraphrase, with speaker, topics and translation.")),
    Export("figures.csv", N_("One row per stated figure: budgets, polling stations, voters and their list, villages, personnel, ratings; approximations and ranges as such.")),
    Export("feed.xml", N_("An Atom feed of meetings, newest first, for feed readers.")),
    Export("corrections.xml", N_("An Atom feed of corrections to fact sheets, newest first.")),
    Export("calendar.ics", N_("Meetings and election milestones as an iCalendar file.")),
    Export("datapackage.json", N_("The description of these files for programs (a Frictionless Data Package): "
                                  "every CSV column's type and allowed values, the keys between the files, the "
                                  "licence and the data's version.")),
    Export("digest.schema.json", N_("The JSON Schema of digest.json.")),
)


def to_plain(value):
    """A model value as JSON-ready data: records as dicts without their locations, dates as ISO strings."""
    if isinstance(value, Record):
        plain = {}
        for spec in record_fields(type(value)):
            field = getattr(value, spec.name)
            if field is not None and field != ():
                plain[spec.name] = to_plain(field)
        return plain
    if isinstance(value, tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, When):  # as written in the fact sheet, with the days it may be
        return {"as_written": value.text, "precision": value.precision,
                "earliest": value.start.isoformat() if value.start else None,
                "latest": value.end.isoformat() if value.end else None}
    return value


def _json_document(sections: dict[str, tuple[Record, ...]], lines: dict) -> tuple[str, str]:
    """A JSON object of lists, one record per line, and its version: readable, diffable line by line, and
    written by the json module's C encoder (indentation would make it use the pure-Python one, several times
    slower).

    `lines` holds the JSON line of each record of the last export, by the record object (kept alive beside it);
    it is replaced by this export's. `make serve` keeps the records of unchanged files from one build to the next
    (pipeline.BuildState keeps these lines too), so only an edited file's lines are made again."""
    kept: dict[int, tuple[Record, str]] = {}
    parts = []
    for name in sorted(sections):
        records = ",\n".join(_json_line(record, lines, kept) for record in sections[name])
        parts.append(f"{json.dumps(name)}: [\n{records}\n]" if records else f"{json.dumps(name)}: []")
    lines.clear()
    lines.update(kept)
    body = ",\n".join(parts)
    # Changes whenever any value does (a correction included), and only then: a program can tell whether it
    # has the latest data without comparing the whole file.
    version = hashlib.blake2b(body.encode("utf-8"), digest_size=12).hexdigest()
    return "{\n" + f'"version": "{version}",\n' + body + "\n}\n", version


def _json_line(record: Record, lines: dict, kept: dict) -> str:
    hit = lines.get(id(record))
    if hit is None or hit[0] is not record:
        hit = (record, json.dumps(to_plain(record), ensure_ascii=False, sort_keys=True))
    kept[id(record)] = hit
    return hit[1]


@dataclass
class ExportMemo:
    """What `make serve` keeps of the last export (pipeline.BuildState), so that an edit makes again only the
    parts of the files that hold what changed: a part is reused while the records it was made of are the same
    objects (the loader hands out the same object for an unchanged file), each kept alive beside it."""

    json_lines: dict = field(default_factory=dict)  # see _json_document
    rows: dict = field(default_factory=dict)  # sheet id -> ((sheet, regions registry), {CSV file: its rows' text})
    regions: dict = field(default_factory=dict)  # region id -> (what its files were made of, {name: text})


def _same_objects(kept: tuple, now: tuple) -> bool:
    """Whether two tuples hold the same objects, one for one (not equal ones: the same)."""
    return len(kept) == len(now) and all(a is b for a, b in zip(kept, now))


def render_exports(index: Index, site_url: str, memo: ExportMemo | None = None) -> dict[str, str]:
    """Every export file's name and text; `memo` (ExportMemo) is kept by `make serve`."""
    memo = memo if memo is not None else ExportMemo()
    content = index.content
    digest = {
        "regions": content.regions, "agency_kinds": content.agency_kinds, "agencies": content.agencies,
        "people": content.people, "topics": content.topics, "elections": content.elections,
        "glossary": content.glossary, "operations": content.operations, "places": content.places,
        "fact_sheets": content.sheets,
    }
    text, version = _json_document(digest, memo.json_lines)
    files = {"digest.json": text}
    files.update(_csv_files(index, site_url, memo))
    files["feed.xml"] = _atom(index.sheets, site_url, "Digest Persiapan Pemilu", "feed.xml")
    files["corrections.xml"] = _corrections_atom(index, site_url)
    files["calendar.ics"] = _ical(index.sheets, index.content.elections, site_url, "ID")
    files.update(_region_files(index, site_url, memo))
    files.update(datapackage.render(version, site_url, {e.name: e.description for e in EXPORTS
                                                        if e.name != "datapackage.json"}))
    return files


CSV_FILES = ("meetings.csv", "attendance.csv", "statements.csv", "figures.csv")


def _csv_files(index: Index, site_url: str, memo: ExportMemo) -> dict[str, str]:
    """The four CSV files, one row per meeting, attendee, statement and figure; each sheet's rows are made
    again only when the sheet (or the regions registry, which gives its province) is not the last export's."""
    kept: dict = {}
    parts: dict[str, list[str]] = {name: [_csv_text((header(name),))] for name in CSV_FILES}
    regions = index.content.regions
    for sheet in index.sheets:
        hit = memo.rows.get(sheet.id)
        if hit is None or not _same_objects(hit[0], (sheet, regions)):
            hit = ((sheet, regions), {name: _csv_text(rows) for name, rows in _sheet_rows(index, sheet, site_url)})
        kept[sheet.id] = hit
        for name, text in hit[1].items():
            parts[name].append(text)
    memo.rows = kept
    return {name: "".join(texts) for name, texts in parts.items()}


def _sheet_rows(index: Index, s, site_url: str):
    """(CSV file, rows) of one fact sheet, for each of CSV_FILES."""
    yield "meetings.csv", [(
        s.id, s.meeting.date.text, s.meeting.date.precision, _day(s.meeting.date.start), _day(s.meeting.date.end),
        s.meeting.date_as_stated or "", s.meeting.time or "", s.meeting.time_zone or "", " ".join(s.meeting.inferred),
        s.meeting.region,
        _province(index, s.meeting.region), " ".join(s.meeting.elections), s.meeting.organiser or "",
        s.meeting.chair or "", s.meeting.venue or "", s.source.outlet, s.source.url or "",
        _day(s.source.published), s.source.published_basis or "", s.source.archive,
        " ".join(s.meeting.contests), " ".join(s.meeting.stages),
        f"{site_url}meetings/{s.id}/")]
    yield "attendance.csv", [
        (s.id, n, a.person or "", a.rank or "", a.position or "", " ".join(a.agencies) or a.agency or "",
         a.represents or "", a.represents_office or "", a.represents_person or "", str(a.group).lower(),
         str(a.institution).lower(), " ".join(a.roles), a.accompanied or "", " ".join(a.inferred))
        for n, a in enumerate(s.attendance, start=1)]
    yield "statements.csv", [
        (s.id, st.id, st.speaker or "", st.agency or "", "quote" if st.quote else "paraphrase",
         st.quote or st.paraphrase.id, (st.quote_en if st.quote else st.paraphrase.en) or "",
         " ".join(st.topics)) for st in s.statements]
    yield "figures.csv", [
        (s.id, f.id, f.kind, "" if f.value is None else f.value, "" if f.value_max is None else f.value_max,
         f.approximation or "", f.unit or "", f.as_stated, f.voter_list or "", f.funding or "",
         f.recipient or " ".join(f.recipients), " ".join(f.agencies), f.level or "", " | ".join(f.scale),
         f.part_of or "", f.election or "", f.region or s.meeting.region, " ".join(f.inferred))
        for f in s.figures]


def _region_files(index: Index, site_url: str, memo: ExportMemo) -> dict[str, str]:
    """Each region's Atom feed and calendar (linked from its page), made again only when the region, its
    meetings or the elections its calendar shows are not the last export's."""
    meetings_in = formatter("id").gettext("Meetings in %(region)s")
    kept: dict = {}
    files: dict[str, str] = {}
    for region in index.content.regions:
        if index.region_page.get(region.id) != f"regions/{region.id}.md":
            continue  # a region with no page of its own (nothing names it) has no feed to follow yet
        sheets = index.sheets_by_region.get(region.id, ())
        elections = _elections_of(index, region, sheets)
        made_of = (region, site_url, *sheets, None, *elections)
        hit = memo.regions.get(region.id)
        if hit is None or not _same_objects(hit[0], made_of):
            name = meetings_in % {"region": region.name}
            hit = (made_of, {
                f"regions/{region.id}.xml": _atom(sheets, site_url, f"{name} · Digest Persiapan Pemilu",
                                                  f"regions/{region.id}.xml", f"regions/{region.id}/"),
                f"regions/{region.id}.ics": _ical(sheets, elections, site_url, region.id.upper(),
                                                  voting_days_only=True)})
        kept[region.id] = hit
        files.update(hit[1])
    memo.regions = kept
    return files


def _elections_of(index: Index, region, sheets) -> list:
    """The elections a region's calendar shows the voting day of: those its meetings prepare, and those held
    there only (every milestone of every election is in calendar.ics)."""
    ids = {e for sheet in sheets for e in sheet.meeting.elections}
    held = {e.id for e in index.elections_by_region.get(region.id, ())}
    return [e for e in index.content.elections if e.id in ids | held]


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _province(index: Index, region_id: str) -> str:
    province = index.province_of(index.regions[region_id])
    return province.id if province else ""


def _csv_text(rows) -> str:
    """CSV rows (RFC 4180 quoting) whose text cells a spreadsheet will not run as formulas (escape.csv_row)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv_row(row) for row in rows)
    return buffer.getvalue()


def _atom(sheets, site_url: str, title: str, path: str, page: str = "") -> str:
    """An Atom feed of meetings, in Indonesian; 'updated' is the newest meeting date, so the same content gives
    the same bytes. Atom needs a timestamp, so an entry is dated at the first day its meeting may have been (or
    its bound's day; 1970-01-01 when unknown), and its title says the date as precisely as it is known."""
    fmt = formatter("id")
    sheets = sorted(sheets, key=lambda s: (s.meeting.date.key, s.id), reverse=True)[:50]
    updated = _feed_day(sheets[0].meeting.date) if sheets else "1970-01-01"
    entries = []
    for sheet in sheets:
        url = f"{site_url}meetings/{sheet.id}/"
        meeting = sheet.meeting
        when = fmt.when(meeting.date)
        if meeting.date_inferred:
            when += ", " + fmt.gettext("date inferred")
        entries.append(
            "  <entry>\n"
            f"    <title>{xml_text(meeting.title.id)} ({xml_text(when)})</title>\n"
            f"    <link href=\"{xml_text(url)}\"/>\n"
            f"    <id>{xml_text(url)}</id>\n"
            f"    <updated>{_feed_day(meeting.date)}T00:00:00Z</updated>\n"
            f"    <summary>{xml_text(sheet.summary.id)}</summary>\n"
            "  </entry>\n")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"id\">\n"
            f"  <title>{xml_text(title)}</title>\n"
            f"  <link href=\"{xml_text(site_url + page)}\"/>\n"
            f"  <link rel=\"self\" href=\"{xml_text(site_url)}data/{xml_text(path)}\"/>\n"
            f"  <id>{xml_text(site_url + page)}</id>\n"
            f"  <updated>{updated}T00:00:00Z</updated>\n"
            "  <author><name>Election-Prep Digest</name></author>\n"
            + "".join(entries) + "</feed>\n")


CORRECTION_KINDS = {"correction": N_("Correction"), "clarification": N_("Clarification"), "addition": N_("Addition")}


def _corrections_atom(index: Index, site_url: str) -> str:
    """An Atom feed of corrections, in Indonesian, newest first; each entry is dated the day of its correction
    and links the correction on its meeting's page. 'updated' is the newest correction's day."""
    fmt = formatter("id")
    corrections = index.corrections[:50]
    updated = corrections[0].correction.date.isoformat() if corrections else "1970-01-01"
    entries = []
    for at in corrections:
        sheet, correction = at.sheet, at.correction
        url = f"{site_url}meetings/{sheet.id}/#correction-{at.number}"
        kind = fmt.gettext(CORRECTION_KINDS[correction.kind])
        summary = correction.what.id + " " + fmt.gettext("Why") + ": " + correction.why.id
        entries.append(
            "  <entry>\n"
            f"    <title>{xml_text(kind)}: {xml_text(sheet.meeting.title.id)}</title>\n"
            f"    <link href=\"{xml_text(url)}\"/>\n"
            f"    <id>{xml_text(url)}</id>\n"
            f"    <updated>{correction.date.isoformat()}T00:00:00Z</updated>\n"
            f"    <summary>{xml_text(summary)}</summary>\n"
            "  </entry>\n")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"id\">\n"
            f"  <title>{xml_text(fmt.gettext('Corrections'))} · Digest Persiapan Pemilu</title>\n"
            f"  <link href=\"{xml_text(site_url)}corrections/\"/>\n"
            f"  <link rel=\"self\" href=\"{xml_text(site_url)}data/corrections.xml\"/>\n"
            f"  <id>{xml_text(site_url)}data/corrections.xml</id>\n"
            f"  <updated>{updated}T00:00:00Z</updated>\n"
            "  <author><name>Election-Prep Digest</name></author>\n"
            + "".join(entries) + "</feed>\n")


# Indonesia's time zones (Keppres 41/1987).
UTC_OFFSETS = {zone: dt.timezone(dt.timedelta(hours=hours), zone) for zone, hours in (("WIB", 7), ("WITA", 8), ("WIT", 9))}


def _feed_day(when: When) -> str:
    return (when.start or when.end or dt.date(1970, 1, 1)).isoformat()


def _ical(sheets, elections, site_url: str, product: str, voting_days_only: bool = False) -> str:
    """All-day events; no DTSTAMP from the clock: it is the event's own date, for byte-identical output.
    A meeting is an event only when its days are known (a day, or a range); a month, a year, a bound or an
    unknown date would put it on days the article does not give. `voting_days_only`: of each election, its voting
    day alone (a region's calendar), not every milestone of its schedule."""
    fmt = formatter("id")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Election-Prep Digest//digest//{product}",
             "CALSCALE:GREGORIAN"]

    def event(uid: str, start: dt.date, end: dt.date, summary: str, url: str | None,
              begins: dt.datetime | None = None) -> None:
        lines.extend(["BEGIN:VEVENT", f"UID:{uid}@election-prep-digest", f"DTSTAMP:{start:%Y%m%d}T000000Z"])
        if begins is not None:  # the time the article gives; how long the meeting lasted it does not say
            lines.append(f"DTSTART:{begins.astimezone(dt.timezone.utc):%Y%m%dT%H%M%SZ}")
        else:
            lines.extend([f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                          f"DTEND;VALUE=DATE:{end + dt.timedelta(days=1):%Y%m%d}"])
        lines.append(f"SUMMARY:{ical_text(summary)}")
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VEVENT")

    for election in elections:
        if voting_days_only:
            event(f"{election.id}-voting-day", election.voting_date, election.voting_date,
                  f"{election.name.id}: {fmt.gettext('Voting day')}", None)
            continue
        for number, milestone in enumerate(election.milestones, start=1):
            event(f"{election.id}-{number}", milestone.date, milestone.end_date or milestone.date,
                  f"{election.name.id}: {milestone.name.id}", None)
    for sheet in sheets:
        when = sheet.meeting.date
        if when.precision not in ("day", "range"):
            continue
        meeting = sheet.meeting
        marks = [fmt.gettext("date inferred")] if meeting.date_inferred else []
        begins = None
        if meeting.clock and meeting.time_zone and when.exact:
            begins = dt.datetime.combine(when.start, meeting.clock, UTC_OFFSETS[meeting.time_zone])
            if "time_zone" in meeting.inferred:
                marks.append(fmt.gettext("time zone inferred"))
        summary = meeting.title.id + (f" ({', '.join(marks)})" if marks else "")
        event(sheet.id, when.start, when.end, summary, f"{site_url}meetings/{sheet.id}/", begins)
    lines.append("END:VCALENDAR")
    return "\r\n".join(ical_fold(line) for line in lines) + "\r\n"
