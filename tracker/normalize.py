"""Compatibility module: the text layer lives in :mod:`tracker.text`.

This module only re-exports the public names of ``tracker.text`` under their old import path.
It exists until every importer imports ``tracker.text`` instead; import from there in new code.
"""

from __future__ import annotations

from tracker.text import (
    HEDGES,
    KNOWN,
    MONTHS,
    NAME_EXCEPTIONS,
    NAME_VARIANTS,
    NEGATIONS,
    PHRASE_ALIASES,
    STOPWORDS,
    AliasTable,
    Features,
    compile_aliases,
    content_tokens,
    features,
    features_and_fold,
    find_hedges,
    fold,
    fold_and_numbers,
    fold_name,
    name_key,
    normalize,
    numbers,
    word_form,
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
