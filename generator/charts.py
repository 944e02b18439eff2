"""Charts as inline SVG, built with the pages: no JavaScript, no request to anyone, nothing to install.

A chart here is a list of horizontal bars, one row each: its label above the bar, the value (as the page formats
it) after the bar. Rows stack, so a chart stays legible on a 375 px phone whatever the number of regions or
months, and long region names never collide. The SVG is an image to assistive technology (`role="img"`) with a
`<title>` and a `<desc>` that states every number in words; the page gives the same numbers in a table beside
it. Colours come from the site's palette through CSS classes (docs/assets/stylesheets/extra.css), so both the
light and the dark scheme apply. Why not a charting library: these charts are bars and labels, which a few
lines write exactly, in microseconds per chart, while Vega-Lite (vl-convert-python) or matplotlib would add tens
of megabytes and a second of start-up to every build (`make bench` reports the cost per chart).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from .escape import html_text

LINE = 15  # a label line, in pixels
BAR_HEIGHT = 11
GAP = 8  # below a bar, before the next row's label
BAR_SPAN = 60  # the longest bar's length, in percent of the chart's width; the value is written after it
LINE_CHARS = 38  # a label line's length in characters: what a 375 px phone shows of the chart's text size


@dataclass(frozen=True)
class Bar:
    """One row: the label, the value the bar's length shows, the value as the page writes it, and a note shown
    after it ('derived', 'inferred', 'voting day 27 Nov'); `marked` draws the bar as a marked one."""

    label: str
    value: float
    shown: str
    note: str = ""
    marked: bool = False


def bar_chart(title: str, description: str, bars: list[Bar], chart_id: str = "") -> str:
    """A chart as one HTML block (no blank line, so Markdown passes it through whole). Bars are sized in percent
    of the chart's width and text in the page's own units, so a phone narrows the bars, not the text; a label
    longer than a phone's line is wrapped (the description and the table beside the chart have it whole)."""
    if not bars:
        return ""
    key = chart_id or hashlib.blake2b(f"{title}\x1f{description}".encode("utf-8"), digest_size=5).hexdigest()
    largest = max(bar.value for bar in bars) or 1
    rows, top = [], 0
    for bar in bars:
        length = max(0.5, BAR_SPAN * bar.value / largest) if bar.value > 0 else 0.0
        for line in _lines(bar.label, bar.note.split("; ") if bar.note else []):
            top += LINE
            rows.append(f'<text x="0" y="{top - 3}" class="epd-chart__label">{html_text(line)}</text>')
        rows.append(
            f'<rect x="0" y="{top + 2}" width="{length:.1f}%" height="{BAR_HEIGHT}" rx="2" '
            f'class="epd-chart__bar{" epd-chart__bar--marked" if bar.marked else ""}"/>'
            f'<text x="{length:.1f}%" dx="6" y="{top + 1 + BAR_HEIGHT}" class="epd-chart__value">'
            f'{html_text(bar.shown)}</text>')
        top += 2 + BAR_HEIGHT + GAP
    return (f'<figure class="epd-chart" id="chart-{key}" data-pagefind-ignore>'
            f'<figcaption>{html_text(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="100%" '
            f'height="{top}" role="img" aria-labelledby="chart-{key}-title chart-{key}-desc">'
            f'<title id="chart-{key}-title">{html_text(title)}</title>'
            f'<desc id="chart-{key}-desc">{html_text(description)}</desc>'
            + "".join(rows) + '</svg></figure>')


def _lines(label: str, notes: list[str]) -> list[str]:
    """A label and its notes in lines of at most LINE_CHARS: the label broken at spaces, each note after ' · '
    on the same line when it fits, else on a line of its own (a word longer than a line is a line of its own)."""
    lines = [""]
    for word in label.split(" "):
        if lines[-1] and len(lines[-1]) + 1 + len(word) > LINE_CHARS:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
    for note in notes:
        if len(lines[-1]) + 3 + len(note) <= LINE_CHARS:
            lines[-1] = f"{lines[-1]} · {note}"
        else:
            lines += _lines(note, [])
    return lines


def in_words(bars: list[Bar]) -> str:
    """The numbers of a chart as a sentence: 'KPU Lampung Timur: Rp40 miliar (58%); Bawaslu ...'."""
    return "; ".join(f"{bar.label}: {bar.shown}" + (f" ({bar.note})" if bar.note else "") for bar in bars) + "."


def top_and_bottom(bars: list[Bar], each: int = 10) -> tuple[list[Bar], bool]:
    """At most `each` highest and `each` lowest bars (highest first), and whether some were left out."""
    ordered = sorted(bars, key=lambda bar: -bar.value)
    if len(ordered) <= 2 * each:
        return ordered, False
    return ordered[:each] + ordered[-each:], True


# ---------------------------------------------------------------- the digest's charts (h: render.Helpers)

