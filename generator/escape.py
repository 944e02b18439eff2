"""What content text may hold, and how it is made inert where it leaves the generator.

Content comes from strangers' pull requests, so every value is data and only what the generator builds
itself is markup. The rule has two halves:

* **Refused by check** (load.py, with a location and a hint): characters no article needs and that change how
  an output is parsed or read: C0 controls other than tab and line feed (carriage return too in archived
  texts), DEL, C1 controls, Unicode line and paragraph separators, bidirectional embeddings, overrides and
  isolates ("Trojan source"), and the non-characters U+FFFE and U+FFFF, which XML 1.0 forbids.
  See :data:`FORBIDDEN`.
* **Refused in names and terms** (load.py; the fields typed ``model.Name``: people's, regions', places',
  agencies' and operations' names and short names, agency kinds' abbreviations, glossary terms and expansions):
  besides the above, invisible characters, which make one name two keys (and hide a look-alike): Unicode's
  format characters (category Cf: zero-width space, non-joiner and joiner, word joiner, the left-to-right,
  right-to-left and Arabic letter marks, the byte-order mark / zero-width no-break space, the soft hyphen,
  invisible operators, tags), the combining grapheme joiner and the Hangul fillers. See :data:`INVISIBLE`.
  Where such text becomes a key, a letter, a slug or an id it is compared in one form (generator/names.py).
* **Escaped at the output**, by one function per kind of output:

  ========================  ==============================================================================
  Markdown page body        ``render.md_escape`` (entities for ``& < >``, backslashes for Markdown syntax)
  page titles (front        :func:`html_text`: MkDocs and Material treat a page's title as HTML and print it
  matter, navigation,       unescaped in ``<title>``, the header and the navigation, so the generator
  theme strings)            hands them over escaped (``render.yaml_string(..., html=True)``)
  other front matter        ``render.yaml_string``: a JSON string (valid YAML), non-printable characters as
                            ``\\u`` escapes; the theme overrides escape these values with ``| e``
  link addresses            ``render.Helpers.url``: characters Markdown or a table would read percent-encoded
  CSV                       :func:`csv_row`: a cell a spreadsheet would run as a formula gets a leading ``'``
  iCalendar                 :func:`ical_text` and :func:`ical_fold` (RFC 5545 sections 3.3.11 and 3.1)
  Atom (XML)                :func:`xml_text` (``& < > "`` as entities)
  JSON                      the json module
  check's text output       :func:`one_line`: line breaks and other controls as visible escapes, so a value
                            cannot start a line of its own (a GitHub Actions workflow command, say)
  ========================  ==============================================================================

Escaping holds only as far as the next reader. Material's ``content.tooltips`` copied a ``title`` (a glossary
definition, an entry too wide for its space) into the page with innerHTML, so it is off in mkdocs.yml and
``docs/assets/javascripts/epd-tooltips.js`` shows those tooltips with textContent; tests/e2e/test_hostile_site.py
hovers and focuses them in Chromium.
"""

from __future__ import annotations

import re

# Characters a content value may not hold (see the module docstring). Tab and line feed are allowed everywhere
# (YAML folds plain line breaks anyway); carriage return only in archived texts, as part of CRLF line ends.
_FORBIDDEN_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 controls (but tab, LF, CR), DEL, C1 controls (NEL among them)
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\ufffe\uffff"  # non-characters XML 1.0 forbids
    "\ud800-\udfff"  # lone surrogates (only a YAML escape like "\ud800" can make one)
)
FORBIDDEN_IN_VALUES = re.compile(f"[{_FORBIDDEN_CLASS}\r]")  # a value as loaded (YAML normalises line ends)
FORBIDDEN_IN_FILES = re.compile(f"[{_FORBIDDEN_CLASS}]")  # a file's text as stored (CRLF line ends allowed)
# Characters a name or term may not hold besides those (see the module docstring): every format character (Cf)
# of Unicode 14 (tests/test_names.py compares this class with unicodedata), U+034F combining grapheme joiner and
# the Hangul fillers, which show as nothing.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
INVISIBLE_HINT = "delete it: a name with an invisible character is another key than the name it shows, and can hide a look-alike"
FORBIDDEN_HINT = "remove it, or copy the text again from the article: such characters make text show or parse as something else"

