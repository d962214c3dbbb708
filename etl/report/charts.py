"""One chart per named query: PNG, SVG and the CSV of the data behind it.

A chart query returns a label column first, then one numeric column per
series. Its front matter (comment lines at the top of the file) says how to
draw it:

    -- title: Drones launched and downed, per article and night
    -- value_axis: Drones (count)
    -- kind: barh            (barh = horizontal bars, the default; bar =
                             vertical bars; line = a time series: the label
                             column holds dates, drawn in date order)

Colours, fonts and sizes come from `reports/style.mplstyle`, set once.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: charts are files
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: E402
from matplotlib.ticker import MaxNLocator, StrMethodFormatter  # noqa: E402

from etl.report.safe import csv_text, path_inside, plain_text  # noqa: E402

LABEL_CHARS = 52   # longer labels are cut (in the picture only, not the CSV)
DPI = 150
MAX_X_LABELS = 16  # tick labels under vertical bars
MAX_BAR_LABELS = 30  # value labels on bars
MIN_SLOTS = 4      # bar charts are laid out for at least this many categories


def _short(label: object) -> str:
    text = plain_text(label)  # no control characters: fonts have no glyph
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _unique(labels: list[str]) -> list[str]:
    """Matplotlib merges equal category labels; number the repeats."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _bars(ax, data: pd.DataFrame, kind: str, value_axis: str) -> None:
    labels = _unique([_short(v) for v in data.iloc[:, 0]])
    series = list(data.columns[1:])
    pos = np.arange(len(labels))
    width = 0.8 / len(series)
    for i, name in enumerate(series):
        values = pd.to_numeric(data[name], errors="coerce").astype(float)
        offset = pos + (i - (len(series) - 1) / 2) * width
        draw = ax.barh if kind == "barh" else ax.bar
        # A series with no figure at all stays out of the legend.
        label = str(name) if values.notna().any() else "_nolegend_"
        bars = draw(offset, values.fillna(0), width, label=label)
        # Not reported is not zero: no bar and no label for a missing figure.
        if len(labels) * len(series) <= MAX_BAR_LABELS:  # else they collide
            ax.bar_label(bars, labels=["" if pd.isna(v) else f"{v:,.0f}"
                                       for v in values],
                         padding=2, fontsize="small")
    # With one or two categories, keep bars from filling the whole plot.
    pad = max(0.0, (MIN_SLOTS - len(labels)) / 2)
    limits = (-0.5 - pad, len(labels) - 0.5 + pad)
    values_on = ax.xaxis if kind == "barh" else ax.yaxis
    values_on.set_major_locator(MaxNLocator(integer=True))  # counts
    values_on.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.grid(axis="x" if kind == "barh" else "y")  # lines across the values only
    ax.grid(axis="y" if kind == "barh" else "x", visible=False)
    if kind == "barh":
        ax.set_yticks(pos, labels)
        ax.set_ylim(*limits)
        ax.invert_yaxis()  # first row on top, as in the table
        ax.set_xlabel(value_axis)
        ax.set_ylabel(str(data.columns[0]))
        ax.margins(x=0.12)
    else:
        # Many categories (months): label every step-th one, never overlapping.
        step = -(-len(labels) // MAX_X_LABELS)
        ax.set_xticks(pos[::step], labels[::step],
                      rotation=30 if len(labels) > 4 else 0,
                      ha="right" if len(labels) > 4 else "center")
        ax.set_xlim(*limits)
        ax.set_ylabel(value_axis)
        ax.set_xlabel(str(data.columns[0]))
        ax.margins(y=0.12)
    if len(series) > 1:
        ax.legend()


def _lines(ax, data: pd.DataFrame, value_axis: str) -> None:
    """A time series: dates along the bottom, one line per series. A date
    with no figure is a gap in its line, not a zero."""
    when = pd.to_datetime(data.iloc[:, 0])
    for name in data.columns[1:]:
        values = pd.to_numeric(data[name], errors="coerce").astype(float)
        if values.notna().any():
            ax.plot(when, values, marker="o", markersize=3, linewidth=1.2,
                    label=str(name))
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_ylabel(value_axis)
    ax.set_xlabel(str(data.columns[0]))
    ax.set_ylim(bottom=0)
    ax.grid(axis="y")
    ax.grid(axis="x", visible=False)
    if len(data.columns) > 2:
        ax.legend()


def query_frame(cols: list[str], rows: list[tuple]) -> pd.DataFrame:
    """A query's rows as a DataFrame that keeps whole numbers whole.

    pandas stores a column of ints with a NULL as floats, and its CSV then
    says "170997.0": a column whose values are all ints (a BIGINT in SQL)
    becomes the nullable Int64 instead. A DOUBLE column (a rate) stays float.
    """
    data = pd.DataFrame(rows, columns=cols)
    for i, col in enumerate(cols):
        values = [r[i] for r in rows if r[i] is not None]
        if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            data[col] = pd.array([r[i] for r in rows], dtype="Int64")
    return data


def write_csv(data: pd.DataFrame, out_dir: Path, name: str) -> Path:
    """`out_dir/charts/<name>.csv`: every row of `data`, cells a spreadsheet
    will not run as formulas."""
    charts = out_dir / "charts"
    charts.mkdir(parents=True, exist_ok=True)
    path = path_inside(charts, name, ".csv")
    data.map(csv_text).to_csv(path, index=False)
    return path


def render_chart(data: pd.DataFrame, out_dir: Path, name: str, meta: dict,
                 source: str, style: Path) -> dict[str, Path]:
    """Write charts/<name>.png, .svg and .csv; returns them by suffix.

    Empty `data` gives a chart that says so, and a CSV with only a header.
    """
    files = {s: path_inside(out_dir / "charts", name, "." + s) for s in ("png", "svg")}
    files["csv"] = write_csv(data, out_dir, name)

    kind = meta.get("kind", "barh")
    rows = len(data)
    with plt.style.context(str(style)):
        # Horizontal bars grow downwards with the rows, so labels never overlap.
        height = max(3.6, 1.6 + 0.32 * rows * max(1, len(data.columns) - 1)
                     ) if kind == "barh" else 4.5
        fig, ax = plt.subplots(figsize=(8, min(height, 14)))
        if rows == 0:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "No figures in scope: nothing to draw",
                    ha="center", va="center", transform=ax.transAxes,
                    fontsize="large", color="0.35")
        elif kind == "line":
            _lines(ax, data, meta.get("value_axis", "Count"))
        else:
            _bars(ax, data, kind, meta.get("value_axis", "Count"))
        # Titled at the figure's left edge, not the axes': long labels sit left.
        fig.suptitle(meta.get("title", name), x=0.01, ha="left",
                     fontweight="bold", fontsize="large")
        fig.text(0.01, 0.01, source, fontsize="small", color="0.35",
                 ha="left", va="bottom")
        fig.tight_layout(rect=(0, 0.05, 1, 1))
        fig.savefig(files["png"], dpi=DPI)
        fig.savefig(files["svg"])
        plt.close(fig)
    return files
