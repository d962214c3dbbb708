"""Make untrusted article text safe to drop into markdown, CSV and file names.

Article text (quotes, titles, outlets, ids, urls) comes from the web. Put
into a briefing as is, `<script>` would run, `[x](javascript:...)` would
become a link, `![i](...)` would load an image, `|` would split a table cell
and `[^1]` would hijack a footnote. Everything a query returns as text goes
through `md_text` before it reaches the page.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

# Characters with a meaning in CommonMark / GFM inline syntax or GFM tables.
# `<`, `>` and `&` become entities instead (a backslash does not stop HTML).
# `$` starts math and `~` strikethrough on GitHub; `^` is inert once `[` is.
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+!|~$])")
# Newlines and other separators would end a table row or start a block.
_SPACES = re.compile(r"[\s\u2028\u2029\u0085]+")
# C0/C1 controls and bidi overrides (which can make text read backwards).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200e\u200f"
                       r"\u202a-\u202e\u2066-\u2069]")
# Only plain web links become links; anything else (javascript:, data:, ...)
# is dropped. Parentheses, quotes and spaces would end the link early.
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+", re.IGNORECASE)
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_text(value: object) -> str:
    """`value` on one line, without control or bidi characters.

    >>> plain_text('a\\n\\u202eb\\x00  c')
    'a b c'
    """
    if value is None:
        return ""
    return _SPACES.sub(" ", _CONTROLS.sub("", str(value))).strip()


def md_text(value: object) -> str:
    r"""Inline markdown that shows `value` as plain text, on one line.

    >>> md_text('<script>alert(1)</script>')
    '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'
    >>> md_text('a | b\n[^1]')
    'a \\| b \\[^1\\]'
    >>> md_text(None)
    ''
    """
    text = plain_text(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_PUNCT.sub(r"\\\1", text)


def md_link(label: str, url: object) -> str:
    """`[label](url)` for an http(s) url, else "" (the url is not shown).

    >>> md_link('link', 'https://example.org/a?b=1')
    '[link](https://example.org/a?b=1)'
    >>> md_link('link', 'javascript:alert(1)')
    ''
    """
    if url is None or not _SAFE_URL.fullmatch(str(url).strip()):
        return ""
    return f"[{md_text(label)}]({str(url).strip()})"


def format_number(value: object) -> str:
    """A number as a reader wants it: thousands separators, no trailing .0.

    >>> format_number(1234.0), format_number(66.66667), format_number(None)
    ('1,234', '66.7', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.1f}"


def format_cell(value: object) -> str:
    """Any value a query returns, as safe inline markdown."""
    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return md_text(value)


def csv_text(value: object) -> object:
    """A CSV cell a spreadsheet will not run as a formula.

    >>> csv_text('=HYPERLINK("x")'), csv_text(3)
    ('\\'=HYPERLINK("x")', 3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_stem(name: str) -> str:
    """A file stem made only of `[A-Za-z0-9_-]`, so it cannot leave its folder.

    >>> safe_stem('../../etc/passwd'), safe_stem('drones_by_night')
    ('etc_passwd', 'drones_by_night')
    """
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_-")
    return stem or "unnamed"


def path_inside(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/<safe stem><suffix>`, checked to resolve inside `folder`."""
    path = (folder / (safe_stem(stem) + suffix)).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ValueError(f"{path} is outside {folder}")  # unreachable by design
    return path
