"""YAML -> model: a strict reader, then a converter driven by the schema, with a Location on everything."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field as dataclass_field, replace
from pathlib import Path
from types import MappingProxyType

import yaml

from . import model
from .errors import ContentErrors, DigestError, Location, Problem, display_path
from .escape import (FORBIDDEN_HINT, FORBIDDEN_IN_FILES, FORBIDDEN_IN_VALUES, INVISIBLE, INVISIBLE_HINT,
                     forbidden_message, invisible_message)
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


class NotRegularFile(Exception):
    """A content path that is a symbolic link, a folder or a device instead of a regular file."""

    def __init__(self, found: str, hint: str):
        super().__init__(found)
        self.found, self.hint = found, hint


_NOT_REGULAR = (
    (stat.S_ISLNK, "a symbolic link", "commit the file itself: links are not followed, so that a pull request "
                                      "cannot publish a file from outside the repository"),
    (stat.S_ISDIR, "a folder", "a folder may not carry a content file's name (.yaml, .txt): rename or move it"),
)


def check_regular(info: os.stat_result) -> None:
    """Raise NotRegularFile unless `info` (from lstat) describes a regular file."""
    for test, found, hint in _NOT_REGULAR:
        if test(info.st_mode):
            raise NotRegularFile(found, hint)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile("a device or other special file", "replace it with a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """At most limit + 1 bytes of a regular file, opened without following a symbolic link.

    Raises NotRegularFile for a link, a folder or a device (checked before opening, and again on what was
    opened, so a file swapped for a link in between is refused too), OSError when it cannot be read.
    """
    check_regular(os.lstat(path))
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with open(descriptor, "rb") as handle:
        check_regular(os.fstat(handle.fileno()))
        return handle.read(limit + 1)


def content_folder_problem(path: Path, root: Path) -> Problem | None:
    """A problem when a folder the generator reads (content/ and its folders, docs/) is a symbolic link or not a
    folder; None when it is fine or absent."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return Problem(Location(display_path(path, root)), "", "expected a folder, found a symbolic link",
                       "commit the folder itself: links are not followed")
    if not stat.S_ISDIR(info.st_mode):
        return Problem(Location(display_path(path, root)), "", "expected a folder, found a file",
                       "move the file away, and put a folder of that name there")
    return None


