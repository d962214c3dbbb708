"""Publication dates: read a date field, or find a date stamp in the text.

Both functions return None rather than guess: a date without a year, a
month without a day, or a numeric date that could be day-first or
month-first ("03/04/2024") is not a date we can stand behind.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

_MONTH = r"""(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?
    |july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?
    |dec(?:ember)?)\.?"""
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"

# One date written with its year, in the forms news sites use. Named groups
# so one parser reads all three. (?!\d) stops "2024" matching inside "20245".
DATE = re.compile(
    rf"""{_WEEKDAY}(?:
        (?P<iso_y>\d{{4}})[-/.](?P<iso_m>[01]?\d)[-/.](?P<iso_d>[0-3]?\d)(?!\d)  # 2024-08-23, 2024.08.23
      | (?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY}),?\s+(?P<md_y>\d{{4}})(?!\d)       # August 23, 2024
      | (?P<dm_d>{_DAY})\s+(?:of\s+)?(?P<dm_m>{_MONTH}),?\s+(?P<dm_y>\d{{4}})(?!\d)  # 23 Aug 2024
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# 23/08/2024 or 08/23/2024: only read when the order cannot be in doubt.
_NUMERIC = re.compile(r"(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>\d{4})(?!\d)")


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:      # 31 June, month 13, ...
        return None


def _from_match(m: re.Match) -> date | None:
    g = m.groupdict()
    if g["iso_y"]:
        return _date_or_none(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    if g["md_y"]:
        year, month, day = g["md_y"], g["md_m"], g["md_d"]
    else:
        year, month, day = g["dm_y"], g["dm_m"], g["dm_d"]
    return _date_or_none(int(year), MONTHS[month[:3].lower()],
                         int(re.match(r"\d+", day).group()))


def _unambiguous_numeric(m: re.Match) -> date | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if a == b or b > 12:        # a is the month, or it does not matter
        return _date_or_none(year, a, b)
    if a > 12:
        return _date_or_none(year, b, a)
    return None                 # 03/04/2024: March or April? Don't guess.


def parse_date(value: str) -> date | None:
    """The date a `published` field means, or None if it is not one.

    A time or zone after the date is ignored: the day is the one the outlet
    wrote, not converted to UTC.

    >>> parse_date("2024-08-23")
    datetime.date(2024, 8, 23)
    >>> parse_date("2024-08-23T10:00:00Z")
    datetime.date(2024, 8, 23)
    >>> parse_date("August 23, 2024")
    datetime.date(2024, 8, 23)
    >>> parse_date("23 Aug 2024")
    datetime.date(2024, 8, 23)
    >>> parse_date("Fri, 23 Aug 2024 10:00:00 GMT")
    datetime.date(2024, 8, 23)
    >>> parse_date("23 Aug 2024.")
    datetime.date(2024, 8, 23)
    >>> parse_date("23/08/2024")
    datetime.date(2024, 8, 23)
    >>> parse_date("03/04/2024") is None     # day-first or month-first?
    True
    >>> parse_date("2024-02-30") is None
    True
    >>> parse_date("last Tuesday") is None
    True
    """
    value = value.strip()
    m = DATE.match(value) or _NUMERIC.match(value)
    if not m or not _ends_cleanly(value, m.end()):
        return None
    return _from_match(m) if m.re is DATE else _unambiguous_numeric(m)


def _ends_cleanly(value: str, end: int) -> bool:
    """After the date only a time, a zone or punctuation may follow."""
    rest = value[end:]
    if not rest:
        return True
    # "T10:00Z", " 10:00 GMT", ", 10:00", "." -- but not "2024-08-23 to 2024-08-25".
    return (rest[0] == "T" or not rest[0].isalnum()) and not re.search(r"\d{4}-\d", rest)


# --- dates in article text -------------------------------------------------

# Only the top of an article carries its own date; further down, dates are
# the events it reports.
TOP_CHARS = 2000

# What may stand between "Published" and the date: "on", "at 8:35 AM,", ":".
_GAP = r"""[\s:|,-]*(?:(?:on|at)[\s:]+)?
    (?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?[\s,|-]*)?"""

_PUBLISHED = re.compile(
    rf"\b(?:first\s+)?(?:published|posted){_GAP}(?={_WEEKDAY}[\dA-Za-z])",
    re.IGNORECASE | re.VERBOSE)
_UPDATED = re.compile(
    rf"\b(?:last\s+)?(?:updated|modified){_GAP}(?={_WEEKDAY}[\dA-Za-z])",
    re.IGNORECASE | re.VERBOSE)
# A "date 2024-08-23" stamp, as some scrapers write at the top.
_STAMP = re.compile(r"\bdate:?\s+(?=\d{4}-)", re.IGNORECASE)
# A dateline: "KYIV, Aug 23, 2024 (Reuters) -" or "KYIV, Ukraine, 23 August 2024 —".
_DATELINE = re.compile(
    r"^[^\S\n]*[A-Z][A-Z.' -]{1,30}(?:,[^\S\n]*[A-Z][A-Za-z.' -]{1,30})?,[^\S\n]*",
    re.MULTILINE)


def _dates_after(pattern: re.Pattern, top: str) -> list[tuple[int, date]]:
    """(position, date) for each `pattern` match directly followed by a date."""
    found = []
    for cue in pattern.finditer(top):
        m = DATE.match(top, cue.end())
        if m and (d := _from_match(m)):
            found.append((cue.start(), d))
    return found


def date_from_text(text: str) -> date | None:
    """The publication date stamped near the top of `text`, else None.

    Looks in the first TOP_CHARS characters for a "Published ..."/"Posted ..."
    stamp, a "date 2024-08-23" stamp or a dateline with a year, and takes the
    first one found; an "Updated ..." stamp is used only when none is there.
    A dateline without a year ("KYIV, Aug 23 (Reuters) -") gives None: the
    year would be a guess.

    >>> date_from_text("KYIV, Aug 23, 2024 (Reuters) - Air defences ...")
    datetime.date(2024, 8, 23)
    >>> date_from_text("Headline\\n date 2024-08-23 Russia launched ...")
    datetime.date(2024, 8, 23)
    >>> date_from_text("By A. Writer | Published August 23, 2024 | 11:39 PM")
    datetime.date(2024, 8, 23)
    >>> date_from_text("Posted at 8:35 AM, Aug 23, 2024")
    datetime.date(2024, 8, 23)
    >>> date_from_text("Updated 24 Aug 2024\\nPublished 23 Aug 2024")
    datetime.date(2024, 8, 23)
    >>> date_from_text("KYIV, Aug 23 (Reuters) - no year here") is None
    True
    >>> date_from_text("Updated 17 minutes ago") is None
    True
    >>> date_from_text("The video, published by a channel, ...") is None
    True
    """
    top = text[:TOP_CHARS]
    stamped = (_dates_after(_PUBLISHED, top) + _dates_after(_STAMP, top)
               + _dates_after(_DATELINE, top))
    if stamped:
        return min(stamped)[1]
    updated = _dates_after(_UPDATED, top)
    return min(updated)[1] if updated else None
