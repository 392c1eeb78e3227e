"""The forms in which claim texts are compared.

- the *matching form* (``claims.norm``): the text normalised, with names folded to their
  transliteration keys and the analyst's aliases applied (``fold_text``);
- its *tokens*: the distinct content words of the matching form in their index form
  (a demonym as its country, a plural as its singular), as posted in the candidate
  index and looked up there (``tokens_of``);
- the *same-words form* and its *fingerprint*: case and spacing ignored, for exact
  repeats.

Pure apart from ``alias_map``, which reads the analyst's aliases through the session or
connection it is given.
"""

from __future__ import annotations

import hashlib
import string
from functools import lru_cache

from sqlalchemy import select

from tracker.matching.settings import SETTINGS
from tracker.models import NameAlias
from tracker.text import STOPWORDS, compile_aliases, fold, normalize


def alias_map(session_or_conn):
    """Analyst name aliases, compiled once ({normalised variant: normalised name}), or
    None when there are none."""
    rows = session_or_conn.execute(select(NameAlias.variant_norm, NameAlias.name)).all()
    return compile_aliases({variant: normalize(name) for variant, name in rows}) if rows else None


def fold_text(text: str, aliases=None) -> str:
    """The matching form stored in ``claims.norm`` (every uncommon word keyed)."""
    return fold(text, aliases or None, key_all=True)


@lru_cache(maxsize=1)
def skip_tokens() -> frozenset[str]:
    """Stopwords and single ASCII letters: never posted, never a candidate token."""
    return frozenset(STOPWORDS) | frozenset(string.printable) - frozenset(string.digits)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from tracker import data

    return dict(data.toml("actors")["demonyms"])


@lru_cache(maxsize=65536)
def index_form(token: str) -> str:
    """The form in which the candidate index holds a token: a demonym as the country it
    names ("araqi" -> "araq"), a plural as its singular ("militias" -> "militia",
    "casualties" -> "casualty"; only for words of letters over three long, not "-ss").
    Two claims worded in the singular and the plural then meet through the word; the
    judgement itself compares the matching forms as they are."""
    token = _demonyms().get(token, token)
    if len(token) > 3 and token[-1] == "s" and token.isalpha() and not token.endswith("ss"):
        if token.endswith("ies") and len(token) > 4:
            return token[:-3] + "y"
        return token[:-1]
    return token


def tokens_of(norm: str) -> list[str]:
    """The distinct content tokens of a matching form in their ``index_form``, as stored
    in the posting table."""
    skip = skip_tokens()
    out = [t for t in norm.split() if t not in skip]
    if not norm.isascii():
        out = [t for t in out if len(t) > 1 or t.isdigit()]
    out = list(dict.fromkeys(index_form(t) for t in out))
    if out and max(map(len, out)) > SETTINGS.max_tokens:
        out = list(dict.fromkeys(t[: SETTINGS.max_tokens] for t in out))
    return out


def posted_form(norm: str) -> str:
    """The tokens of a matching form that are posted, space-separated."""
    return " ".join(tokens_of(norm))


def same_text_form(text: str) -> str:
    """The form in which two texts count as the same words: case and spacing ignored
    (runs of Unicode whitespace become one space, as ``re``'s ``\\s+`` would)."""
    return " ".join(text.split()).casefold()


def fingerprint(text: str) -> str:
    """A hash of ``same_text_form``: an exact-repeat lookup a btree can index."""
    return hashlib.sha1(same_text_form(text).encode("utf-8")).hexdigest()
