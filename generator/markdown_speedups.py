"""A Python-Markdown extension that makes the inline pass cheaper without changing its output.

Python-Markdown's inline pass tries every inline pattern on every piece of text (a paragraph, a table
cell, a heading), and each try is a Python call, a registry lookup and a regex scan. A generated page has
about a hundred such pieces and fifteen patterns, so at a thousand fact sheets this pass was more than a third
of a language's MkDocs build, most of it spent proving that a pattern cannot match.

Most built-in patterns cannot match text that lacks a certain character: no link without ``[``, no
entity without ``&``. This extension replaces the inline treeprocessor with a subclass that skips a
pattern when its text holds none of the pattern's required strings, and otherwise calls Python-Markdown's
own code. A skipped pattern would have found no match, and a pattern without a match has no side effect,
so the HTML is the same byte for byte (``tests/test_markdown_speedups.py`` compares both on every
generated page and on hostile input).

A shortcut applies only to a pattern whose regular expression is exactly the one listed in
``REQUIRED``; a pattern an upgrade changes, or one another extension adds, is always tried.

It is optional: ``mkdocs.yml`` lists it as ``generator.markdown_speedups``, and a build without it (or a
successor of MkDocs that does not load it) produces the same pages, only slower. It relies on two private
methods of ``markdown.treeprocessors.InlineProcessor`` (it overrides one and calls the other);
``requirements.txt`` pins Markdown, and the tests fail if either goes away or the output changes.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown, treeprocessors, util
from markdown.extensions import Extension

#: Regular expression of a built-in inline pattern (Markdown 3.11) -> strings of which any match needs one.
#: Each entry was checked by hand against the expression: every match, or the lookahead it requires,
#: contains one of the strings.
REQUIRED: dict[str, tuple[str, ...]] = {
    r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)": ("`",),  # backtick (code span, or escaped backslashes before one)
    r"\\(.)": ("\\",),  # escape
    r"(?<!\!)\[": ("[",),  # reference, link, short_reference
    r"\!\[": ("![",),  # image_link, image_reference, short_image_ref
    r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>": ("://",),  # autolink
    r"<([^<> !]+@[^@<> ]+)>": ("@",),  # automail
    r"  \n": ("  \n",),  # linebreak
    r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)": ("&",),  # entity
    r"\*|_": ("*", "_"),  # em_strong (DelimiterProcessor for * and _)
}
# The inline HTML pattern: every alternative starts with "<".
REQUIRED[
    r"""(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>]++))?+)*+\s*+/?|"""
    r"!--(?:(?!<!--|-->).)*--|"
    r"[?](?:(?!<[?]|[?]>).)*[?]|"
    r"!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\]"
    ")>)"
] = ("<",)


def required_strings(pattern: Any) -> tuple[str, ...] | None:
    """The strings of which a match of `pattern` needs one, or None when the pattern must always be tried."""
    compiled = getattr(pattern, "compiled_re", None)
    if compiled is None or not isinstance(pattern, treeprocessors.inlinepatterns.InlineProcessor):
        return None
    return REQUIRED.get(compiled.pattern)


class SkippingInlineProcessor(treeprocessors.InlineProcessor):
    """Python-Markdown's inline treeprocessor, skipping patterns that cannot match the text at hand."""

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        # One snapshot per document: the registry sorts itself on every lookup.
        self._plan = [(pattern, required_strings(pattern)) for pattern in self.inlinePatterns]
        return super().run(tree, ancestors)

    # Replaces InlineProcessor.__handleInline (name-mangled); the loop is the original's, plus the skip.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        plan = self._plan
        apply = self._InlineProcessor__applyPattern
        count = len(plan)
        start = 0
        while patternIndex < count:
            pattern, required = plan[patternIndex]
            if required is not None:
                for needle in required:
                    if needle in data:
                        break
                else:  # no match is possible: the original would return (data, False, 0)
                    patternIndex += 1
                    start = 0
                    continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class SpeedupsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if not hasattr(treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern"):
            return  # an upgrade changed the private API: keep Python-Markdown's own inline pass
        # Same name and priority as the built-in one, which it replaces.
        md.treeprocessors.register(SkippingInlineProcessor(md), "inline", 20)


def makeExtension(**kwargs: Any) -> SpeedupsExtension:  # noqa: N802 - Python-Markdown's entry point name
    return SpeedupsExtension(**kwargs)
