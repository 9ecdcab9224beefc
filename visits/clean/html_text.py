"""HTML page -> plain text with the stdlib parser (no new dependency)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML_HINT = re.compile(r"<(?:!doctype|html|head|body|div|p|br|span|table|meta|article|section)\b", re.I)
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "button"}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "td",
    "th",
    "hr",
    "title",
    "nav",
    "aside",
    "pre",
}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:5000]))


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.has_h1 = False
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        if tag == "h1":
            self.has_h1 = True
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text, one block element per line; <title> leads when the page has no <h1>."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # malformed markup: keep whatever was parsed so far
        pass
    body = "".join(parser.parts)
    title = " ".join("".join(parser.title).split())
    # <title> is usually "headline - site"; keep the headline part only.
    title = re.split(r"\s*(?:[_|｜]|\s-\s|—)\s*", title)[0] if title else ""
    if title and not parser.has_h1:
        body = title + "\n" + body
    return body
