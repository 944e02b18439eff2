"""A branch that serves several regions (a Kodim over two regencies) is listed on the page of each."""

from __future__ import annotations

import pytest

from fixtures import documents, write_content_tree
from generator.cli import main
from generator.pipeline import BuildConfig, build
from update_golden import SITE_URL

KODIM = {"id": "kodim-0101", "kind": "kodim", "region": "pelita", "name": "Kodim 0101/Pelita",
         "covers": ["sukamaju"], "source": {"title": "Fictional territorial register (tests)"}}
KIND = {"id": "kodim", "abbreviation": "Kodim", "name": {"id": "Komando Distrik Militer", "en": "Military District Command"},
        "description": {"id": "Komando teritorial TNI AD.", "en": "An army territorial command."}}


def _agencies(**changes) -> dict:
    registry = documents()["registry/agencies.yaml"]
    registry["kinds"].append(KIND)
    registry["agencies"].append({**KODIM, **changes})
    return registry


def test_a_branch_is_listed_on_every_region_it_covers(tmp_path):
    root = write_content_tree(tmp_path, {"registry/agencies.yaml": {
        k: v for k, v in _agencies().items() if v is not None}})
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    covered = {"id": ("Berkedudukan di daerah lain", "berkedudukan di [Kota Pelita]"),
               "en": ("Based in another region", "based in [Pelita City]")}
    for lang, (heading, based) in covered.items():
        home = (out / lang / "docs" / "regions" / "pelita.md").read_text(encoding="utf-8")
        other = (out / lang / "docs" / "regions" / "sukamaju.md").read_text(encoding="utf-8")
        assert "{: #agency-kodim-0101 " in home  # the entry, once, on the page of the region it is based in
        assert "#agency-kodim-0101" not in other.replace("pelita.md#agency-kodim-0101", "")
        assert f"### {heading} {{: #agencies-based-elsewhere }}" in other
        line = next(line for line in other.splitlines() if "Kodim 0101/Pelita" in line)
        assert "(pelita.md#agency-kodim-0101)" in line and based in line, line


@pytest.mark.parametrize(("changes", "message"), [
    ({"source": None}, "content/registry/agencies.yaml:{line}:{col}: covers: expected a source for the regions the "
                       "branch covers, received none (no article states them: cite where they come from)"),
    ({"covers": ["pelita"]}, "content/registry/agencies.yaml:{line}:{col}: covers: expected regions other than the "
                             "branch's own, received 'pelita' (its own region is 'region'; list only the others)"),
])
def test_coverage_is_checked(changes, message, tmp_path, capsys):
    registry = _agencies(**changes)
    registry["agencies"][-1] = {k: v for k, v in registry["agencies"][-1].items() if v is not None}
    root = write_content_tree(tmp_path, {"registry/agencies.yaml": registry})
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2, err
    text = (root / "content" / "registry" / "agencies.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, start=1) if t.strip().startswith("covers:")) + 1
    assert err[0] == message.format(line=line, col=3)  # the first region listed
