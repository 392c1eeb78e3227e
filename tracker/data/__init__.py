"""The vocabularies the judgement reads, as data files beside this module, and the one
function that reads them.

Each ``NAME.toml`` here is a table of word lists (weapons, casualties, months,
stopwords, reporting verbs, the opposing-action lexicon, ...). The modules that use a
vocabulary interpret it; this module only finds and parses the file, once per process.
Pure: no database, no printing.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The data file ``name`` (with its suffix, e.g. ``lexicon.toml``)."""
    return HERE / name


@cache
def toml(name: str) -> dict:
    """The parsed ``NAME.toml`` of this folder, read once (do not change what it returns)."""
    with open(HERE / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)


def words(name: str, table: str) -> frozenset[str]:
    """The words of list ``table`` in ``NAME.toml``, as a set."""
    return frozenset(toml(name)[table])
