"""Generated pages as MkDocs converts them, for tests: Python-Markdown with mkdocs.yml's extensions, the front
matter split off, and the elements, attributes and text of the HTML."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent


class _MkDocsYamlLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !relative tags plain YAML does not know."""


_MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def mkdocs_markdown(**extra_configs) -> markdown.Markdown:
    """Python-Markdown with the extensions mkdocs.yml configures."""
    config = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsYamlLoader)
    names, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = (item, None) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        if options:
            configs[name] = options
    assert {"generator.markdown_abbr", "admonition", "tables", "toc", "attr_list"} <= set(names)
    configs.update(extra_configs)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def split_front_matter(page: str) -> tuple[dict, str]:
    """A generated page's front matter (parsed as MkDocs parses it) and its Markdown body."""
    assert page.startswith("---\n"), page[:80]
    end = page.index("\n---\n", 4)
    return yaml.safe_load(page[4:end]), page[end + 5:]


def strip_front_matter(text: str) -> str:
    """A page's Markdown without its front matter (the text itself when it has none)."""
    return split_front_matter(text)[1] if text.startswith("---\n") else text


class Elements(HTMLParser):
    """Every element of an HTML fragment with its attributes, and the text as a reader sees it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k.lower(): (v or "") for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)

    @property
    def shapes(self) -> set[tuple[str, tuple[str, ...]]]:
        """Each (element, its attribute names) that occurs."""
        return {(tag, tuple(sorted(attrs))) for tag, attrs in self.elements}

    @property
    def attributes(self) -> list[tuple[str, str, str]]:
        """Every (element, attribute, value)."""
        return [(tag, name, value) for tag, attrs in self.elements for name, value in attrs.items()]

    @classmethod
    def of(cls, fragment: str) -> "Elements":
        parser = cls()
        parser.feed(fragment)
        parser.close()
        return parser


# ------------------------------------------------------------------ what a reader would see as broken


_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


def visible(fragment: str) -> str:
    """An HTML fragment's text, tags off and entities read."""
    return html.unescape(_TAG.sub("", fragment))


def pipe_paragraphs(page_html: str) -> list[str]:
    """Paragraphs with a line that starts with '|': a Markdown table that did not render (it needs a blank
    line before it), shown to the reader as `| Provinsi | Kabupaten | ...` text."""
    return [text.strip()[:120] for text in map(visible, _PARAGRAPH.findall(page_html))
            if any(line.lstrip().startswith("|") for line in text.splitlines())]


_NOT_SHOWN_AS_TEXT = re.compile(r"<(code|pre|script|style|kbd|samp)\b[^>]*>.*?</\1>", re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|td|th|tr|h[1-6]|div|dt|dd|br|summary|details|blockquote)\b[^>]*>")
# Markdown or template syntax that a reader should never see on a page: what each looks like when it fails.
MARKDOWN_LEFT = (
    ("a table row", re.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$")),
    ("a table rule", re.compile(r"\|[ \t]*:?-{3,}")),
    ("link or image syntax", re.compile(r"!?\[[^\]\n]+\]\([^)\s]*\)")),
    ("an attribute list", re.compile(r"\{:?[ \t]*[#.][\w-]+[^}\n]*\}")),
    ("emphasis markers", re.compile(r"\*\*\S[^*\n]*\*\*|(?<!\w)__\S[^_\n]*__(?!\w)")),
    ("a heading mark", re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+\S")),
    ("template syntax", re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")),
    ("a double-escaped entity", re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-f]+);", re.I)),
)


def unrendered_markdown(page_html: str, content_text: str = "") -> list[str]:
    """What a page shows as text that is Markdown or template syntax the conversion left: a table printed as
    `| a | b |`, `[text](url)`, `{: #id }`, `**bold**`, `## heading`, `{{ value }}`, `&amp;amp;` shown as `&amp;`.
    Code is left out (the guide shows syntax on purpose), and so is anything the content itself says
    (`content_text`: every value of the tree; a quote may hold brackets, and hostile fixtures hold all of it)."""
    text = visible(_BLOCK_TAG.sub("\n", _NOT_SHOWN_AS_TEXT.sub("", page_html)))
    found = []
    for what, pattern in MARKDOWN_LEFT:
        for match in pattern.finditer(text):
            snippet = match.group().strip()
            if snippet and " ".join(snippet.split()) not in content_text:
                found.append(f"{what}: {snippet[:80]!r}")
    return found


def content_text(root: Path) -> str:
    """Every text value of a content tree (YAML values and archived texts), whitespace collapsed, one per line."""
    values: list[str] = []

    def walk(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            values.append(" ".join(value.split()))

    for path in sorted((root / "content").rglob("*")):
        if path.suffix == ".yaml":
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
        elif path.suffix == ".txt":
            values.extend(" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines())
    return "\n".join(values)


def empty_header_cells(page_html: str) -> int:
    """How many table header cells have no text (axe's `empty-table-header`: a screen reader announces nothing
    for the column or row it heads)."""
    return sum(1 for cell in _HEADER_CELL.findall(page_html) if not visible(cell).strip())


CELL_LABEL = __import__("re").compile(r'<span class="epd-cell[^"]*" data-label="[^"]*" aria-hidden="true"></span>')


def without_cell_labels(markdown: str) -> str:
    """A generated page without the column names that start table cells for the phone layout (Helpers.cell)."""
    return CELL_LABEL.sub("", markdown)


def mark_md(kind: str, lang: str, depth: int = 1) -> str:
    """The Markdown of an 'inferred' or 'derived' mark (Helpers.mark) on a page `depth` folders below the root."""
    from generator.i18n import Formatter
    from generator.render import Helpers

    gettext = Formatter(lang).gettext
    word = {"inferred": "inferred", "derived": "derived"}[kind]
    why = {"inferred": "not stated in so many words: the article implies it. How the digest infers values",
           "derived": "computed by the digest from stated figures; no article states it. How it is computed"}[kind]
    assert Helpers.mark  # the helper this mirrors
    return (f'[{gettext(word)}<span class="epd-mark__why" data-pagefind-ignore>: {gettext(why)}</span>]'
            f'({"../" * depth}methodology.md#{kind}){{: .epd-mark .epd-{kind} }}')
