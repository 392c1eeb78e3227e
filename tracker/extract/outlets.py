"""Outlets a sentence cites as the origin of what it reports (a candidate's ``via``).

Owns: finding a known outlet's name in a phrase (the names are data: ``news_outlets.toml``
in :mod:`tracker.data`), the citation shapes that make it the sentence's origin ("told
Reuters", "according to Kurdistan 24", "the AP reported"), and the outlet rules of a
speaker: an outlet speaking for itself, an outlet citing someone, a "…: report" headline
crediting the outlet the next sentences cite.

Must not: decide whether a sentence attributes anything. Pure: text in, names out; no
database, no printing.
"""

from __future__ import annotations

import re

from tracker.extract.content import mask_quotes
from tracker.extract.phrases import plausible_speaker
from tracker.extract.vocabulary import OUTLET_RE


def find_outlet(s: str) -> str | None:
    """The first outlet named in ``s``, as written."""
    m = OUTLET_RE.search(s)
    return m.group(0).strip() if m else None


_VIA_PATTERNS = tuple(
    re.compile(p.replace("{o}", OUTLET_RE.pattern))
    for p in (
        r"\btold\s+(?:the\s+)?(?P<o>{o})",
        r"\b(?:statement|interview|remarks|comments|[Ss]peaking|spoke|[Tt]alking|talked|speaks)\s+"
        r"(?:to|with)\s+(?:the\s+)?(?P<o>{o})",
        r"\b(?:quoted|cited|reported|confirmed|published|revealed)\s+by\s+(?:the\s+)?(?P<o>{o})",
        r"\bconfirmed\s+to\s+(?:the\s+)?(?P<o>{o})",
        r"\baccording\s+to\s+(?:the\s+|a\s+)?(?P<o>{o})",
        r"(?P<o>{o})(?:'s|’s)?\s+(?:\w+\s+)?(?:reported|reports|said|says|quoted|cited|claimed|"
        r"revealed|wrote|confirmed)\b",
        r"(?P<o>{o}),\s+which\s+(?:\w+\s+)?(?:said|reported|cited|quoted)",
    )
)


def via_in(sentence_masked: str, sentence: str) -> str | None:
    """The outlet ``sentence`` cites as its origin ("told Reuters", "the AP reported"), as
    written; the leftmost when it cites several. ``sentence_masked`` has its quoted words
    blanked, so an outlet named inside a quotation is not cited."""
    if not OUTLET_RE.search(sentence_masked):
        return None
    best: tuple[int, str] | None = None
    for p in _VIA_PATTERNS:
        for m in p.finditer(sentence_masked):
            o = m.group("o").strip()
            if best is None or m.start() < best[0]:
                best = (m.start(), sentence[m.start("o") : m.start("o") + len(o)])
    return best[1] if best else None


def cited_after(index: int, sentences: list[str]) -> str | None:
    """The first outlet cited by the six sentences after ``index``: the origin of a
    "…: report" headline."""
    for j in range(index + 1, min(index + 7, len(sentences))):
        v = via_in(mask_quotes(sentences[j], False)[0], sentences[j])
        if v:
            return v
    return None


def outlet_speaking(speaker: str) -> str | None:
    """The outlet when ``speaker`` is an outlet or its own work: "Reuters", "the AP report",
    "a tally kept by the AFP news agency"."""
    o = find_outlet(speaker)
    if o and re.search(
        r"(?i)^(?:(?:a|an|the)\s+(?:tally|count|report|analysis|review|survey|"
        r"investigation|database)(?:\s+(?:kept|compiled|conducted|published|made))?"
        r"\s+by\s+)?(?:the\s+)?" + re.escape(o) + r"(?:\s+(?:report|story|"
        r"newspaper|news agency|agency))?$",
        speaker,
    ):
        return o
    return None


def cited_by_outlet(sentence: str) -> str | None:
    """Whom the outlet speaking in ``sentence`` cites ("…, Reuters said, citing two
    officials"): that one is the speaker."""
    cite = re.search(r"\bciting\s+(?P<np>[^,.;]+)", sentence)
    if cite and plausible_speaker(cite.group("np").strip()):
        return cite.group("np").strip()
    return None