@dataclass
class Reader:
    """Reads content files and collects every problem instead of stopping at the first."""

    root: Path  # the repository root, for display paths
    problems: list[Problem]
    file_digest: str = ""  # of the fact sheet being converted (see convert_file)
    # The records of the file being converted that converted whole, with their field paths; a record that
    # converts replaces its own records with itself, so a file that does not load leaves those of its parts that
    # did (the largest ones), and check can still look at their references and evidence.
    converted: list = dataclass_field(default_factory=list)
    partial_sheets: list = dataclass_field(default_factory=list)  # PartialSheet, one per fact sheet that did not load
    registry_digests: dict = dataclass_field(default_factory=dict)  # registry file (display path) -> its text's digest

    def problem(self, location: Location, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location, field, message, hint))

    # ------------------------------------------------------------ strict YAML

    def read_text(self, path: Path) -> str | None:
        """A file's text, if it is a regular file in the content tree, small enough, valid UTF-8 and free of
        the characters content may not hold (escape.py)."""
        where = Location(display_path(path, self.root))
        data = self.read_bytes(path, where)
        if data is None:
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
            self.problem(Location(where.path, line, column), "",
                         f"expected UTF-8 text, received the byte 0x{data[error.start]:02x}",
                         "save the file as UTF-8")
            return None
        bad = FORBIDDEN_IN_FILES.search(text)
        if bad is not None:
            self.forbidden_character(where.path, text, bad.start(), "")
            return None
        return text

    def read_bytes(self, path: Path, where: Location) -> bytes | None:
        """A regular file's bytes, read without following a symbolic link and never more than the size limit
        (a link to /dev/zero or a file outside the repository is refused, not read)."""
        try:
            data = read_regular_file(path, MAX_FILE_BYTES)
        except NotRegularFile as error:
            self.problem(where, "", f"expected a regular file, found {error.found}", error.hint)
            return None
        except OSError as error:
            self.problem(where, "", f"cannot read the file: {error.strerror or error}",
                         "check that it exists and is readable")
            return None
        if len(data) > MAX_FILE_BYTES:
            size = path.lstat().st_size  # the real size, for the message
            self.problem(where, "", f"file is too large: expected at most {MAX_FILE_BYTES:,} bytes, "
                         f"received {size:,} bytes", "split it, or check that it is the right file")
            return None
        return data

    def forbidden_character(self, display: str, text: str, offset: int, path: str) -> None:
        """Report a character content may not hold, at its line and column."""
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        self.problem(Location(display, line, column), path, forbidden_message(text[offset]), FORBIDDEN_HINT)

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
        # A fact sheet is large and read whole by pages: its records carry a digest of the file's text (and
        # their place in it), cheaper for page reuse to compare than their content. Registry entries are small
        # and read one by one, so they are compared by content (an edit to one leaves the others' pages).
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
        self.file_digest = digest if cls is model.FactSheet else ""
        if cls is not model.FactSheet:
            self.registry_digests[display] = digest
        self.converted = []
        value = self.convert(node, Spec("record", record=cls), display, "")
        loaded = len(self.problems) == before
        # A review mark left by `new` is refused, but the file still loads, so its other problems show too.
        self.problems.extend(review_marks(text, display))
        if loaded:
            return value
        if cls is model.FactSheet:
            self.partial_sheet(path, node, display)
        return None

    def partial_sheet(self, path: Path, node: yaml.Node, display: str) -> None:
        """For a fact sheet that does not load: its id against its file name, and the parts that did convert,
        for check to look at the references and evidence that it can still find (verify.check_partial)."""
        sheet_id = _string_at(node, "id")
        if sheet_id is not None and _pattern(model.SLUG_PATTERN).match(sheet_id.value):
            problem = file_name_problem(self.loc(display, sheet_id), path.stem, sheet_id.value)
            if problem is not None:
                self.problems.append(problem)
        source = _string_at(node, "source", "file")
        self.partial_sheets.append(PartialSheet(display, tuple(self.converted),
                                                source.value if source is not None else None))


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
            if self.too_many(node, spec.items, display, path, "entries"):
                return None
            items = [self.convert(item, spec.item, display, f"{path}[{i}]") for i, item in enumerate(node.value)]
            if spec.item.kind != "record":
                self.refuse_repeats(node.value, items, display, path)
            return tuple(items)
        if kind == "evidence":
            if isinstance(node, yaml.SequenceNode) and node.value:
                if self.too_many(node, spec.items, display, path, "passages"):
                    return None
                passages = [self.convert(item, Spec("text", text=spec.text), display, f"{path}[{i}]")
                            for i, item in enumerate(node.value)]
                self.refuse_repeats(node.value, passages, display, path)
                return model.Evidence(passages)
            passage = self.convert(node, Spec("text", text=spec.text), display, path)
            return model.Evidence((passage,)) if passage is not None else None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(self.loc(display, node), path, f"expected {spec.expected()}, received {describe(node)}")
            return None
        return self.convert_scalar(node, spec, display, path)

    def convert_scalar(self, node: yaml.ScalarNode, spec: Spec, display: str, path: str):
        value, tag, kind = node.value, node.tag, spec.kind
        # The common cases first, checked without building an error's location and description.
        if kind == "text":
            text = spec.text
            # Only a double-quoted scalar's escapes ("\x00", "\u202e") can make a character the file scan
            # (read_text) did not see.
            if tag == _STR and value.strip() and len(value) <= text.max_length and node.style != '"' \
                    and (text.pattern is None or _pattern(text.pattern).match(value)) \
                    and not (text.name and INVISIBLE.search(value)):
                return value
        elif kind == "choice":
            if tag == _STR and value in spec.choices:
                return value
        elif kind == "int":
            if tag == _INT and len(value) <= 30 and _DECIMAL_INT.match(value) \
                    and spec.count.minimum <= int(value) <= spec.count.maximum:
                return int(value)
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
            bad = FORBIDDEN_IN_VALUES.search(value) if node.style == '"' else None
            if bad is not None:
                self.problem(where, path, forbidden_message(bad.group()), FORBIDDEN_HINT)
                return None
            invisible = INVISIBLE.search(value) if spec.text.name else None
            if invisible is not None:
                if not node.style and node.start_mark.line == node.end_mark.line:  # plain: at the character itself
                    where = Location(display, where.line, where.column + invisible.start())
                self.problem(where, path, invisible_message(value, invisible.group()), INVISIBLE_HINT)
                return None
            if spec.text.pattern and not _pattern(spec.text.pattern).match(value):
                what = f"{spec.expected()} ({spec.text.pattern_hint})" if spec.ref else spec.text.pattern_hint
                self.problem(where, path, f"expected {what}, received {value!r}")
                return None
            return value
        if spec.kind == "choice":
            if tag == _STR and value in spec.choices:
                return value
            close = difflib.get_close_matches(value, spec.choices, n=1)
            renamed = model.RENAMED_VALUES.get(value) if tag == _STR else None
            hint = f"it is now {renamed}" if renamed else f"did you mean '{close[0]}'?" if close else ""
            self.problem(where, path, f"expected {spec.expected()}, received {value!r}", hint)
            return None
        if spec.kind == "int":
            if tag == _INT and _DECIMAL_INT.match(value):
                count = spec.count
                # Python refuses to convert more than 4,300 digits; no count needs more than a few.
                number = int(value) if len(value) <= 30 else None
                if number is None or not count.minimum <= number <= count.maximum:
                    shown = f"{number}" if number is not None else f"a number of {len(value.lstrip('+-')):,} digits"
                    self.problem(where, path, f"expected a whole number from {count.minimum} to "
                                 f"{count.maximum:,}, received {shown}", count.hint)
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
                day = dt.date.fromisoformat(value)
            except ValueError:
                real = re.match(r"^\d{4}-\d{2}-\d{2}$", value) is not None
                hint = "no such day in the calendar" if real else "write dates as YYYY-MM-DD"
                self.problem(where, path, f"expected {spec.expected()}, received {value!r}", hint)
                return None
            if not model.EARLIEST_DATE <= day <= model.LATEST_DATE:
                self.problem(where, path, f"expected a date from {model.EARLIEST_DATE} to {model.LATEST_DATE}, "
                             f"received {value!r}", "check the year")
                return None
            return day
        if spec.kind == "when":
            when, problem = parse_when(value, tag)
            if when is None:
                self.problem(where, path, f"expected {spec.expected()}, received {value!r}", problem)
            return when
        raise TypeError(spec.kind)  # pragma: no cover

    def too_many(self, node: yaml.SequenceNode, items, display: str, path: str, what: str) -> bool:
        """Report a list longer than its limit (model.Items), before converting any of it."""
        if len(node.value) <= items.max_items:
            return False
        self.problem(self.loc(display, node), path, f"expected at most {items.max_items:,} {what}, received "
                     f"{len(node.value):,}", items.hint or "split the list, or shorten it")
        return True

    def refuse_repeats(self, nodes: list, values: list, display: str, path: str) -> None:
        """Report each value that a list repeats, once, at its first repetition."""
        first: dict = {}
        repeats: dict = {}
        for i, (item, value) in enumerate(zip(nodes, values)):
            if value is None:
                continue
            if value not in first:
                first[value] = i
            else:
                repeats.setdefault(value, []).append((i, item))
        for value, again in repeats.items():
            i, item = again[0]
            times = f" ({len(again) + 1:,} times in all)" if len(again) > 1 else ""
            self.problem(self.loc(display, item), f"{path}[{i}]", f"duplicate entry: {_shown(value)} is already "
                         f"entry {first[value]} of the list{times}", "list each value once")

    def convert_record(self, node: yaml.Node, cls: type, display: str, path: str):
        where = self.loc(display, node)
        name = cls.__name__
        if not isinstance(node, yaml.MappingNode):
            self.problem(where, path, f"expected a mapping of fields ({name}), received {describe(node)}")
            return None
        fields = {f.name: f for f in record_fields(cls)}
        parts = len(self.converted)
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
                hint = model.REMOVED_FIELDS.get((name, key)) or (
                    f"did you mean '{close[0]}'?" if close else "allowed: " + ", ".join(fields))
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
        digest = f"{self.file_digest}:{path}" if self.file_digest else ""
        record = cls(loc=where, field_locs=FieldLocations(display, field_locs), digest=digest, **values)
        del self.converted[parts:]  # this record stands for its parts
        self.converted.append((record, path))
        return record


