"""YAML -> model: a strict reader, then a converter driven by the schema, with a Location on everything."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from . import model
from .errors import ContentErrors, DigestError, Location, Problem, display_path
from .schema import SCHEMA_FILES, FieldSpec, Spec, record_fields

try:
    from yaml import CSafeLoader as _FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = None

MAX_FILE_BYTES = 2 * 1024 * 1024
SCHEMA_COMMENT = "# yaml-language-server: $schema="

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DECIMAL_INT = re.compile(r"^[-+]?[0-9]+$")
_SCALAR_NAMES = {_STR: "text", _INT: "a number", _FLOAT: "a decimal number", _BOOL: "true/false",
                 _NULL: "nothing", _TIMESTAMP: "a date"}


def require_c_loader() -> type:
    """PyYAML's C loader, or a clear error: the pure-Python one is ten times slower."""
    if _FastLoader is None:
        raise DigestError(
            "PyYAML was installed without its C extension (libyaml), which the generator requires for speed. "
            "Reinstall it: pip install --force-reinstall --no-binary=pyyaml pyyaml (with libyaml-dev present), "
            "or use a PyYAML wheel, which includes it.")
    return _FastLoader


@dataclass
class Reader:
    """Reads content files and collects every problem instead of stopping at the first."""

    root: Path  # the repository root, for display paths
    problems: list[Problem]

    def problem(self, location: Location, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location, field, message, hint))

    # ------------------------------------------------------------ strict YAML

    def read_text(self, path: Path) -> str | None:
        """A file's text, if it is small enough and valid UTF-8."""
        where = Location(display_path(path, self.root))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            self.problem(where, "", f"file is too large: expected at most {MAX_FILE_BYTES:,} bytes, "
                         f"received {size:,} bytes", "split it, or check that it is the right file")
            return None
        data = path.read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            self.problem(Location(where.path, line, column), "",
                         f"expected UTF-8 text, received the byte 0x{data[error.start]:02x}",
                         "save the file as UTF-8")
            return None

    def read_yaml(self, path: Path) -> tuple[yaml.Node | None, str | None]:
        """The YAML node tree of a file (or None after reporting why not), and its text."""
        text = self.read_text(path)
        if text is None:
            return None, None
        display = display_path(path, self.root)
        loader = require_c_loader()
        try:
            if "&" in text or "*" in text:  # only then can there be anchors or aliases: look at the events
                for event in yaml.parse(text, Loader=loader):
                    anchor = getattr(event, "anchor", None)
                    if isinstance(event, yaml.AliasEvent) or anchor:
                        mark = event.start_mark
                        what = "an alias" if isinstance(event, yaml.AliasEvent) else "an anchor"
                        self.problem(Location(display, mark.line + 1, mark.column + 1), "",
                                     f"expected plain YAML, received {what} ('{'*' if what == 'an alias' else '&'}"
                                     f"{anchor}')", "anchors and aliases are not allowed: write the value out")
                        return None, text
            node = yaml.compose(text, Loader=loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            context = f"{error.context}, " if error.context else ""
            self.problem(Location(display, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0), "",
                         f"invalid YAML: {context}{error.problem}",
                         "check indentation, and quote text that contains ': ' or starts with a symbol")
            return None, text
        except yaml.YAMLError as error:
            self.problem(Location(display), "", f"invalid YAML: {error}")
            return None, text
        if node is None:
            self.problem(Location(display), "", "expected a mapping of fields, received an empty file")
        return node, text

    # ------------------------------------------------------------ conversion

    def convert_file(self, path: Path, cls: type):
        """Read one YAML file into an instance of `cls`, or None if it has problems."""
        node, text = self.read_yaml(path)
        if node is None:
            return None
        display = display_path(path, self.root)
        expected = schema_comment(cls)
        first_line = text.split("\n", 1)[0].rstrip()
        if first_line != expected:
            shown = first_line if len(first_line) <= 100 else first_line[:97] + "..."
            self.problem(Location(display, 1, 1), "", f"expected the first line {expected!r}, "
                         f"received {shown!r}", "it lets editors check the file as you type")
        before = len(self.problems)
        value = self.convert(node, Spec("record", record=cls), display, "")
        return value if len(self.problems) == before else None

    def loc(self, display: str, node: yaml.Node) -> Location:
        return Location(display, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: yaml.Node, spec: Spec, display: str, path: str):
        """Convert a node by its spec; returns None (after reporting) when it does not fit."""
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL and node.value in ("", "~", "null", "Null", "NULL"):
            if spec.nullable:
                return None
            self.problem(self.loc(display, node), path, f"expected {spec.expected()}, received nothing",
                         "give a value, or remove the field if it is optional")
            return None
        kind = spec.kind
        if kind == "record":
            return self.convert_record(node, spec.record, display, path)
        if kind == "list":
            if not isinstance(node, yaml.SequenceNode):
                self.problem(self.loc(display, node), path, f"expected {spec.expected()}, received {describe(node)}",
                             "start each entry on its own line with '- '")
                return None
            items = [self.convert(item, spec.item, display, f"{path}[{i}]") for i, item in enumerate(node.value)]
            return tuple(items)
        if kind == "evidence":
            if isinstance(node, yaml.SequenceNode) and node.value:
                passages = [self.convert(item, Spec("text", text=spec.text), display, f"{path}[{i}]")
                            for i, item in enumerate(node.value)]
                return model.Evidence(passages)
            passage = self.convert(node, Spec("text", text=spec.text), display, path)
            return model.Evidence((passage,)) if passage is not None else None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(self.loc(display, node), path, f"expected {spec.expected()}, received {describe(node)}")
            return None
        return self.convert_scalar(node, spec, display, path)

    def convert_scalar(self, node: yaml.ScalarNode, spec: Spec, display: str, path: str):
        value, tag = node.value, node.tag
        if spec.kind == "text" and tag == _STR and value.strip() and len(value) <= spec.text.max_length \
                and not spec.text.pattern:
            return value  # the common case, checked without building an error's location first
        where = self.loc(display, node)
        received = describe(node)
        if spec.kind == "text":
            if tag != _STR:
                self.problem(where, path, f"expected {spec.expected()}, received {received}",
                             f"put it in quotes if it is meant as text: \"{value}\"")
                return None
            if not value.strip():
                self.problem(where, path, f"expected {spec.expected()}, received empty text")
                return None
            if len(value) > spec.text.max_length:
                self.problem(where, path, f"expected at most {spec.text.max_length} characters, "
                             f"received {len(value)}", "shorten it")
                return None
            if spec.text.pattern and not re.match(spec.text.pattern, value):
                self.problem(where, path, f"expected {spec.text.pattern_hint}, received {value!r}")
                return None
            return value
        if spec.kind == "choice":
            if tag == _STR and value in spec.choices:
                return value
            close = difflib.get_close_matches(value, spec.choices, n=1)
            hint = f"did you mean '{close[0]}'?" if close else ""
            self.problem(where, path, f"expected {spec.expected()}, received {value!r}", hint)
            return None
        if spec.kind == "int":
            if tag == _INT and _DECIMAL_INT.match(value):
                number = int(value)
                if number < spec.count.minimum:
                    self.problem(where, path, f"expected a whole number of at least {spec.count.minimum}, "
                                 f"received {number}")
                    return None
                return number
            hint = "write the number in full without separators, like 69000000000 or 1621"
            self.problem(where, path, f"expected {spec.expected()}, received {received}", hint)
            return None
        if spec.kind == "bool":
            if tag == _BOOL and value in ("true", "false"):
                return value == "true"
            self.problem(where, path, f"expected {spec.expected()}, received {received}")
            return None
        if spec.kind == "date":
            try:
                if tag not in (_STR, _TIMESTAMP) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
                    raise ValueError
                return dt.date.fromisoformat(value)
            except ValueError:
                real = re.match(r"^\d{4}-\d{2}-\d{2}$", value) is not None
                hint = "no such day in the calendar" if real else "write dates as YYYY-MM-DD"
                self.problem(where, path, f"expected {spec.expected()}, received {value!r}", hint)
                return None
        raise TypeError(spec.kind)  # pragma: no cover

    def convert_record(self, node: yaml.Node, cls: type, display: str, path: str):
        where = self.loc(display, node)
        name = cls.__name__
        if not isinstance(node, yaml.MappingNode):
            self.problem(where, path, f"expected a mapping of fields ({name}), received {describe(node)}")
            return None
        fields = {f.name: f for f in record_fields(cls)}
        values: dict = {}
        field_locs: dict[str, tuple[int, int]] = {}
        failed = False
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problem(self.loc(display, key_node), path, f"expected a field name, received {describe(key_node)}")
                failed = True
                continue
            key = key_node.value
            field_path = f"{path}.{key}" if path else key
            if key in field_locs:
                first_line = field_locs[key][0]
                self.problem(self.loc(display, key_node), field_path, f"duplicate key: '{key}' is already set on line {first_line}",
                             "keep one of them")
                failed = True
                continue
            mark = value_node.start_mark
            field_locs[key] = (mark.line + 1, mark.column + 1)
            spec: FieldSpec | None = fields.get(key)
            if spec is None:
                close = difflib.get_close_matches(key, fields, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(fields)
                self.problem(self.loc(display, key_node), field_path, f"unknown field '{key}' in {name}", hint)
                failed = True
                continue
            before = len(self.problems)
            value = self.convert(value_node, spec.spec, display, field_path)
            if len(self.problems) != before:
                failed = True
            values[key] = value
        for spec in fields.values():
            if spec.required and spec.name not in values and spec.name not in field_locs:
                field_path = f"{path}.{spec.name}" if path else spec.name
                self.problem(where, field_path, f"missing required field '{spec.name}' in {name}",
                             spec.doc)
                failed = True
        if failed:
            return None
        for key in [k for k, v in values.items() if v is None]:
            if not fields[key].required:
                del values[key]  # an explicit null means the default
        return cls(loc=where, field_locs=FieldLocations(display, field_locs), **values)


class FieldLocations(Mapping):
    """Where each field's value is: a Location made when asked for (most never are), from (line, column)."""

    __slots__ = ("path", "marks")

    def __init__(self, path: str, marks: dict[str, tuple[int, int]]):
        self.path, self.marks = path, marks

    def __getitem__(self, name: str) -> Location:
        return Location(self.path, *self.marks[name])

    def __iter__(self):
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


def schema_comment(cls: type) -> str:
    """The first line every content file carries, pointing editors at its JSON Schema."""
    name = next(name for name, root in SCHEMA_FILES.items() if root is cls)
    return f"{SCHEMA_COMMENT}../../schema/{name}"


def describe(node: yaml.Node) -> str:
    """How an error message names what it found."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    shown = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    return f"{_SCALAR_NAMES.get(node.tag, 'a value')} {shown!r}"


# ---------------------------------------------------------------- the content tree

class LoadCache(dict):
    """Files converted by earlier loads in this process, by path: (mtime_ns, size, record).

    `make serve` keeps one, so an edit re-reads only the changed file. Only files that loaded without a problem
    are kept, so an unchanged broken file is reported again.
    """


def load_content(content_dir: Path, root: Path | None = None, cache: LoadCache | None = None) -> model.Content:
    """Load registries, fact sheets and archived sources; raises ContentErrors with every problem."""
    root = root or content_dir.parent
    reader = Reader(root, [])
    if cache is not None:
        reader.convert_file = _cached(reader.convert_file, reader, cache)
    if not content_dir.is_dir():
        raise ContentErrors([Problem(Location(display_path(content_dir, root)), "",
                                     "expected a content folder, found nothing there",
                                     "pass --root with the folder that holds content/")])
    registry: dict[str, object] = {}
    for file_name, cls in model.REGISTRY_FILES.items():
        path = content_dir / "registry" / file_name
        if not path.exists():
            reader.problem(Location(display_path(path, root)), "", "expected a registry file, found none",
                           "create it with the top-level field(s): "
                           + ", ".join(f.name for f in record_fields(cls)))
            continue
        registry[file_name] = reader.convert_file(path, cls)
    sheets = []
    for path in sorted((content_dir / "articles").glob("*.yaml")):
        sheet = reader.convert_file(path, model.FactSheet)
        if sheet is not None:
            sheets.append(sheet)
    for path in sorted((content_dir / "articles").glob("*.yml")):
        reader.problem(Location(display_path(path, root)), "", "expected the extension .yaml, received .yml",
                       "rename the file")
    sources = {}
    for path in sorted((content_dir / "sources").glob("*.txt")):
        text = reader.read_text(path)
        if text is not None:
            sources[path.name] = text
    if reader.problems:
        raise ContentErrors(reader.problems)

    def items(file_name: str, attribute: str) -> tuple:
        return getattr(registry[file_name], attribute)

    return model.Content(
        regions=items("regions.yaml", "regions"),
        agency_kinds=items("agencies.yaml", "kinds"),
        agencies=items("agencies.yaml", "agencies"),
        people=items("people.yaml", "people"),
        topics=items("topics.yaml", "topics"),
        elections=items("elections.yaml", "elections"),
        glossary=items("glossary.yaml", "terms"),
        sheets=tuple(sorted(sheets, key=lambda s: (s.meeting.date, s.id))),
        sources=MappingProxyType(sources),
    )


def _cached(convert_file, reader: Reader, cache: LoadCache):
    def convert(path: Path, cls: type):
        try:
            stat = path.stat()
        except OSError:
            return convert_file(path, cls)
        stamp = (stat.st_mtime_ns, stat.st_size)
        hit = cache.get(str(path))
        if hit is not None and hit[0] == stamp and hit[1] is cls:
            return hit[2]
        before = len(reader.problems)
        record = convert_file(path, cls)
        if record is not None and len(reader.problems) == before:
            cache[str(path)] = (stamp, cls, record)
        return record
    return convert
