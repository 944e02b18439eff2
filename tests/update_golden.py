"""Regenerate tests/golden/<lang>/**.md, every page the fixture content tree generates in both languages, and
tests/golden-model/<lang>/**.md, the pages of the content-model tree (tests/model_fixtures.py) of the kinds the
small tree lacks.

Run it as `make golden` (or `.venv/bin/python tests/update_golden.py`) after an intended change to the
templates, render.py or the catalogs, and review the diff; tests/test_render.py::test_golden compares a fresh
build with these files. Importable: the test uses `build_fixture` and `generated_pages` from here.

The build is pinned: the fixture tree is written fresh into a temporary folder, the site address is given
explicitly (not read from $SITE_URL), and every page's language is explicit (Babel and gettext are given the
language; nothing reads the machine's locale or time zone).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
for _path in (str(REPO_ROOT), str(TESTS_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from fixtures import write_content_tree  # noqa: E402
from generator.i18n import LANGUAGES  # noqa: E402
from generator.pipeline import BuildConfig, build  # noqa: E402
from model_fixtures import SHEETS as MODEL_SHEETS, write_model_tree  # noqa: E402

GOLDEN_DIR = TESTS_DIR / "golden"
# The content-model tree's pages of the kinds the small tree lacks (tests/model_fixtures.py): its meetings, the
# operations, the regions holding its stand-ins, figures, places, re-vote, province and national meetings, and
# the corrections of one of its sheets.
MODEL_GOLDEN_DIR = TESTS_DIR / "golden-model"
MODEL_GOLDEN_PAGES = tuple(sorted(
    [f"meetings/{name.removeprefix('articles/').removesuffix('.yaml')}.md" for name in MODEL_SHEETS]
    + ["operations/index.md", "operations/ops-mantap-praja-2024.md", "timeline.md", "regions/index.md",
       "corrections.md"]
    + [f"regions/{region}.md" for region in ("karang-sari", "muara-baru", "bandar-permai", "teluk-permai",
                                             "indonesia", "sukamaju")]))
SITE_URL = "https://example.invalid/digest/"


def build_fixture(root: Path, write=write_content_tree) -> Path:
    """Write the fixture content tree under `root` and generate it into `root/build`; returns that folder."""
    write(root)
    out = root / "build"
    build(BuildConfig(root=root, out=out, site_url=SITE_URL))
    return out


def model_pages(root: Path) -> dict[str, bytes]:
    """The content-model tree's pages that tests/golden-model records, built under `root`."""
    pages = generated_pages(build_fixture(root, write_model_tree))
    return {f"{lang}/{path}": pages[f"{lang}/{path}"] for lang in LANGUAGES for path in MODEL_GOLDEN_PAGES}


def generated_pages(out: Path) -> dict[str, bytes]:
    """Every generated Markdown page of every language, keyed '<lang>/<path in docs>'."""
    return {f"{lang}/{path.relative_to(out / lang / 'docs').as_posix()}": path.read_bytes()
            for lang in LANGUAGES for path in sorted((out / lang / "docs").rglob("*.md"))}


def golden_pages(directory: Path = GOLDEN_DIR) -> dict[str, bytes]:
    """The golden files, keyed like `generated_pages`."""
    if not directory.is_dir():
        return {}
    return {path.relative_to(directory).as_posix(): path.read_bytes()
            for path in sorted(directory.rglob("*.md"))}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="epd-golden-") as temporary:
        update(GOLDEN_DIR, generated_pages(build_fixture(Path(temporary) / "small")))
        update(MODEL_GOLDEN_DIR, model_pages(Path(temporary) / "model"))
    return 0


def update(directory: Path, pages: dict[str, bytes]) -> None:
    """Make `directory` hold exactly `pages`, and say what changed."""
    old = golden_pages(directory)
    changed = [name for name, data in pages.items() if old.get(name) != data]
    removed = sorted(set(old) - set(pages))
    for name in changed:
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pages[name])
    for name in removed:
        (directory / name).unlink()
    for folder in sorted(directory.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    print(f"golden: {len(pages)} page(s) in {directory.relative_to(REPO_ROOT)}: {len(changed)} written, "
          f"{len(removed)} removed, {len(pages) - len(changed)} unchanged")


if __name__ == "__main__":
    sys.exit(main())
