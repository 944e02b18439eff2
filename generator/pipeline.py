"""build(config): load -> verify -> index -> render -> write. Reads top to bottom."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .export import render_exports
from .i18n import LANGUAGES, DEFAULT_LANGUAGE
from .index import build_index
from .load import load_content
from .pages import navigation, plan_pages, theme_strings
from .render import environment, render_pages
from .verify import Report, verify

DEFAULT_SITE_URL = "https://election-prep-digest.github.io/digest/"


@dataclass(frozen=True)
class BuildConfig:
    """Where content comes from and where the generated Markdown trees go."""

    root: Path
    out: Path
    site_url: str = field(default_factory=lambda: os.environ.get("SITE_URL", DEFAULT_SITE_URL))
    languages: tuple[str, ...] = LANGUAGES

    @classmethod
    def for_repository(cls, root: Path, out: Path | None = None) -> "BuildConfig":
        return cls(root=root, out=out or root / "build")


@dataclass(frozen=True)
class BuildResult:
    """What a build did, and how long each stage took (seconds)."""

    report: Report
    pages: int  # per language
    written: int
    unchanged: int
    removed: int
    timings: dict[str, float]


def build(config: BuildConfig) -> BuildResult:
    """Generate every language's Markdown tree from the content; writes nothing if the content has problems."""
    clock = _Clock()
    content = load_content(config.root / "content", config.root)
    clock.lap("load")
    report = verify(content)
    clock.lap("verify")
    index = build_index(content)
    clock.lap("index")
    exports = render_exports(index, config.site_url)
    hand_written = _read_hand_written(config.root / "docs")
    assets = _read_assets(config.root / "docs" / "assets")
    trees: dict[str, dict[str, bytes]] = {}
    pages = 0
    for lang in config.languages:
        rendered = render_pages(plan_pages(index, lang), index, lang)
        pages = len(rendered) + len(hand_written[lang])
        tree = {path: text.encode("utf-8") for path, text in rendered.items()}
        tree.update({name: text for name, text in hand_written[lang].items()})
        tree.update({f"data/{name}": text.encode("utf-8") for name, text in exports.items()})
        tree.update({f"assets/{name}": data for name, data in assets.items()})
        # A snippet appended to every page (hover definitions), excluded from the pages themselves.
        tree["abbreviations.md"] = environment().get_template("abbreviations.md.j2").render(
            terms=sorted(content.glossary, key=lambda t: t.term), abbr_title=_abbr_title(lang)).encode("utf-8")
        trees[lang] = tree
    clock.lap("render")
    written = unchanged = removed = 0
    for lang, tree in trees.items():
        lang_dir = config.out / lang
        counts = write_tree(lang_dir / "docs", tree)
        written, unchanged, removed = written + counts[0], unchanged + counts[1], removed + counts[2]
        for name, data in (("nav.json", navigation(lang)), ("theme-strings.json", theme_strings(lang))):
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=name != "nav.json") + "\n"
            written += _write_if_changed(lang_dir / name, text.encode("utf-8"))
    site = {"languages": list(config.languages), "default": DEFAULT_LANGUAGE, "site_url": config.site_url}
    _write_if_changed(config.out / "site.json", (json.dumps(site, indent=1) + "\n").encode("utf-8"))
    clock.lap("write")
    return BuildResult(report, pages, written, unchanged, removed, clock.laps)


def write_tree(directory: Path, files: dict[str, bytes]) -> tuple[int, int, int]:
    """Make `directory` hold exactly `files`: write what changed, keep what did not, remove the rest."""
    written = unchanged = 0
    for relative, data in sorted(files.items()):
        if _write_if_changed(directory / relative, data):
            written += 1
        else:
            unchanged += 1
    removed = 0
    if directory.exists():
        for path in sorted(directory.rglob("*"), reverse=True):
            relative = path.relative_to(directory).as_posix()
            if path.is_file() and relative not in files:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, unchanged, removed


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def _read_hand_written(docs: Path) -> dict[str, dict[str, bytes]]:
    """The hand-written pages of each language: docs/<lang>/*.md (none when the folder is absent)."""
    found = {}
    for lang in LANGUAGES:
        folder = docs / lang
        found[lang] = {path.relative_to(folder).as_posix(): path.read_bytes()
                       for path in sorted(folder.rglob("*.md"))} if folder.is_dir() else {}
    return found


def _read_assets(assets: Path) -> dict[str, bytes]:
    if not assets.is_dir():
        return {}
    return {path.relative_to(assets).as_posix(): path.read_bytes()
            for path in sorted(assets.rglob("*")) if path.is_file()}


def _abbr_title(lang: str):
    def title(term) -> str:
        meaning = term.definition.en if lang == "en" and term.definition.en else term.definition.id
        return f"{term.expansion}: {meaning}" if term.expansion else meaning
    return title


class _Clock:
    def __init__(self):
        self.started = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.last
        self.last = now
