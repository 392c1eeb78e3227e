"""An HTML page -> its visible article text.

Owns: telling an HTML document from plain text, and reading a page's text with
``html.parser``: page furniture (scripts, navigation, share bars, comment threads, cookie
banners, ...) dropped with everything inside it, block elements as paragraph breaks,
entities unescaped. Which tags and class/id/role words count as furniture is data
(``html_page.toml`` in :mod:`tracker.data`).

Must not: look for sentences or attributions (that is the rest of the extractor's work).
Pure: text in, text out; no database, no printing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tracker.extract.vocabulary import (
    BLOCK_TAGS,
    BOILERPLATE_EXACT,
    BOILERPLATE_ROLES,
    BOILERPLATE_WORDS,
    SKIP_TAGS,
    VOID_TAGS,
)


def _is_boilerplate_attr(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name not in ("class", "id", "role") or not value:
            continue
        for token in re.split(r"[\s_]+", value.lower()):
            if token in BOILERPLATE_EXACT or any(w in token for w in BOILERPLATE_WORDS):
                return True
            if any(part in BOILERPLATE_EXACT for part in token.split("-")):
                return True
        if name == "role" and value.lower() in BOILERPLATE_ROLES:
            return True
    return False


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag in ("br", "hr") and not self.skipping:
                self.parts.append("\n\n")
            return
        skip = self.skipping or tag in SKIP_TAGS or _is_boilerplate_attr(attrs)
        self.stack.append((tag, skip))
        if tag in BLOCK_TAGS and not skip:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and not self.skipping:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.stack):
            return  # stray end tag: ignore rather than unbalance the stack
        while self.stack:
            t, skip = self.stack.pop()
            if t == tag:
                if tag in BLOCK_TAGS and not skip:
                    self.parts.append("\n\n")
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible article text of an HTML page: boilerplate dropped, one blank line between
    paragraphs, entities unescaped, whitespace inside a paragraph collapsed."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paras = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw))
    return "\n\n".join(p for p in paras if p)


_HTML_TAG_RE = re.compile(
    r"<(?:!doctype|html|head|body|p|div|span|a|br|article|section|h[1-6]|li|ul|ol|script|"
    r"style|nav|header|footer|meta|table|img|main|aside|em|strong|b|i)\b[^>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than plain text."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<") and _HTML_TAG_RE.match(text.lstrip()):
        return True
    return len(_HTML_TAG_RE.findall(text[:50_000])) >= 3
