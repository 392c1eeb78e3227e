"""What the judgement reads of one claim text besides its matching form: the numbers
with what they count, the polarity marks and the opposing-action lexicon sides
(``TextFacts``), each worked out once per text and process; and the claim's posted form
in the candidate index: its tokens, and a *side marker* for each side of the lexicon it
takes (``lex.<opposition>.<a|b>``, a form no text token has), through which a claim finds
the claims on the other side of an opposition.

Pure: no database, no printing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from tracker import contradictions as det
from tracker.matching.form import tokens_of
from tracker.matching.similarity import TextFacts, cached_polarity_marks, numbers_of
from tracker.text import normalize

MARKER = "lex."
"""The start of every side marker. Text tokens never hold a "." after a letter."""

_SIDES: dict[str, frozenset[tuple[str, str]]] = {}
_LEXICON: list = []
_NONE: frozenset[tuple[str, str]] = frozenset()


def lexicon() -> det.Lexicon:
    """The lexicon in force (built-in and the user's file), loaded once per process."""
    if not _LEXICON:
        _LEXICON.append(det.default_lexicon())
    return _LEXICON[0]


def lexicon_sides(text: str) -> frozenset[tuple[str, str]]:
    """The (opposition, side) pairs of the lexicon that a claim's text matches."""
    sides = _SIDES.get(text)
    if sides is None:
        found = lexicon().match_tokens(tuple(normalize(text).split()))
        sides = frozenset((m.opposition, m.side) for m in found) if found else _NONE
        if len(_SIDES) > 200_000:
            _SIDES.clear()
        _SIDES[text] = sides
    return sides


def text_facts(text: str) -> TextFacts:
    """The ``TextFacts`` of a claim text."""
    return TextFacts(numbers_of(text), cached_polarity_marks(text), lexicon_sides(text))


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".")
    if not slug or not slug.isascii():
        slug = "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]
    return slug


def side_markers(sides: Iterable[tuple[str, str]]) -> list[str]:
    """The markers of the lexicon sides a text takes, in a fixed order."""
    return sorted(f"{MARKER}{_slug(name)}.{side}" for name, side in sides)


def opposite_markers(sides: Iterable[tuple[str, str]]) -> list[str]:
    """The markers of the sides opposite to those a text takes."""
    return side_markers((name, "b" if side == "a" else "a") for name, side in sides)


def posted_tokens(text: str, norm: str) -> list[str]:
    """What the candidate index posts for a claim: its tokens, then its side markers."""
    return tokens_of(norm) + side_markers(lexicon_sides(text))


def split_posted(posted: Iterable[str]) -> tuple[list[str], list[str]]:
    """A posted form as (its text tokens, the markers of the sides opposite to its own)."""
    tokens, partners = [], []
    for t in posted:
        if t.startswith(MARKER):
            partners.append(t[:-1] + ("b" if t[-1] == "a" else "a"))
        else:
            tokens.append(t)
    return tokens, sorted(partners)