def _string_at(node: yaml.Node, *keys: str) -> yaml.ScalarNode | None:
    """The text scalar under a path of keys in a mapping node, if there is one."""
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    return node if isinstance(node, yaml.ScalarNode) and node.tag == _STR else None


@dataclass(frozen=True)
class PartialSheet:
    """What converted of a fact sheet that did not load: its largest whole records, with their field paths."""

    path: str  # the file, for display
    records: tuple[tuple[object, str], ...]
    source_file: str | None  # source.file, when it is text


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


_WHEN = re.compile(r"^(?:(?P<day>\d{4}-\d{2}-\d{2})|(?P<month>\d{4}-\d{2})|(?P<year>\d{4})"
                   r"|(?P<start>\d{4}-\d{2}-\d{2})/(?P<end>\d{4}-\d{2}-\d{2})"
                   r"|(?P<bound>before|by) (?P<limit>\d{4}-\d{2}-\d{2})|(?P<unknown>unknown))$")


def parse_when(value: str, tag: str) -> tuple[model.When | None, str]:
    """A date known to a precision (model.When) from its YAML scalar, or None and a hint."""
    match = _WHEN.match(value) if tag in (_STR, _TIMESTAMP, _INT) else None
    if match is None:
        return None, "write the date only as precisely as the article gives it, in one of these forms"
    if match["unknown"]:
        return model.When("unknown"), ""
    try:
        if match["day"]:
            day = dt.date.fromisoformat(match["day"])
            when = model.When("day", day, day)
        elif match["month"]:
            first = dt.date.fromisoformat(match["month"] + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            when = model.When("month", first, following - dt.timedelta(days=1))
        elif match["year"]:
            year = int(match["year"])
            when = model.When("year", dt.date(year, 1, 1), dt.date(year, 12, 31))
        elif match["start"]:
            when = model.When("range", dt.date.fromisoformat(match["start"]), dt.date.fromisoformat(match["end"]))
        else:
            limit = dt.date.fromisoformat(match["limit"])
            when = model.When(match["bound"], None, limit - dt.timedelta(days=1) if match["bound"] == "before" else limit)
    except (ValueError, OverflowError):  # 'before 0001-01-01' has no day before it
        return None, "no such month in the calendar" if match["month"] else "no such day in the calendar"
    for day in (when.start, when.end):
        if day is not None and not model.EARLIEST_DATE <= day <= model.LATEST_DATE:
            return None, f"dates run from {model.EARLIEST_DATE} to {model.LATEST_DATE}; check the year"
    if when.precision == "range" and when.end <= when.start:
        return None, "a range runs from its first day to a later last day; for one day write the day alone"
    return when, ""


def schema_comment(cls: type) -> str:
    """The first line every content file carries, pointing editors at its JSON Schema."""
    name = next(name for name, root in SCHEMA_FILES.items() if root is cls)
    return f"{SCHEMA_COMMENT}../../schema/{name}"


@functools.lru_cache(maxsize=None)
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _shown(value) -> str:
    """A repeated value as a message quotes it: shortened past 60 characters."""
    return repr(value) if not isinstance(value, str) or len(value) <= 60 else repr(value[:57] + "...")


def describe(node: yaml.Node) -> str:
    """How an error message names what it found."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    shown = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    return f"{_SCALAR_NAMES.get(node.tag, 'a value')} {shown!r}"


def review_marks(text: str, display: str) -> list[Problem]:
    """Each `# review:` line that `new` left in a content file: an item nobody has confirmed yet."""
    problems = []
    for match in REVIEW_MARK.finditer(text):  # one scan of the whole text; a file without marks costs little
        number = text.count("\n", 0, match.start()) + 1
        problems.append(Problem(Location(display, number, len(match.group("indent")) + 1), "review",
                                f"expected no review mark, found one left: {match.group('what').strip()}",
                                "check the item under it against the article, then delete the line"))
    return problems


def file_name_problem(where: Location, stem: str, sheet_id: str) -> Problem | None:
    """A fact sheet's file is named after its id."""
    if stem == sheet_id:
        return None
    return Problem(where, "id", f"expected the file name's id '{stem}', received '{sheet_id}'",
                   "a fact sheet's file is named after its id: rename one of them")


# ---------------------------------------------------------------- the content tree

class LoadCache(dict):
    """Files converted by earlier loads in this process, by path: (mtime_ns, size, record).

    `make serve` keeps one, so an edit re-reads only the changed file. Only files that loaded without a problem
    are kept, so an unchanged broken file is reported again.
    """


REVIEW_MARK = re.compile(r"^(?P<indent>[ \t]*)#[ \t]*review:[ \t]*(?P<what>.*)$", re.IGNORECASE | re.MULTILINE)

# The kinds of id each registry file defines: when one does not load, references to its ids are not checked.
REGISTRY_KINDS = {"regions.yaml": ("region",), "agencies.yaml": ("agency_kind", "agency"), "people.yaml": ("person",),
                  "topics.yaml": ("topic",), "elections.yaml": ("election",), "glossary.yaml": (),
                  "operations.yaml": ("operation",), "places.yaml": ("place",), "gazetteer.yaml": ("region",)}


@dataclass(frozen=True)
class Loaded:
    """What loading found: the content of every file that loaded, and the problems of those that did not."""

    content: model.Content
    problems: tuple[Problem, ...]
    unloaded_kinds: frozenset[str]  # kinds of id whose registry file did not load
    unread_sources: frozenset[str]  # archived texts that could not be read
    partial_sheets: tuple[PartialSheet, ...] = ()  # the parts of the fact sheets that did not load
    # The digest of each registry file's text, when every one was read in this run (not taken from a LoadCache).
    registry_digest: str | None = None


def load_content(content_dir: Path, root: Path | None = None, cache: LoadCache | None = None) -> model.Content:
    """Load registries, fact sheets and archived sources; raises ContentErrors with every problem."""
    loaded = read_content(content_dir, root, cache)
    if loaded.problems:
        raise ContentErrors(loaded.problems)
    return loaded.content


def read_content(content_dir: Path, root: Path | None = None, cache: LoadCache | None = None) -> Loaded:
    """Load what loads: a file with a problem is left out and its problems returned, so the other files can be
    checked in the same run. A missing or unusable content folder still raises ContentErrors."""
    root = root or content_dir.parent
    reader = Reader(root, [])
    if cache is not None:
        reader.convert_file = _cached(reader.convert_file, reader, cache)
    folder_problems = [p for p in (content_folder_problem(folder, root) for folder in (
        content_dir, content_dir / "registry", content_dir / "articles", content_dir / "sources")) if p]
    if folder_problems:
        raise ContentErrors(folder_problems)
    if not content_dir.is_dir():
        raise ContentErrors([Problem(Location(display_path(content_dir, root)), "",
                                     "expected a content folder, found nothing there",
                                     "pass --root with the folder that holds content/")])
    registry: dict[str, object] = {}
    unloaded: set[str] = set()
    for file_name, cls in model.REGISTRY_FILES.items():
        path = content_dir / "registry" / file_name
        if not os.path.lexists(path) and file_name in model.OPTIONAL_REGISTRY_FILES:
            continue
        if not os.path.lexists(path):
            reader.problem(Location(display_path(path, root)), "", "expected a registry file, found none",
                           "create it with the top-level field(s): "
                           + ", ".join(f.name for f in record_fields(cls)))
            unloaded.update(REGISTRY_KINDS[file_name])
            continue
        record = reader.convert_file(path, cls)
        if record is None:
            unloaded.update(REGISTRY_KINDS[file_name])
        else:
            registry[file_name] = record
    sheets = []
    for path in sorted((content_dir / "articles").glob("*.yaml")):
        sheet = reader.convert_file(path, model.FactSheet)
        if sheet is not None:
            sheets.append(sheet)
    for path in sorted((content_dir / "articles").glob("*.yml")):
        reader.problem(Location(display_path(path, root)), "", "expected the extension .yaml, received .yml",
                       "rename the file")
    sources, unread = {}, set()
    for path in sorted((content_dir / "sources").glob("*.txt")):
        text = reader.read_text(path)
        if text is not None:
            sources[path.name] = text
        else:
            unread.add(path.name)

    def items(file_name: str, attribute: str) -> tuple:
        return getattr(registry[file_name], attribute) if file_name in registry else ()

    gazetteer = registry.get("gazetteer.yaml")
    region_names = items("regions.yaml", "names")
    content = model.Content(
        regions=_regions(gazetteer, items("regions.yaml", "regions"), region_names),
        region_names=region_names,
        gazetteer=gazetteer,
        agency_kinds=items("agencies.yaml", "kinds"),
        agencies=items("agencies.yaml", "agencies"),
        people=items("people.yaml", "people"),
        topics=items("topics.yaml", "topics"),
        elections=items("elections.yaml", "elections"),
        glossary=items("glossary.yaml", "terms"),
        operations=items("operations.yaml", "operations"),
        places=items("places.yaml", "places"),
        sheets=tuple(sorted(sheets, key=lambda s: (s.meeting.date.key, s.id))),
        sources=MappingProxyType(sources),
    )
    read_all = all(display_path(content_dir / "registry" / name, root) in reader.registry_digests
                   for name in registry)
    registry_digest = hashlib.blake2b("\0".join(f"{name}\0{digest}" for name, digest in sorted(
        reader.registry_digests.items())).encode("utf-8"), digest_size=16).hexdigest() if read_all else None
    return Loaded(content, tuple(reader.problems), frozenset(unloaded), frozenset(unread),
                  tuple(reader.partial_sheets), registry_digest)


def _regions(gazetteer: model.GazetteerFile | None, regions: tuple[model.Region, ...],
             names: tuple[model.RegionNames, ...]) -> tuple[model.Region, ...]:
    """The gazetteer's regions, each citing the regulation it comes from, then regions.yaml's own; each with the
    short names regions.yaml gives it (a name given twice is kept once)."""
    imported = tuple(replace(region, source=gazetteer.source) for region in gazetteer.regions) if gazetteer else ()
    extra: dict[str, list[str]] = {}
    for entry in names:
        extra.setdefault(entry.region, []).extend(entry.short_names)
    if not extra:
        return imported + regions
    return tuple(replace(region, short_names=tuple(dict.fromkeys(region.short_names + tuple(extra[region.id]))))
                 if region.id in extra else region for region in imported + regions)


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
