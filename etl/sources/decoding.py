"""Bytes to text without crashing: BOMs, UTF-8, then the legacy fallbacks.

Order: a BOM decides (UTF-8, UTF-16, UTF-32); else UTF-8, with each byte
that is not UTF-8 read as cp1252 (what "Save as text" on Windows writes),
else latin-1, which never fails. So only binary content, or a BOM file that
breaks its own encoding, is a problem.
Lines are decoded one at a time, so one stray cp1252 byte spoils nothing
else and a huge file is never held whole.
"""
from __future__ import annotations

import codecs
import io
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger("etl.sources")

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
SNIFF_BYTES = 8192
_TEXT_CONTROLS = set(b"\t\n\r\f\v\b\x1b")


class Undecodable(Exception):
    """A file that is not text. Carries the problem and the fix for people."""

    def __init__(self, problem: str, fix: str):
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def open_binary(path: Path):
    """The one place files are opened (tests replace it to fake errors)."""
    return open(path, "rb")


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None.

    >>> bom_encoding(b"\\xef\\xbb\\xbfhello")
    'utf-8-sig'
    >>> bom_encoding(b"\\xff\\xfeh\\x00")
    'utf-16'
    >>> bom_encoding(b"hello") is None
    True
    """
    return next((enc for bom, enc in BOMS if head.startswith(bom)), None)


def looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text: any NUL, or >5% control bytes.

    >>> looks_binary(b"Drones were launched overnight.\\n")
    False
    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    True
    >>> looks_binary("caf\\u00e9".encode("cp1252"))
    False
    """
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 32 or b == 127) and b not in _TEXT_CONTROLS)
    return controls > 0.05 * len(sample)


def _legacy_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8, read as cp1252 byte by
    byte, or latin-1 for the five bytes cp1252 leaves undefined."""
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), error.end


codecs.register_error("etl.sources.legacy", _legacy_bytes)
_CP1252_UNDEFINED = "\x81\x8d\x8f\x90\x9d"
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding) for bytes with no BOM: UTF-8, else cp1252, else latin-1.

    Valid UTF-8 sequences are kept even when other bytes are not UTF-8, so
    a UTF-8 file with one stray byte keeps its "Київ" and only that byte
    is read as cp1252; decoding the whole file as cp1252 would garble every
    non-ASCII letter in it.

    >>> decode_bytes("Kyiv \u2014 drones".encode())
    ('Kyiv — drones', 'utf-8')
    >>> decode_bytes(b"Kyiv \\x97 drones")
    ('Kyiv — drones', 'cp1252')
    >>> decode_bytes(b"\\x81")
    ('\\x81', 'latin-1')
    >>> decode_bytes("Київ".encode() + b" \\x97 caf\\xe9")
    ('Київ — café', 'cp1252')
    """
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(raw):   # some UTF-8: keep it, byte by byte
        text = raw.decode("utf-8", "etl.sources.legacy")
    else:                             # none: all legacy, at C speed
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return raw.decode("latin-1"), "latin-1"
    return text, "latin-1" if any(c in text for c in _CP1252_UNDEFINED) else "cp1252"


def _not_text() -> Undecodable:
    return Undecodable(
        "is binary, not text (NUL or control bytes)",
        "skip it, or if it is UTF-16 text, save it as UTF-8 or with a BOM")


def read_text(path: Path) -> str:
    """A whole file as text (for one-article files); raises Undecodable."""
    with open_binary(path) as f:
        raw = f.read()
    encoding = bom_encoding(raw[:4])
    if encoding:
        try:
            return raw.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError as e:
            raise Undecodable(f"starts with a {encoding} BOM but is not valid "
                              f"{encoding} ({e.reason} at byte {e.start})",
                              f"re-save it as UTF-8") from None
    if looks_binary(raw[:SNIFF_BYTES]) or b"\x00" in raw:
        raise _not_text()
    text, used = decode_bytes(raw)
    if used != "utf-8":
        log.info("%s: not UTF-8; read as %s", path, used)
    return text


def iter_lines(path: Path, on_bad_line: Callable[[int, Undecodable], None],
               on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
    """The file's lines as text, endings kept, one at a time.

    Raises Undecodable before the first line for a binary file. A line that
    breaks its BOM's encoding goes to `on_bad_line(line_no, problem)` and is
    yielded as a blank line, so line numbers stay true and reading goes on.
    `on_bytes(n)` is told the bytes of each line read (not for BOM files,
    whose size the caller counts when they end).
    """
    with open_binary(path) as f:
        head = f.read(SNIFF_BYTES)
        f = _from_the_start(f, head)
        encoding = bom_encoding(head[:4])
        if encoding:
            yield from _iter_bom_lines(f, encoding, on_bad_line)
            return
        if looks_binary(head):
            raise _not_text()
        noted = False
        for raw in f:
            if on_bytes:
                on_bytes(len(raw))
            line, used = decode_bytes(raw)
            if used != "utf-8" and not noted:
                log.info("%s: not all UTF-8; such lines read as %s", path, used)
                noted = True
            if "\r" in line:          # old-Mac "\r" line ends, as a BOM file's
                yield from filter(None, _LONE_CR.split(line))
            else:
                yield line


# A "\r" that is not part of "\r\n" ends a line (old-Mac and some Excel
# exports), as it does for text mode and for the csv module.
_LONE_CR = re.compile(r"(?<=\r)(?!\n)")


class _Replay(io.RawIOBase):
    """A stream that cannot seek back (a named pipe), read again from its
    start: the bytes already read, then the rest."""

    def __init__(self, head: bytes, rest):
        self.head, self.rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.head:
            return self.rest.readinto(buffer)
        n = min(len(buffer), len(self.head))
        buffer[:n], self.head = self.head[:n], self.head[n:]
        return n


def _from_the_start(f, head: bytes):
    """`f` positioned at its start again, after `head` was read from it."""
    if f.seekable():
        f.seek(0)
        return f
    return io.BufferedReader(_Replay(head, f))


# Stands in for bytes that break a BOM file's encoding, so the bad line can
# be found after decoding. A private-use code point no article will hold.
_BAD = "\U0010fffd"
codecs.register_error("etl.sources.mark", lambda e: (_BAD, e.end))


def _iter_bom_lines(f, encoding: str, on_bad_line) -> Iterator[str]:
    # newline="" keeps "\r\n" inside quoted CSV fields, as the csv module wants.
    text = io.TextIOWrapper(f, encoding=encoding, errors="etl.sources.mark", newline="")
    try:
        for line_no, line in enumerate(text, 1):
            if _BAD in line:
                on_bad_line(line_no, Undecodable(
                    f"is not valid {encoding}; the line is skipped",
                    "re-save the file as UTF-8"))
                line = "\n"
            yield line.lstrip("\ufeff") if line_no == 1 else line
    finally:
        text.detach()   # leave closing the file to the caller's `with`
