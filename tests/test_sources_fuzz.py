"""Property tests: whatever bytes a file holds, the readers read or report.

For any content under any of the extensions read (.txt, .jsonl, .csv,
.html), `read_articles` with an `on_problem` never raises; every problem
says `PATH[:LINE]: what is wrong — what to do`; every article has a
non-blank text and an id of its own; reading twice gives the same result.
Examples are bounded so `make test` stays fast.
"""
from __future__ import annotations

import codecs
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.sources import read_articles

SUFFIXES = [".txt", ".jsonl", ".csv", ".html"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8)
records = st.fixed_dictionaries({}, optional={
    "id": json_values, "text": st.text(max_size=80) | json_values,
    "published": st.text(max_size=20) | json_values, "title": json_values,
    "url": json_values, "outlet": json_values})
jsonl_text = st.lists(records.map(json.dumps) | st.text(max_size=40), max_size=6).map(
    lambda lines: "\n".join(lines) + "\n")
csv_text = st.lists(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=20)
                             | st.sampled_from(['"', '","', "\n", '"a\nb"', "text", "id"]),
                             max_size=4).map(",".join),
                    max_size=6).map(lambda rows: "id,text,published\n" + "\n".join(rows))
html_text = st.lists(st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<title>",
                                      "&amp;", "&#x", "<br>", "<!--", "-->", "<style>"])
                     | st.text(max_size=20), max_size=12).map("".join)


@st.composite
def encoded(draw, text):
    """Text as bytes: UTF-8, UTF-16 (BOM or not), cp1252, latin-1, cut short."""
    how = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1",
                                "utf-8-sig", "truncated"]))
    if how == "truncated":
        raw = text.encode("utf-16")
        return raw[:max(0, len(raw) - 1)]
    return text.encode(how, errors="replace") if how in ("cp1252", "latin-1") else text.encode(how)


contents = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).flatmap(encoded),
    jsonl_text.flatmap(encoded),
    csv_text.flatmap(encoded),
    html_text.flatmap(encoded),
    st.binary(max_size=200).map(lambda b: codecs.BOM_UTF16_LE + b),
)


def read_all(path: Path):
    problems = []
    articles = [(a.id, a.text, a.published, a.title)
                for a in read_articles(path, on_problem=problems.append)]
    return articles, problems


@settings(max_examples=300, deadline=None)
@given(content=contents, suffix=st.sampled_from(SUFFIXES))
def test_any_file_is_read_or_reported(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f{suffix}"
        path.write_bytes(content)
        articles, problems = read_all(path)
        for problem in problems:
            assert str(problem).startswith(f"{path}"), problem
            assert problem.problem and problem.fix and " — " in str(problem)
        ids = [doc for doc, *_ in articles]
        assert len(ids) == len(set(ids)) and all(ids)
        assert all(isinstance(text, str) and text.strip() for _, text, *_ in articles)
        again = read_all(path)
        assert again[0] == articles and [str(p) for p in again[1]] == [str(p) for p in problems]
