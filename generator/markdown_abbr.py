"""Python-Markdown's abbr extension, with terms that never match inside Python-Markdown's own placeholders.

The abbr extension wraps each use of a term in `<abbr title>` after the inline patterns ran, when the text
still holds Python-Markdown's placeholders: `\\x02wzxhzdk:7\\x03` for stashed HTML (an entity such as `&lt;`),
and `\\x0242\\x03` for a backslash-escaped character. Its pattern, `\\b(?:terms)\\b`, finds a term such as `1`,
`42` or `wzxhzdk` inside them; the placeholder is then split by an `<abbr>` and never restored, so the page
prints U+0002 and U+0003 and loses what was stashed. Here the same pattern also matches a whole placeholder
first, which is skipped. Content cannot hold U+0002 or U+0003 (check refuses control characters, and
Python-Markdown removes them from its input), so every such run is a placeholder.

Same syntax (`*[DPT]: Daftar Pemilih Tetap`), same options and the same HTML for every other text; mkdocs.yml
loads this module in place of `abbr`.
"""

from __future__ import annotations

import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import ETX, STX, AtomicString

# A placeholder Python-Markdown leaves in text until its last steps: STX, anything but STX or ETX, ETX.
_PLACEHOLDER = f"{STX}[^{STX}{ETX}]*{ETX}"


class PlaceholderSafeAbbrTreeprocessor(AbbrTreeprocessor):
    """Wraps the glossary terms of text in `<abbr>`, leaving Python-Markdown's placeholders whole."""

    def run(self, root):
        if not self.abbrs:
            return
        terms = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile(f"{_PLACEHOLDER}|\\b(?P<term>{'|'.join(re.escape(term) for term in terms)})\\b")
        self.iter_element(root)

    def _terms(self, text: str) -> list[re.Match]:
        """The matches of terms in `text`, last first, outside placeholders, that have a definition."""
        return [m for m in reversed(list(self.RE.finditer(text))) if m.group("term") and self.abbrs[m.group("term")]]

    def iter_element(self, el, parent=None) -> None:
        """The parent class's walk (as in Python-Markdown 3.11), reading matches through `_terms`."""
        for child in reversed(el):
            self.iter_element(child, el)
        if (text := el.text) and not isinstance(text, AtomicString):
            for m in self._terms(text):
                el.insert(0, self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end():]))
                text = text[:m.start()]
            el.text = text
        if parent is not None and (tail := el.tail) and not isinstance(tail, AtomicString):
            index = list(parent).index(el) + 1
            for m in self._terms(tail):
                parent.insert(index, self.create_element(self.abbrs[m.group(0)], m.group(0), tail[m.end():]))
                tail = tail[:m.start()]
            el.tail = tail


class PlaceholderSafeAbbrExtension(AbbrExtension):
    """The abbr extension with :class:`PlaceholderSafeAbbrTreeprocessor` in place of its tree processor."""

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(PlaceholderSafeAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def makeExtension(**kwargs):  # noqa: N802 - the name Python-Markdown looks for
    """Python-Markdown's entry point: `markdown_extensions: [generator.markdown_abbr]`."""
    return PlaceholderSafeAbbrExtension(**kwargs)