_NAMES = {"\t": "tab", "\n": "line feed", "\r": "carriage return", "\x7f": "DEL", "\x85": "next line (NEL)",
          "\u2028": "line separator", "\u2029": "paragraph separator", "\u202a": "left-to-right embedding",
          "\u202b": "right-to-left embedding", "\u202c": "pop directional formatting",
          "\u202d": "left-to-right override", "\u202e": "right-to-left override",
          "\u2066": "left-to-right isolate", "\u2067": "right-to-left isolate", "\u2068": "first strong isolate",
          "\u2069": "pop directional isolate", "\ufffe": "non-character", "\uffff": "non-character",
          "\u00ad": "soft hyphen", "\u034f": "combining grapheme joiner", "\u061c": "Arabic letter mark",
          "\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
          "\u200e": "left-to-right mark", "\u200f": "right-to-left mark", "\u2060": "word joiner",
          "\ufeff": "byte-order mark"}


def forbidden_message(char: str) -> str:
    """What check says of a character content may not hold."""
    return f"expected text without control or bidirectional-override characters, received {describe_character(char)}"


def invisible_message(value: str, char: str) -> str:
    """What check says of a name or term holding an invisible character (the value shown with it escaped)."""
    shown = INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", value)
    return f"expected a name without invisible characters, received {describe_character(char)} in '{shown}'"


def describe_character(char: str) -> str:
    """How a message names a character: 'U+202E (right-to-left override)'."""
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        return f"{code} ({_NAMES[char]})"
    if ord(char) < 0x20:
        return f"{code} (control character)"
    if 0x80 <= ord(char) <= 0x9f:
        return f"{code} (C1 control character)"
    if 0xd800 <= ord(char) <= 0xdfff:
        return f"{code} (lone surrogate)"
    return code


_LOG_UNSAFE = re.compile(f"[{_FORBIDDEN_CLASS}\t\n\r]")


def one_line(text: str) -> str:
    """Text for a log line: every line break and control character as a visible escape (\\n, \\u202e)."""
    if not _LOG_UNSAFE.search(text):
        return text
    return _LOG_UNSAFE.sub(_visible, text)


def _visible(match: re.Match) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or f"\\u{ord(char):04x}"


def html_text(text: str) -> str:
    """Plain text as HTML text (also fit for a double- or single-quoted attribute value)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def xml_text(text: str) -> str:
    """Plain text as XML character data or a double-quoted attribute value."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# OWASP's CSV injection advice: a cell starting with one of these is a formula to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_FORMULA_FIRST = frozenset(_FORMULA_START)


def csv_row(row) -> list:
    """A CSV row whose cells a spreadsheet shows as text: a text cell starting like a formula gets a leading
    apostrophe; numbers are written as they are (counts are never negative). One comprehension per row: an
    export has hundreds of thousands of cells."""
    first = _FORMULA_FIRST
    return [("'" + cell) if cell.__class__ is str and cell[:1] in first else cell for cell in row]


def ical_text(text: str) -> str:
    """An iCalendar TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def ical_fold(line: str) -> str:
    """A content line folded as RFC 5545 (3.1) says: at most 75 octets a line, continued after CRLF + space,
    never inside a UTF-8 sequence."""
    if line.isascii():  # one octet a character: cut by slicing (most lines of a calendar)
        if len(line) <= 75:
            return line
        return "\r\n ".join([line[:75]] + [line[i:i + 74] for i in range(75, len(line), 74)])
    if len(line.encode("utf-8")) <= 75:
        return line
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):  # a continuation line starts with one space
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)
