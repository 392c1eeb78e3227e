"""``fold``: the matching form of a text or of a name.

Owns: glued articles (al-, el-, ash-...) removed, the text normalised, free-standing "al"/"el"
dropped, built-in then analyst phrase aliases applied, and name tokens replaced by their
``name_key``; which tokens are names (capitalised somewhere in the text, or in KNOWN, and not
a common word); ``fold``, ``fold_name``, ``content_tokens`` and the analysis ``features``
builds on. ``fold`` is idempotent (fold(fold(x)) == fold(x)), with or without analyst aliases.
Must not: touch the database or print; it runs on every claim, so per-token facts are cached
(``phrases.TOKEN_INFO``) and nothing is built per call.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from functools import lru_cache

from tracker.text.analyst import compile_aliases
from tracker.text.normal import normalize
from tracker.text.numwords import NUMWORDS, convert_numbers
from tracker.text.phrases import (
    ANALYST_CANON,
    BUILTIN_CANON,
    EMPTY,
    PLAIN,
    TOKEN_INFO,
    builtin_pass,
    token_info,
)
from tracker.text.vocab import STOPWORDS

# "al-" and "el-", "ul-" and the assimilated "ash-", "as-", "an-"… before the same letter, glued
# to the next word by a hyphen. Removed from the original text so that the name after it keeps
# its capital letter. The pattern starts with the article's first letter and looks behind it
# for the start of a word (a quarter faster than starting with the look-behind).
_ARTICLE_RE = re.compile(
    r"[aeu](?<![^\W_].)(?:(?<=[eu])l|(?<=a)(?:l|(sh|th|dh|[tdrzsn])))[-‐‑](?(1)(?=\1))", re.IGNORECASE
)
# A word that starts with a capital (not in the middle of a word), a dotted acronym (U.S.), and
# the apostrophes a name may hold. The ASCII pattern is three times faster.
_CAPWORD_ASCII_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9_][A-Z])(?:(?:\.[A-Z])+|[A-Za-z0-9]*(?:['’][A-Za-z0-9]+)*)"
)
_CAPWORD_RE = re.compile(r"[^\W\d_a-z](?<![^\W_][^\W\d_a-z])(?:(?:\.[^\W\d_])+|[^\W_]*(?:['’ʼʿʾ`][^\W_]+)*)")


@lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    return tuple(normalize(word).split())


def _capitalised(text: str) -> set[str]:
    """Normalised tokens that start with a capital letter somewhere in ``text``."""
    caps: set[str] = set()
    for w in (_CAPWORD_ASCII_RE if text.isascii() else _CAPWORD_RE).findall(text):
        c = w[0]
        if "A" <= c <= "Z" or c.isupper():
            caps.update(_word_tokens(w))
    return caps


class _LazyCaps:
    """The capitalised tokens of a text, found only if something asks (``_capitalised``
    is a regex pass over the whole text, and most texts never need it)."""

    __slots__ = ("text", "caps")

    def __init__(self, text: str) -> None:
        self.text = text
        self.caps: set[str] | None = None

    def __contains__(self, token: object) -> bool:
        if self.caps is None:
            self.caps = _capitalised(self.text)
        return token in self.caps


def normal_tokens(text: str) -> tuple[str, list[str]]:
    """The text with glued articles removed, and its normalised tokens without "al"/"el"."""
    if "-" in text or "‐" in text or "‑" in text:
        text = _ARTICLE_RE.sub("", text)
    ntoks = normalize(text).split()
    if "al" in ntoks or "el" in ntoks:
        ntoks = [t for t in ntoks if t != "al" and t != "el"]
        if not NUMWORDS.isdisjoint(ntoks):
            ntoks = convert_numbers(ntoks)  # dropping a word can join a number phrase
    return text, ntoks


def analyse(
    text: str,
    aliases: Mapping[str, str] | None,
    all_names: bool,
    key_all: bool = False,
    names_too: bool = True,
) -> tuple[list[str], list[str], list[str]]:
    """Return (normalised tokens, folded tokens, name keys) of ``text``.

    Steps: strip glued articles; normalize; drop "al"/"el"; built-in phrase aliases; analyst
    aliases; name tokens replaced by their key.
    """
    text, ntoks = normal_tokens(text)
    caps: Container[str] = EMPTY if all_names else _LazyCaps(text)
    toks, kinds = builtin_pass(ntoks, caps, all_names)
    table = compile_aliases(aliases)
    if table is not None:
        toks, kinds = table.apply(toks, kinds)
    if kinds is None and key_all and not names_too:
        # The matching form: every token keyed, names or not (the common case, in one pass).
        get = TOKEN_INFO.get
        return ntoks, [t if (k := (get(t) or token_info(t))[3]) is None else k for t in toks], []
    out: list[str] = []
    names: list[str] = []
    for i, t in enumerate(toks):
        kind = kinds[i] if kinds is not None else PLAIN
        if kind == BUILTIN_CANON:
            out.append(t)
            names.append(t)
            continue
        info = TOKEN_INFO.get(t) or token_info(t)
        keyed = info[3]
        if keyed is None:
            out.append(t)
        elif key_all and not names_too:
            out.append(keyed)  # whether it is a name does not matter here
        elif all_names or info[4] or t in caps or kind == ANALYST_CANON:
            out.append(keyed)
            names.append(keyed)
        elif key_all:
            out.append(keyed)
        else:
            out.append(t)
    return ntoks, out, names


def fold(text: str, aliases: Mapping[str, str] | None = None, *, key_all: bool = False) -> str:
    """The folded form of ``text``: normalised, the article "al"/"el" dropped, phrase aliases
    applied (PHRASE_ALIASES, then the analyst's ``aliases``, which win), and every name token
    replaced by its ``name_key``. A token is a name when it is capitalised somewhere in
    ``text`` or is in KNOWN, and is not a common word (STOPWORDS, months, days, frequent news
    words). Idempotent: fold(fold(x)) == fold(x).

    ``key_all=True`` is the form near-duplicate matching stores (``claims.norm``): every
    uncommon word is keyed whatever its case, so that a repost in lower case or Title Case
    folds exactly like the original. A few common words then share a key ("went"/"want"),
    which matters only when the rest of two sentences is the same anyway.
    """
    return " ".join(analyse(text, aliases, False, key_all, names_too=False)[1])


def fold_name(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """Key of a whole (possibly multi-word) name: every word is taken as part of the name,
    whatever its case. fold_name("Abu Mahdi al-Muhandis") == fold_name("abu mahdi al mohandis").
    """
    return " ".join(analyse(name, aliases, True)[1])


def content_tokens(text: str, aliases: Mapping[str, str] | None = None) -> list[str]:
    """Folded tokens of ``text`` without STOPWORDS, in text order (repeats kept)."""
    return [t for t in analyse(text, aliases, False)[1] if t not in STOPWORDS]
