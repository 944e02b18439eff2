"""generator.markdown_speedups changes no byte of Python-Markdown's output, only its speed.

Every page the generator writes (the seed content and a synthetic corpus, both languages, hand-written
pages included) and a set of hostile snippets are converted with the extensions of mkdocs.yml, once with
the speed-up and once without; the HTML must be identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
import pytest
from markdown import treeprocessors

from generator import markdown_speedups
from generator.mkdocs_adapter import _load_base_config
from generator.pipeline import BuildConfig, build

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from synthetic import write_corpus  # noqa: E402

SPEEDUPS = "generator.markdown_speedups"

HOSTILE = [
    "plain words only, nothing to match",
    "`code` and ``double `tick` code`` and \\`escaped\\` and \\\\`after escaped backslashes`",
    "\\\\\\` odd backslashes, \\* \\_ \\[ \\] \\< \\& \\{ \\}",
    "[link](../a.md) [ref][r] [short] ![img](x.png) ![imgref][r] ![short img] !not an image [",
    "[r]: https://example.org/ \"Title\"\n\n[ref][r] and [r] and ![r]",
    "<https://example.org/x?y=1&z=2> <ftp://h/p> <not a link> <mail@example.org> <a@b> @ at",
    "line with two spaces  \nnext line, and a tab\t \nand `  \n` in code",
    "<span class=\"x\">inline html</span> <!-- comment --> <?pi ?> <![CDATA[ x ]]> < 3 > 2 <br/>",
    "&amp; &#38; &#x26; &copy; & alone &; &#; &#xZZ;",
    "*[A&amp;B]: an abbreviation spelled with an entity\n\nA&amp;B and A&B",
    "*em* _em_ **strong** __strong__ ***both*** *_mixed_* snake_case_word 2*3*4 * alone _",
    "**[bold link](u)** [*em link* `code`](u \"t\") [![img](i)](u) `[not](link)`",
    "Title {: #id .cls data-x=\"1\" }\n\n| a | b |\n|---|---|\n| [x](y) | `|` \\| **z**{: #z } |",
    "*[DPT]: Daftar Pemilih Tetap\n*[TPS]: Tempat Pemungutan Suara\n\nDPT dan TPS, DPTb, `DPT`, [DPT](u)",
    "> quote with *em* and [link](u)\n>\n> second  \n> line\n\n- item `a`\n- item <b>b</b> &amp;",
    "!!! note \"Title with *em*\"\n    Body with [link](u) and `code`.\n\n## Heading `x` [y](z) {: #h }",
    "Unicode: Rp1.538.000 — «¶» “quotes” 中文 \u00a0nbsp *ü* _ß_",
]


def _extensions() -> tuple[list, dict]:
    config = _load_base_config(REPO)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    return names, configs


def _converters():
    names, configs = _extensions()
    assert SPEEDUPS in names, "mkdocs.yml should load the speed-up"
    plain = markdown.Markdown(extensions=[n for n in names if n != SPEEDUPS], extension_configs=configs)
    fast = markdown.Markdown(extensions=names, extension_configs=configs)
    return plain, fast


def _convert(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)


def _differences(texts: dict[str, str]) -> list[str]:
    plain, fast = _converters()
    assert isinstance(fast.treeprocessors["inline"], markdown_speedups.SkippingInlineProcessor)
    return [name for name, text in texts.items() if _convert(plain, text) != _convert(fast, text)]


def _pages(out: Path) -> dict[str, str]:
    return {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
            for path in sorted(out.glob("*/docs/**/*.md"))}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, str]:
    pages = {}
    seed = tmp_path_factory.mktemp("seed-build")
    build(BuildConfig(root=REPO, out=seed, site_url="https://example.invalid/"))
    pages.update({f"seed/{k}": v for k, v in _pages(seed).items()})
    corpus = write_corpus(tmp_path_factory.mktemp("corpus"), 40, seed=3)
    build(BuildConfig(root=corpus, out=corpus / "build", site_url="https://example.invalid/"))
    pages.update({f"synthetic/{k}": v for k, v in _pages(corpus / "build").items()})
    return pages


def test_generated_pages_convert_identically(generated):
    assert len(generated) > 200
    assert _differences(generated) == []


def test_hostile_snippets_convert_identically():
    texts = {f"snippet {i}": text for i, text in enumerate(HOSTILE)}
    texts["all snippets"] = "\n\n".join(HOSTILE)
    assert _differences(texts) == []


def test_a_wrong_shortcut_is_caught(monkeypatch):
    """The comparison can fail: claiming that a link needs a character it does not need changes output."""
    link = next(regex for regex, needles in markdown_speedups.REQUIRED.items() if needles == ("[",))
    monkeypatch.setitem(markdown_speedups.REQUIRED, link, ("§",))
    assert "snippet 3" in _differences({f"snippet {i}": text for i, text in enumerate(HOSTILE)})


def test_every_built_in_pattern_has_a_shortcut():
    """An upgrade of Markdown that changes a pattern's expression loses its shortcut; this says which."""
    _, fast = _converters()
    without = [item.name for item in fast.inlinePatterns._priority
               if markdown_speedups.required_strings(fast.inlinePatterns[item.name]) is None]
    assert without == []


def test_the_private_method_it_relies_on_exists():
    assert callable(getattr(treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern", None))
    assert callable(getattr(treeprocessors.InlineProcessor, "_InlineProcessor__handleInline", None))
