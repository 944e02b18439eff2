"""The field reference, docs/<lang>/reference.md: every field of every content file, read from the model.

Written by `python -m generator schema` beside the JSON Schemas, in both languages: a field's meaning is its
`doc` in generator/model.py, translated through the gettext catalogs like every interface string, and its
allowed values come from the same type hints the loader and the JSON Schema read. tests/test_schema.py fails
when the pages are stale.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from . import model
from .i18n import LANGUAGES, N_, Formatter
from .load import REGISTRY_KINDS
from .schema import SCHEMA_FILES, Spec, record_fields, render_schemas

# Records that many fields use, described once in their own section.
COMMON = (model.Localized, model.RegistrySource)
REGISTRY_OF = {kind: file_name for file_name, kinds in REGISTRY_KINDS.items() for kind in kinds}
# An example in a description: a quoted value after "like", a colon, "e.g.", an opening parenthesis or a comma.
_QUOTED = re.compile(r"(?:^|like |: |e\.g\. |\(|, )'([^']{1,60})'")

TITLES = {
    "fact-sheet.schema.json": N_("Fact sheet"), "regions.schema.json": N_("Regions"),
    "agencies.schema.json": N_("Agencies and agency kinds"), "people.schema.json": N_("People"),
    "topics.schema.json": N_("Topics"), "elections.schema.json": N_("Elections"),
    "glossary.schema.json": N_("Glossary"), "operations.schema.json": N_("Operations and programmes"),
    "places.schema.json": N_("Places below a region"),
    "gazetteer.schema.json": N_("Gazetteer (generated: every province, regency and city)"),
}


def _translator(fmt: Formatter):
    def translate(message: str, **values) -> str:
        text = fmt.gettext(message)
        return text % values if values else text
    return translate


def render_reference(lang: str) -> str:
    """The field reference page of one language."""
    fmt = Formatter(lang)
    _ = _translator(fmt)
    out = ["---", f"title: {json.dumps(_('Field reference'), ensure_ascii=False)}",
           "description: " + json.dumps(_("Every field of the fact sheets and registries: its meaning, allowed "
                                         "values and an example."), ensure_ascii=False),
           "---", "", f"# {_('Field reference')}", "",
           _("Every field a contributor can write, file by file, read from the content model (generator/model.py) "
             "by `python -m generator schema`, which also writes the JSON Schemas that editors use. Do not edit "
             "this page by hand. A field marked required must be given; every other field may be left out."), ""]
    for file_name, root in SCHEMA_FILES.items():
        where = "content/articles/*.yaml" if root is model.FactSheet else \
            f"content/registry/{file_name.removesuffix('.schema.json')}.yaml"
        stem = file_name.removesuffix(".schema.json")
        out += [f"## {_(TITLES[file_name])}: `{where}` {{: #{stem} }}", ""]
        if where.rsplit("/", 1)[-1] in model.OPTIONAL_REGISTRY_FILES:
            out += [_("This file may be left out; a tree without it has none."), ""]
        out += _records(fmt, root, stem, "")
    for common in COMMON:  # the forms many fields share, last
        out += _table(fmt, common, _anchor("common", common.__name__), level=2,
                      title=_("Text in two languages") if common is model.Localized else _("Registry source"))
    return "\n".join(out).rstrip("\n") + "\n"


def _records(fmt: Formatter, cls: type, stem: str, path: str) -> list[str]:
    """The table of one record and, after it, those of the records inside it."""
    anchor = _anchor(stem, path)
    out = _table(fmt, cls, anchor, level=3, title=f"`{path}`" if path else None)
    for f in record_fields(cls):
        inner = f.spec.item if f.spec.kind == "list" else f.spec
        if inner.kind == "record" and inner.record not in COMMON:
            out += _records(fmt, inner.record, stem, f"{path}.{f.name}" if path else f.name)
    return out


def _table(fmt: Formatter, cls: type, anchor: str, level: int, title: str | None) -> list[str]:
    _ = _translator(fmt)
    out = [f"{'#' * level} {title} {{: #{anchor} }}", ""] if title else []
    headings = (_("Field"), _("Required"), _("Allowed values"), _("Meaning"), _("Example"))
    yes, no = _("yes"), _("no")
    out += ["| " + " | ".join(headings) + " |", "|---|---|---|---|---|"]
    for f in record_fields(cls):
        meaning = _(f.doc) if f.doc else ""
        out.append(f"| `{f.name}` | {yes if f.required else no} | "
                   f"{_allowed(fmt, f.spec, _anchor(anchor, f.name))} | {_cell(meaning)} | {_example(f.spec, f.doc)} |")
    return out + [""]


def _allowed(fmt: Formatter, spec: Spec, below: str) -> str:
    """What a field may hold; `below` is the anchor of its own table, for a record that has one."""
    _ = _translator(fmt)
    kind = spec.kind
    if kind == "record":
        if spec.record not in COMMON:
            label = _("the fields below")
            return f"[{label}](#{below})"
        label = _("text in two languages") if spec.record is model.Localized else _("a registry source")
        return f"[{label}](#{_anchor('common', spec.record.__name__)})"
    if kind == "list":
        item = _allowed(fmt, spec.item, below)
        return _("a list of: %(item)s; at most %(count)s", item=item, count=fmt.number(spec.items.max_items))
    if kind == "choice":
        return ", ".join(f"`{choice}`" for choice in spec.choices)
    if kind == "text" and spec.ref:
        return _("the id of an entry in `%(file)s`", file=f"content/registry/{REGISTRY_OF[spec.ref.kind]}")
    if kind == "text" and spec.text.pattern_hint:
        return _cell(_(spec.text.pattern_hint))
    if kind == "text":
        return _("text, at most %(count)s characters", count=fmt.number(spec.text.max_length))
    if kind == "int":
        return _("a whole number from %(low)s to %(high)s", low=fmt.number(spec.count.minimum),
                 high=fmt.number(spec.count.maximum))
    if kind == "bool":
        return "`true`, `false`"
    if kind == "date":
        return _("a date, YYYY-MM-DD")
    if kind == "when":
        return _cell(_(model.When.FORMS))
    return _("a passage of the archived article, or a list of passages")  # evidence


def _example(spec: Spec, doc: str) -> str:
    """A value a contributor could write: the first one quoted in the field's description, else one the type
    allows."""
    kind = spec.item.kind if spec.kind == "list" else spec.kind
    if kind == "choice":
        choices = spec.item.choices if spec.kind == "list" else spec.choices
        return f"`{choices[0]}`"
    inner = spec.item if spec.kind == "list" else spec
    hint = inner.text.pattern_hint if inner.kind == "text" and inner.text else ""
    quoted = _QUOTED.search(doc or "") or _QUOTED.search(hint)
    if quoted and kind in ("text", "when", "evidence") and not inner.ref:
        return f"`{quoted.group(1)}`"
    return {"bool": "`true`", "date": "`2024-11-20`", "when": "`2024-11-20`", "int": "`412`"}.get(kind, "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _anchor(stem: str, path: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", f"{stem}-{path}".lower()).strip("-")


def exported_files() -> dict[str, str]:
    """Every file exported from the content model, by its path in the repository: the JSON Schemas in schema/ and
    the field reference of each language."""
    files = {f"schema/{name}": text for name, text in render_schemas().items()}
    files.update({f"docs/{lang}/reference.md": render_reference(lang) for lang in LANGUAGES})
    return files


def stale_exports(root: Path, files: dict[str, str]) -> list[str]:
    """The exported files missing under `root` or different from what the content model gives."""
    return [name for name, text in files.items()
            if not (root / name).exists() or (root / name).read_text(encoding="utf-8") != text]


def write_exports(root: Path) -> list[str]:
    """Write every exported file that is stale; returns those written."""
    files = exported_files()
    stale = stale_exports(root, files)
    for name in stale:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(files[name], encoding="utf-8")
    return stale
