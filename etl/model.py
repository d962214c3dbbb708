"""The records that flow between stages: sources -> extract -> warehouse.

These dataclasses are the contract between modules; change them here and
in `sql/schema.sql` together (NOTE: keep in sync with sql/schema.sql).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article as read from a source. `origin` says where: 'path:line'."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    origin: str = ""


@dataclass
class Fact:
    """One figure tied to one metric (see ../shared/spec/FACTS.md).

    `start`/`end` delimit `quote` in the article text: quote == text[start:end].
    `surface` is the exact wording of the number itself, at `surface_start`.
    """

    doc: str
    metric: str
    value: int                        # a count is whole; territory is whole km²
    low: int | None
    high: int | None
    qualifier: str
    unit: str
    start: int
    end: int
    quote: str
    surface: str
    surface_start: int
    rule: str
    side: str | None = None
    location: str | None = None
    place: str | None = None          # the location in one spelling (Kyiv for Kiev)
    weapon: str | None = None
    period: str | None = None
    is_part: bool = False
    claimant: str | None = None       # normalised: "Ukrainian Air Force", ...
    claimant_raw: str | None = None   # the attribution as written
    window_start: date | None = None  # the dates the figure covers
    window_end: date | None = None
    window_note: str | None = None    # why a window is null, or how it was read
    kind: str = "unknown"             # incident | period_total | running_tally | unknown
    kind_reason: str | None = None    # why it was read so

    # The keys of one `warstats extract --format jsonl` line, in order.
    JSON_KEYS = (
        "doc", "metric", "value", "low", "high", "qualifier", "side",
        "location", "weapon", "period", "is_part", "claimant", "unit",
        "kind", "window_start", "window_end", "start", "end", "quote",
    )

    def to_json_dict(self) -> dict:
        row = asdict(self)
        return {k: row[k] for k in self.JSON_KEYS}


@dataclass
class Rejection:
    """A number the extractor saw and did not keep, and why."""

    doc: str
    surface: str
    start: int
    end: int
    reason: str
    quote: str


@dataclass
class Extraction:
    """What extraction returns for one article."""

    facts: list[Fact] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
