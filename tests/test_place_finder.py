"""The place finder's list (data/places.json, generator/place_finder.py): every region of the content, in each
language, with its names, kind label and province, and an address that reaches its entry in the generated tree;
small, and the same bytes for the same content. The widget itself is tested in Chromium (tests/e2e/test_finder.py).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from generator.i18n import formatter
from generator.load import load_content
from generator.pipeline import BuildConfig, build
from generator.render import region_kind_label
from model_fixtures import write_model_tree

REPO_ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.invalid/digest/"


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """(content root, build folder) of the real content (the whole gazetteer) and of the content-model tree (a
    country, regions with and without pages of their own)."""
    real = tmp_path_factory.mktemp("real") / "build"
    build(BuildConfig(root=REPO_ROOT, out=real, site_url=SITE_URL))
    model = write_model_tree(tmp_path_factory.mktemp("model"))
    build(BuildConfig(root=model, out=model / "build", site_url=SITE_URL))
    return {"real": (REPO_ROOT, real), "model": (model, model / "build")}


def places(out: Path, lang: str) -> list[dict]:
    data = json.loads((out / lang / "docs" / "data" / "places.json").read_text(encoding="utf-8"))
    assert data["fields"] == ["name", "official_name", "kind", "province", "url", "short_names..."]
    return [{"name": row[0], "official_name": row[1], "kind": row[2], "province": row[3], "url": row[4],
             "short_names": row[5:]} for row in data["places"]]


@pytest.mark.parametrize("which", ["real", "model"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_region_is_listed_with_its_names_kind_and_province(trees, which, lang):
    root, out = trees[which]
    content = load_content(root / "content", root)
    regions = {r.id: r for r in content.regions}
    gettext = formatter(lang).gettext
    listed = places(out, lang)
    assert len(listed) == len(content.regions)
    for region, place in zip(content.regions, listed):
        province = regions[region.parent] if region.kind not in ("province", "country") and region.parent else None
        assert place == {"name": region.name, "official_name": region.official_name,
                         "kind": gettext(region_kind_label(region)),
                         "province": province.name if province else None,
                         "url": place["url"], "short_names": list(region.short_names)}, region.id


@pytest.mark.parametrize("which", ["real", "model"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_address_reaches_a_page_and_its_anchor_in_the_generated_tree(trees, which, lang):
    """A region with a page of its own: 'regions/<id>/'; else its line on its province's page, whose anchor is
    'region-<id>'."""
    root, out = trees[which]
    docs = out / lang / "docs"
    ids = [r.id for r in load_content(root / "content", root).regions]
    own = 0
    for region_id, place in zip(ids, places(out, lang)):
        path, _, anchor = place["url"].partition("#")
        assert re.fullmatch(r"regions/[a-z0-9-]+/", path), place["url"]
        page = docs / (path.rstrip("/") + ".md")
        assert page.is_file(), place["url"]
        if anchor:
            assert anchor == f"region-{region_id}"
            assert f'<span id="{anchor}">' in page.read_text(encoding="utf-8"), place["url"]
        else:
            assert path == f"regions/{region_id}/"
            own += 1
    assert own > 0


def test_the_seed_lists_the_examples_of_the_issue(trees):
    """Pringsewu has no page of its own yet: its line on Lampung's page. Lampung Tengah has one, and its short
    name. Kabupaten and Kota Bekasi are two places. No short name the registry does not give (no 'Kukar')."""
    for lang, regency, city in (("id", "kabupaten", "kota"), ("en", "regency", "city")):
        by_official = {p["official_name"]: p for p in places(trees["real"][1], lang)}
        assert by_official["Kabupaten Pringsewu"]["url"] == "regions/lampung/#region-pringsewu"
        assert by_official["Kabupaten Lampung Tengah"]["short_names"] == ["Lamteng"]
        assert by_official["Kabupaten Lampung Tengah"]["url"] == "regions/lampung-tengah/"
        assert by_official["Kota Bandar Lampung"]["kind"] == city
        assert (by_official["Kabupaten Bekasi"]["kind"], by_official["Kota Bekasi"]["kind"]) == (regency, city)
        assert by_official["Kabupaten Kutai Kartanegara"]["short_names"] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_list_is_small_and_one_place_a_line(trees, lang):
    data = (trees["real"][1] / lang / "docs" / "data" / "places.json").read_bytes()
    assert len(data.splitlines()) == 2 + len(places(trees["real"][1], lang))
    assert len(data) < 64_000, "552 places fit in 64 kB"
    assert len(gzip.compress(data, 9)) < 10_000, "and in 10 kB as a static server gzips them"


def test_the_same_content_gives_the_same_bytes(trees, tmp_path):
    again = tmp_path / "build"
    build(BuildConfig(root=REPO_ROOT, out=again, site_url=SITE_URL))
    for lang in ("id", "en"):
        name = f"{lang}/docs/data/places.json"
        assert (again / name).read_bytes() == (trees["real"][1] / name).read_bytes()
