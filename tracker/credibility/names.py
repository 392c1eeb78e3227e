"""Comparison keys of the credibility rules: outlet and actor names, grade letters, outlet
kinds.

Owns how two spellings are judged the same ("The Associated Press" and "associated
press."), which grade strings count as Admiralty letters, and how an outlet kind is
compared. Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tracker.credibility.facts import ADMIRALTY_GRADES

_POSSESSIVE_RE = re.compile(r"['’ʼ]s\b", re.IGNORECASE)
_APOSTROPHE_RE = re.compile(r"['’‘`´ʼ]")
_NON_WORD_RE = re.compile(r"[\W_]+")


@lru_cache(maxsize=262_144)
def name_key(name: str) -> str:
    """Comparison key for outlet and actor names.

    Case-, accent- and punctuation-insensitive; drops possessive 's and the word "the", so
    "The Associated Press", "associated press" and "Associated Press." share a key.
    """
    if name.isascii():
        text = name.lower()  # what the general path gives for ASCII, much faster
    else:
        text = unicodedata.normalize("NFKD", name).translate(_NO_MARKS).casefold()
    text = _APOSTROPHE_RE.sub("", _POSSESSIVE_RE.sub("", text))
    words = _NON_WORD_RE.sub(" ", text).split()
    if "the" in words:
        words = [w for w in words if w != "the"]
    return " ".join(words)


class _MarkTable(dict):
    """str.translate table that drops combining marks, filled on first sight of a character."""

    def __missing__(self, cp: int) -> str | None:
        out = None if unicodedata.combining(chr(cp)) else chr(cp)
        self[cp] = out
        return out


_NO_MARKS = _MarkTable()


def grade_letter(grade: str | None) -> str | None:
    """The Admiralty letter A-F of ``grade`` (any case, spaces around), or None."""
    if grade is None:
        return None
    letter = grade.strip().upper()
    return letter if letter in ADMIRALTY_GRADES else None


def kind_key(kind: str | None) -> str:
    """An outlet kind as compared: "Armed group", "armed_group" and "armed-group" are one."""
    return re.sub(r"[\s_]+", "-", (kind or "").strip().casefold())
