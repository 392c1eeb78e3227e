"""Quotations and the assertion text of a sentence.

Owns: masking quoted words (so a verb or a comma inside a quotation is never read as
attribution), telling a sentence that is one quotation, and making a claim's text out of
what an attribution frame cut from its sentence.

Must not: decide who speaks or whether a sentence attributes anything. Pure: text in,
text out; no database, no printing.
"""

from __future__ import annotations

import re


def mask_quotes(s: str, open_at_start: bool) -> tuple[str, bool]:
    """Replace quoted text (not the quote marks) with underscores so verbs and commas
    inside quotations are ignored. Returns the masked text and whether a quotation is
    still open at the end of the sentence."""
    out = list(s)
    inside = open_at_start
    straight_open = open_at_start
    for i, ch in enumerate(s):
        if ch == "“":
            inside = True
            continue
        if ch == "”":
            inside = False
            straight_open = False
            continue
        if ch == '"':
            straight_open = not straight_open
            inside = straight_open
            continue
        if inside:
            out[i] = "_"
    return "".join(out), inside


def is_fully_quoted(s: str) -> bool:
    return bool(re.fullmatch(r"[“\"][^“”\"]+[”\"][.!?]?", s.strip())) or bool(
        re.fullmatch(r"[“\"][^“”\"]+[.!?,][”\"]", s.strip())
    )


_DATELINE_RE = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}\s*[—–-]\s*|[A-Z][A-Z/ .'-]{2,}(?:,[^—–]{0,40})?(?:\s*\([^)]*\))?"
    r"\s*[—–]\s*)"
)
_PRONOUN_START_RE = re.compile(r"^[“\"]?(?:it|its|he|his|she|her|they|their|them|we|our|i)\b", re.IGNORECASE)


def tidy_content(s: str) -> str:
    """A piece of a sentence as a claim's text: dateline and leading day dropped, stray
    quotation marks and separators trimmed, capitalised, ended with a full stop."""
    s = _DATELINE_RE.sub("", s.strip())
    s = re.sub(
        r"^(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
        r"today|tonight|last\s+(?:week|month|night))(?![’'\w]),?\s+",
        "",
        s,
    )
    s = re.sub(r",?\s+and\s+that\s+", " and ", s)
    s = re.sub(r"^[\s,;:—–-]+|[\s,;:—–-]+$", "", s)
    if re.fullmatch(r"[“\"][^“”\"]+[”\"][.!?]?", s) or re.fullmatch(r"[“\"][^“”\"]+[.!?,][”\"]", s):
        s = s.strip(".!?").strip('“”"')
    s = s.strip().rstrip(",;:")
    if s.startswith(("“", '"')) and not re.search(r"[”\"]", s[1:]):
        s = s[1:]
    if s.endswith(("”", '"')) and not re.search(r"[“\"]", s[:-1]):
        s = s[:-1]
    s = s.strip().rstrip(",;:")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    if not re.search(r"[.!?][”\"’']?$", s):
        s += "."
    return s


def assertion(sentence: str, kind: str, cut: str | None) -> str:
    """The claim text of ``sentence``: the part a frame of ``kind`` cut out of it (``cut``),
    or the whole sentence when that part would not stand alone."""
    content = tidy_content(cut) if cut else ""
    if (
        len(content.split()) < 3
        or (
            _PRONOUN_START_RE.match(content)
            and kind in ("head", "according")
            and not re.match(r"\s*[“\"]", cut or "")  # a quotation keeps its "we"
        )
        or re.match(r"(?i)so\b", content)
    ):
        # A bare pronoun would lose its referent once the attribution is cut.
        content = tidy_content(sentence)
    return content
