"""The text layer: the plain form, numbers, negation, the transliteration key for names, and
the features of a text that decide between "the same claim" and "a contradiction".

Modules, in the order each builds on the one before:

- ``vocab``: the word lists, read once from ``tracker/data/`` (stopwords, calendar, common
  words, negations, number and counting words, hedges, names, phrase aliases);
- ``hedges``: ``find_hedges``;
- ``numwords`` and ``normal``: ``normalize``, the canonical plain form (NFKC, case-folded,
  punctuation, quotes and dashes as spaces, number words as digits); keeps accents and every
  word; idempotent for any string;
- ``namekey``: ``name_key``, one key for every Latin spelling of an Arabic or Persian name;
- ``phrases`` and ``analyst``: built-in phrase aliases and the analyst's ``AliasTable``;
- ``fold``: the matching form, where only names get the key (tokens capitalised somewhere in
  the text, or spellings in ``KNOWN``, that are not common words), so the key, which is
  aggressive, never merges "attack" with "tack"; idempotent;
- ``counts`` and ``features``: numbers with what they count, negation, names, content words.

docs/matching.md ("Normalisation and the name key") explains the rules. Pure: no database, no
printing, no typer or rich, standard library only; cheap to import and safe to call a million
times (patterns compiled and tables built at import, ``name_key`` and per-token facts cached).
"""

from __future__ import annotations

from tracker.text.analyst import AliasTable, compile_aliases
from tracker.text.counts import numbers
from tracker.text.features import Features, features, features_and_fold, fold_and_numbers
from tracker.text.fold import content_tokens, fold, fold_name
from tracker.text.hedges import find_hedges
from tracker.text.namekey import name_key
from tracker.text.normal import normalize
from tracker.text.phrases import word_form
from tracker.text.vocab import (
    HEDGES,
    KNOWN,
    MONTHS,
    NAME_EXCEPTIONS,
    NAME_VARIANTS,
    NEGATIONS,
    PHRASE_ALIASES,
    STOPWORDS,
)

__all__ = [
    "HEDGES",
    "KNOWN",
    "MONTHS",
    "NAME_EXCEPTIONS",
    "NAME_VARIANTS",
    "NEGATIONS",
    "PHRASE_ALIASES",
    "STOPWORDS",
    "AliasTable",
    "Features",
    "compile_aliases",
    "content_tokens",
    "features",
    "features_and_fold",
    "find_hedges",
    "fold",
    "fold_and_numbers",
    "fold_name",
    "name_key",
    "normalize",
    "numbers",
    "word_form",
]