def budget_split(h, row) -> str:
    """A budget's parts by recipient (or by label, when a part names none), with their shares (derived); nothing
    for a total of 0, of which no share can be derived (the region's table lists its parts)."""
    if not row.budget.value:
        return ""
    bars = []
    for part in row.budget_parts:
        recipients = [part.recipient] if part.recipient else list(part.recipients)
        label = ", ".join(h.agency_name(h.index.agencies[a]) for a in recipients) if recipients else h.plain(part.label)
        inferred = ("recipient" if part.recipient else "recipients") in part.inferred and recipients
        share = h.fmt.percent(row.share(part))
        note = str(h.gettext("recipient inferred")) if inferred else ""
        bars.append(Bar(label, part.value, f"{h.fmt.money(part.value)} · {share}", note))
    title = h.gettext("How the budget of %(total)s is split (shares derived)", total=h.fmt.money(row.budget.value))
    return bar_chart(str(title), in_words(bars), bars)


def voters_per_station(h, rows) -> str:
    """Registered voters per polling station (derived) across regions: every region up to 20, else the 10
    highest and the 10 lowest, the table beside listing all."""
    bars = [Bar(f"{h.region_name(row.region)} · {h.fmt.short_date(row.sheet.meeting.date.start)}"
                if row.sheet.meeting.date.start else h.region_name(row.region),
                row.voters_per_station, h.fmt.number(row.voters_per_station, 1))
            for row in rows if row.voters_per_station]
    if not bars:
        return ""
    shown, cut = top_and_bottom(bars)
    title = h.gettext("Registered voters per polling station (derived)")
    description = in_words(shown)
    if cut:
        description = str(h.gettext("The 10 highest and the 10 lowest of %(num)s; the table lists every one.",
                                    num=h.fmt.number(len(bars)))) + " " + description
    return bar_chart(str(title), description, shown)


def meetings_per_month(h, months, elections) -> str:
    """Digested meetings per month, oldest first, every month from the first to the last (an empty month is a
    bar of 0, so clusters before a voting day show), with each month's voting days and the meetings whose date is
    inferred noted (a meeting known only to its year, a bound or no date is not charted)."""
    counted = {}
    for _, label, parts in months:
        if _MONTH_PAGE.fullmatch(parts[0].path):
            sheets = [sheet for part in parts for sheet in part.items]
            start = sheets[0].meeting.date.start
            counted[(start.year, start.month)] = (label, sheets)
    if not counted:
        return ""
    (year, month), last = min(counted), max(counted)
    bars = []
    while (year, month) <= last:
        label, sheets = counted.get((year, month), (h.fmt.month(dt.date(year, month, 1)), []))
        votes = [str(h.gettext("voting day %(day)s", day=h.fmt.day_month(e.voting_date))) for e in elections
                 if (e.voting_date.year, e.voting_date.month) == (year, month)]
        inferred = sum(1 for sheet in sheets if sheet.meeting.date_inferred)
        notes = votes + ([str(h.ngettext("%(num)s with the date inferred", "%(num)s with the date inferred",
                                         inferred))] if inferred else [])
        bars.append(Bar(str(label), len(sheets), h.fmt.number(len(sheets)), "; ".join(notes), marked=bool(votes)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if len(bars) < 2:
        return ""
    return bar_chart(str(h.gettext("Meetings per month")), in_words(bars), bars)


_MONTH_PAGE = re.compile(r"meetings/\d{4}-\d{2}\.md")


def over_time(h, rows) -> list[str]:
    """A region's comparable figures over its meetings (polling stations, DPT, budget), once two or more
    meetings state the same one."""
    charts = []
    for name, title, money in (("polling_stations", h.gettext("Polling stations (TPS) over time"), False),
                               ("voters", h.gettext("Registered voters (DPT) over time"), False),
                               ("budget", h.gettext("Budget over time"), True)):
        stated = [(row, getattr(row, name)) for row in rows if getattr(row, name) is not None]
        if len(stated) < 2:
            continue
        bars = [Bar(h.fmt.when(row.sheet.meeting.date), figure.value,
                    h.fmt.money(figure.value) if money else h.fmt.number(figure.value),
                    str(h.gettext("inferred")) if "value" in figure.inferred else "")
                for row, figure in sorted(stated, key=lambda pair: pair[0].sheet.meeting.date.key)]
        charts.append(bar_chart(str(title), in_words(bars), bars))
    return charts


def coverage(h, provinces) -> str:
    """Each province's share of regencies and cities with at least one digested meeting, in the order given
    (the official codes: west to east), the number written beside the bar."""
    bars = []
    for province in provinces:
        children = h.index.children.get(province.id, ())
        if not children:
            continue
        covered = sum(1 for child in children if child.id in h.index.sheets_by_region)
        bars.append(Bar(province.name, covered / len(children),
                        str(h.gettext("%(covered)s of %(total)s", covered=h.fmt.number(covered),
                                      total=h.fmt.number(len(children))))))
    if not bars:
        return ""
    title = h.gettext("Regencies and cities with a digested meeting, by province")
    return bar_chart(str(title), in_words(bars), bars)
