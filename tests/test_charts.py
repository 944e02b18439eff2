"""Charts (issue 19): every chart is an SVG image with a title and a description that states its numbers, and
the page gives the same numbers in a table; at scale a chart keeps to a readable number of bars."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from model_fixtures import write_model_tree  # noqa: E402
from page_html import mkdocs_markdown, strip_front_matter, visible  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from generator.charts import Bar, bar_chart, top_and_bottom  # noqa: E402
from generator.load import load_content  # noqa: E402
from generator.pipeline import BuildConfig, build  # noqa: E402

CHART = re.compile(r'<figure class="epd-chart" id="(?P<id>chart-[0-9a-f]+)"[^>]*>(?P<body>.*?)</figure>', re.S)
TABLE = re.compile(r"<table>.*?</table>", re.S)


def _built(root: Path) -> Path:
    build(BuildConfig(root=root, out=root / "build", site_url="https://example.invalid/"))
    return root / "build"


@pytest.fixture(scope="module")
def outs(tmp_path_factory) -> dict[str, Path]:
    seed = tmp_path_factory.mktemp("seed")
    build(BuildConfig(root=REPO, out=seed / "build", site_url="https://example.invalid/"))
    return {"seed": seed / "build", "model": _built(write_model_tree(tmp_path_factory.mktemp("model"))),
            "synthetic": _built(write_corpus(tmp_path_factory.mktemp("corpus"), 300, seed=1))}


def _charts(out: Path):
    converter = mkdocs_markdown()
    for path in sorted(out.glob("*/docs/**/*.md")):
        text = path.read_text(encoding="utf-8")
        if "epd-chart" not in text:
            continue
        converter.reset()
        page = converter.convert(strip_front_matter(text))
        for chart in CHART.finditer(page):
            yield path.relative_to(out).as_posix(), page, chart


@pytest.mark.parametrize("which", ["seed", "model", "synthetic"])
def test_every_chart_is_an_image_with_its_numbers_in_words_and_in_a_table(outs, which):
    kinds, count = set(), 0
    for name, page, chart in _charts(outs[which]):
        count += 1
        body, key = chart["body"], chart["id"]
        assert f'role="img" aria-labelledby="{key}-title {key}-desc"' in body, name
        title = re.search(rf'<title id="{key}-title">(.+?)</title>', body).group(1)
        desc = html.unescape(re.search(rf'<desc id="{key}-desc">(.+?)</desc>', body).group(1))
        assert re.search(rf"<figcaption>{re.escape(title)}</figcaption>", body), name
        tables = " ".join(visible(table) for table in TABLE.findall(page))
        values = [html.unescape(v) for v in re.findall(r'class="epd-chart__value">([^<]+)</text>', body)]
        assert values, name
        for value in values:
            for number in value.split(" · "):
                assert number in desc, (name, number, desc)
                assert number in tables or name.endswith("meetings/index.md"), (name, number)
        kinds.add(title.split(" ")[0])
    assert count, f"no chart in the {which} site"


def test_the_meetings_chart_counts_what_the_year_tables_count(outs):
    """Every month from the first to the last has its bar; those with meetings count what the tables count."""
    for lang in ("id", "en"):
        page = (outs["seed"] / lang / "docs" / "meetings" / "index.md").read_text(encoding="utf-8")
        bars = re.findall(r'class="epd-chart__label">([^<·]+?)(?: · [^<]*)?</text>.*?class="epd-chart__value">(\d+)<',
                          page)
        rows = {label.strip(): count for label, count in re.findall(r"^\| \[([^\]]+)\]\([^)]*\) \| (\d+) \|$", page, re.M)}
        charted = {label.strip(): count for label, count in bars}
        assert bars and {label: count for label, count in charted.items() if count != "0"} == rows
        days = [s.meeting.date.start for s in load_content(REPO / "content", REPO).sheets
                if s.meeting.date.precision in ("day", "month", "range")]
        first, last = min(days), max(days)
        assert len(bars) == (last.year - first.year) * 12 + last.month - first.month + 1  # no month skipped


def test_at_scale_a_chart_shows_the_top_and_bottom_ten(outs):
    """Voters per polling station across 300 sheets' regions: at most 20 bars, the description saying which;
    the meetings per month keep one bar a month."""
    bars = {}
    for name, _, chart in _charts(outs["synthetic"]):
        title = re.search(r"<figcaption>(.+?)</figcaption>", chart["body"]).group(1)
        bars.setdefault(title, []).append((name, chart["body"].count("<rect")))
    per_station = bars["Registered voters per polling station (derived)"]
    assert per_station and max(n for _, n in per_station) <= 20
    assert any("The 10 highest and the 10 lowest" in chart["body"] for _, _, chart in _charts(outs["synthetic"]))
    months = {n for name, n in bars["Meetings per month"]}
    assert len(months) == 1 and months.pop() > 2
    bars = [Bar(f"r{n}", n, str(n)) for n in range(45)]
    shown, cut = top_and_bottom(bars)
    assert cut and [b.value for b in shown] == list(range(44, 34, -1)) + list(range(9, -1, -1))
    assert top_and_bottom(bars[:20]) == (sorted(bars[:20], key=lambda b: -b.value), False)


def test_a_chart_escapes_its_text():
    svg = bar_chart('<script>alert(1)</script> "x"', "a & b", [Bar("<b>Kota</b>", 3, "3 & 4", "<i>n</i>")])
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg and "a &amp; b" in svg and "&lt;b&gt;Kota&lt;/b&gt; · &lt;i&gt;n&lt;/i&gt;" in svg
