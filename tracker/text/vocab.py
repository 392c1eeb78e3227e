"""The vocabularies of the text layer, read once from the data files in ``tracker/data/``.

Owns: turning each data file into the Python sets, tuples and dicts the text layer consults
(stopwords, month and day names, the common words that are never names, negations, number
words, the words that decide what a number counts, hedges, name spellings and the built-in
phrase aliases), including the expansion of the placeholders of ``phrase_aliases.toml``.
What the words mean is decided by the modules that use them.

Must not: touch the database, print, or change what it returns (other modules keep these
objects for the life of the process).
"""

from __future__ import annotations

import itertools
import re

from tracker.data import toml, words

STOPWORDS: frozenset[str] = words("stopwords", "words")
MONTHS: frozenset[str] = words("calendar", "months") | words("calendar", "month_abbreviations")
WEEKDAYS: frozenset[str] = words("calendar", "weekdays")
# Words capitalised at the start of a sentence or in titles that must not be taken for names
# (they are never given a name key, and never appear in Features.names).
COMMON: frozenset[str] = STOPWORDS | MONTHS | WEEKDAYS | words("common_words", "words")
NEGATIONS: frozenset[str] = words("negations", "words")
HEDGES: tuple[str, ...] = tuple(toml("hedges")["hedges"])

_numbers = toml("numbers")
UNITS: dict[str, int] = dict(_numbers["units"])
TEENS: dict[str, int] = dict(_numbers["teens"])
TENS: dict[str, int] = dict(_numbers["tens"])
MULTIPLIERS: dict[str, int] = dict(_numbers["multipliers"])
ONE_PRONOUN_PREV: frozenset[str] = frozenset(_numbers["pronoun_one"]["after"])

_counting = toml("counting")
COUNT_SKIP: frozenset[str] = frozenset(_counting["skip"])
YEAR_PREV: frozenset[str] = frozenset(_counting["year_before"])
NOT_COUNTED: frozenset[str] = frozenset(_counting["not_counted"])
IRREGULAR_PLURALS: dict[str, str] = dict(_counting["irregular_plurals"])

_names = toml("names")
NAME_VARIANTS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _names["variants"].items()}
# Letters only, after the article is removed: see name_key.
NAME_EXCEPTIONS: dict[str, str] = dict(_names["exceptions"])
KNOWN_EXTRA: tuple[str, ...] = tuple(_names["lower_case"])
# Spellings that are names even in lower case: the variant groups and the other listed names.
KNOWN: frozenset[str] = frozenset(
    s.replace("'", "") for group in NAME_VARIANTS.values() for s in group
) | frozenset(KNOWN_EXTRA)

_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def _expand(spelling: str, lists: dict[str, list[str]]) -> list[str]:
    """Every spelling ``spelling`` stands for: each ``{name}`` replaced by each word of
    ``lists[name]``, the first placeholder varying slowest."""
    names = _PLACEHOLDER_RE.findall(spelling)
    if not names:
        return [spelling]
    parts = _PLACEHOLDER_RE.split(spelling)  # literal, name, literal, name, ..., literal
    out = []
    for choice in itertools.product(*(lists[n] for n in names)):
        text = parts[0]
        for word, literal in zip(choice, parts[2::2], strict=True):
            text += word + literal
        out.append(text)
    return out


def _phrase_aliases() -> dict[str, tuple[str, ...]]:
    data = toml("phrase_aliases")
    lists = data.get("expand", {})
    return {
        canonical: tuple(s for spelling in spellings for s in _expand(spelling, lists))
        for canonical, spellings in data["aliases"].items()
    }


# canonical token -> spellings, matched on name keys after the article is dropped.
PHRASE_ALIASES: dict[str, tuple[str, ...]] = _phrase_aliases()
