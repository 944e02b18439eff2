"""The small exception tree at the boundary, and the one shape every content problem takes."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .escape import one_line


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file; line and column are 1-based (0 means unknown)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path

    @classmethod
    def of_file(cls, path: Path | str, root: Path | None = None) -> "Location":
        """The location of a whole file, shown relative to the content root's parent."""
        return cls(display_path(path, root))


def display_path(path: Path | str, root: Path | None = None) -> str:
    """A path as contributors see it: relative to the repository when possible, with forward slashes."""
    path = Path(path)
    if root is not None:
        # Resolving each file's folder once (not each file) halved the time the loader spends naming files.
        # A file that is a symbolic link is named as the link: its target is never shown (nor read).
        resolved = _resolved(path.parent) / path.name
        try:
            return resolved.relative_to(_resolved(root)).as_posix()
        except ValueError:
            pass
    return path.as_posix()


@functools.lru_cache(maxsize=1024)
def _resolved(directory: Path) -> Path:
    return directory.resolve()


@dataclass(frozen=True)
class Problem:
    """One problem with the content: where, which field, what was wrong, and how to fix it."""

    location: Location
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def sort_key(self) -> tuple:
        return (self.location.path, self.location.line, self.location.column, self.field, self.message)

    def __str__(self) -> str:
        """One line, whatever the values it quotes hold: line breaks and controls are shown escaped, so no
        value can start a line of its own (which GitHub Actions would run as a workflow command)."""
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        label = "" if self.severity == "error" else " warning:"
        return one_line(f"{self.location}:{label}{field} {self.message}{hint}")

    def github_annotation(self) -> str:
        """The problem as a GitHub workflow command, so it shows on the changed line of a pull request."""
        level = "error" if self.severity == "error" else "warning"
        params = [f"file={_escape_property(self.location.path)}"]
        if self.location.line:
            params.append(f"line={self.location.line}")
            params.append(f"col={self.location.column or 1}")
        params.append(f"title={_escape_property(self.field or 'content')}")
        text = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            text += f" ({self.hint})"
        return f"::{level} {','.join(params)}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class DigestError(Exception):
    """Base of every expected failure: reported as clean lines, never as a traceback."""


class ContentErrors(DigestError):
    """The content has problems; carries all of them, sorted, so a contributor sees the whole list."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(problems, key=Problem.sort_key))
        errors = sum(1 for p in self.problems if p.severity == "error")
        super().__init__(f"{errors} problem(s) in the content")


class BuildError(DigestError):
    """The site build failed; the message carries the builder's output."""
