"""The visible text of an HTML page, with the stdlib's html.parser only.

Drops what a reader never sees (script, style, nav, head, ...), turns block
elements into line breaks, collapses the source's own whitespace as a browser
does, and keeps the <title> and a few <meta> tags as article metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Content a reader does not see. <head> is handled apart: pages often omit
# </head>, and <body> must end it.
HIDDEN = {"script", "style", "nav", "noscript", "template", "svg", "iframe",
          "button", "select", "form"}
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
    "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
}
# <meta> names that carry the publication date, outlet and address.
META_PUBLISHED = {"article:published_time", "og:published_time",
                  "datepublished", "date", "pubdate", "dc.date", "dcterms.date"}
META_OUTLET = {"og:site_name"}
META_URL = {"og:url"}


@dataclass
class Page:
    text: str
    title: str | None = None
    published: str | None = None     # as written; parsed by the caller
    outlet: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict, repr=False)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)   # unescapes &amp; &#8212; ...
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.hidden_depth = 0
        self.pre_depth = 0
        self.in_head = self.in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (attrs.get("property") or attrs.get("name")
                   or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content") and key not in self.meta:
                self.meta[key] = attrs["content"].strip()
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower():
            self.canonical = attrs.get("href") or None
        elif tag in HIDDEN:
            self.hidden_depth += 1
        if tag == "pre":
            self.pre_depth += 1
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)     # <br/>, <meta ... />
        if tag in HIDDEN:
            self.hidden_depth -= 1

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        elif tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not (self.in_head or self.hidden_depth):
            self.parts.append(data if self.pre_depth else re.sub(r"\s+", " ", data))


def _tidy(text: str) -> str:
    """One block per line: strip each line and drop the empty ones."""
    lines = (line.strip(" \t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_page(html: str) -> Page:
    """The visible text and metadata of one HTML document.

    Whitespace runs, non-breaking spaces included, become one plain space
    (except inside <pre>), so "50&nbsp;drones" reads as "50 drones".

    >>> page = html_to_page('''<html><head><title>Night raid &amp; after</title>
    ... <style>p {color: red}</style><script>var n = 99;</script></head>
    ... <body><nav>Home | World</nav><h1>Night raid</h1>
    ... <p>Air defences downed 40 of 50&nbsp;drones.</p><p>Line<br>break</p>
    ... </body></html>''')
    >>> page.title
    'Night raid & after'
    >>> print(page.text)
    Night raid
    Air defences downed 40 of 50 drones.
    Line
    break
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    title = re.sub(r"\s+", " ", "".join(parser.title_parts)).strip()
    return Page(
        text=_tidy("".join(parser.parts)),
        title=title or None,
        published=next((meta[k] for k in META_PUBLISHED if k in meta), None),
        outlet=next((meta[k] for k in META_OUTLET if k in meta), None),
        url=parser.canonical or next((meta[k] for k in META_URL if k in meta), None),
        meta=meta,
    )
