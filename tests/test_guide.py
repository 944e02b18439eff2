"""The hand-written pages' YAML examples use only fields the content model has.

A reader copies these blocks into a fact sheet or a registry: a field the model dropped or renamed (the figure's
old `unit`) would be refused by check, in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator import model
from generator.schema import record_fields

REPO_ROOT = Path(__file__).resolve().parent.parent
# Every hand-written page with a YAML example (the guide has several in each language).
PAGES = sorted(p for lang in ("en", "id") for p in (REPO_ROOT / "docs" / lang).glob("*.md")
               if "```yaml" in p.read_text(encoding="utf-8"))
BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _record_classes(cls=model.Record):
    for sub in cls.__subclasses__():
        yield sub
        yield from _record_classes(sub)


FIELDS = {f.name for cls in _record_classes() for f in record_fields(cls)}


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def _blocks(page: Path):
    text = page.read_text(encoding="utf-8")
    for match in BLOCK.finditer(text):
        yield text.count("\n", 0, match.start()) + 2, match.group(1)


def test_the_guide_has_examples_in_both_languages():
    assert {p.parent.name for p in PAGES if p.stem == "contributing"} == {"en", "id"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_yaml_examples_use_only_fields_of_the_model(page):
    for line, text in _blocks(page):
        data = yaml.safe_load(text)
        unknown = sorted({key for key in _keys(data) if key not in FIELDS and key not in ("id", "en")})
        assert not unknown, f"{page.relative_to(REPO_ROOT)}:{line}: fields the model does not have: {unknown}"
