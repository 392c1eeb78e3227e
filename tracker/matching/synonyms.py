"""The synonym classes and irregular forms of the content score: the built-in
``tracker/data/synonyms.toml`` merged with the user's own file.

The user's file (``synonyms.toml`` in the platform's config folder, beside the lexicon;
``TRACKER_SYNONYMS`` names another) has the built-in file's two tables::

    [classes]
    rockets = ["katyushas"]          # added to the built-in class
    convoy = ["convoy", "column"]    # a new class

    [forms]
    shot = "shoot"

A class of a built-in name gains the words; a new name is a new class; a form is added or
replaces the built-in one. After merging, a word (by its stem) is in one class at most. A
file that is not valid is refused with one sentence naming the file, the class and the
word. No database, no printing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tracker import data
from tracker.errors import InvalidInput

TABLES = ("classes", "forms")


@dataclass(frozen=True)
class Vocabulary:
    """{class name: its words as written}, {irregular form: base form}."""

    classes: Mapping[str, tuple[str, ...]]
    forms: Mapping[str, str]


def synonyms_path() -> Path:
    """Where the user's synonyms file lives (it need not exist)."""
    named = os.environ.get("TRACKER_SYNONYMS")
    if named:
        return Path(named)
    import platformdirs

    return platformdirs.user_config_path("tracker", appauthor=False) / "synonyms.toml"


def builtin() -> Vocabulary:
    table = data.toml("synonyms")
    return Vocabulary({k: tuple(v) for k, v in table["classes"].items()}, dict(table["forms"]))


def _bad(path: Path, message: str) -> InvalidInput:
    return InvalidInput(f"The synonyms file {path} is not valid: {message}; fix it or move it away.")


def _word(path: Path, where: str, value: object) -> str:
    from tracker.text import normalize

    if not isinstance(value, str):
        raise _bad(path, f"{where} holds {value!r}, which is not a word")
    if not value or normalize(value) != value or " " in value:
        hint = normalize(value)
        tip = f' (write "{hint}")' if hint and " " not in hint else " (one word per entry)"
        raise _bad(path, f'{where}: "{value}" is not one word in normalised form{tip}')
    return value


def load(path: Path | None = None, stem: Callable[[str], str] | None = None) -> Vocabulary:
    """The built-in vocabulary merged with the user's file (``path``, else
    :func:`synonyms_path`; the built-in one alone when there is none). ``stem``: the
    stemmer the classes are checked with (a word in two classes is refused)."""
    path = path or synonyms_path()
    from tracker.usersettings import read_toml

    base = builtin()
    table = read_toml(path, _bad)
    if table is None:
        return base
    extra = set(table) - set(TABLES)
    if extra:
        raise _bad(path, f"unknown table {sorted(extra)[0]!r} (expected [classes] and [forms])")
    classes = {k: list(v) for k, v in base.classes.items()}
    forms = dict(base.forms)
    user_classes = table.get("classes", {})
    if not isinstance(user_classes, dict):
        raise _bad(path, "classes must be a table of word lists")
    for name, words in user_classes.items():
        if not isinstance(words, list):
            raise _bad(path, f'class "{name}" must be a list of words')
        have = classes.setdefault(name, [])
        have.extend(w for w in (_word(path, f'class "{name}"', w) for w in words) if w not in have)
    user_forms = table.get("forms", {})
    if not isinstance(user_forms, dict):
        raise _bad(path, "forms must be a table of form = base")
    for form, base_form in user_forms.items():
        forms[_word(path, "forms", form)] = _word(path, f'form "{form}"', base_form)
    if stem is not None:
        owner: dict[str, str] = {}
        for name, words in classes.items():
            for w in words:
                s = stem(forms.get(w, w))
                if owner.setdefault(s, name) != name:
                    raise _bad(
                        path, f'"{w}" is in class "{owner[s]}" and in class "{name}" (one class per word)'
                    )
    return Vocabulary({k: tuple(v) for k, v in classes.items()}, forms)


_CHECKED: list = [None]  # the (path, mtime, size) of the file last checked


@lru_cache(maxsize=1)
def stemmer() -> Callable[[str], str]:
    import Stemmer  # PyStemmer: the Snowball algorithms in C

    return Stemmer.Stemmer("english").stemWord


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """({irregular form: base form}, {stem: class}) of the vocabulary in force."""
    vocabulary = load(stem=stemmer())
    forms = dict(vocabulary.forms)
    classes: dict[str, str] = {}
    for name, words in vocabulary.classes.items():
        for w in words:
            classes[stemmer()(forms.get(w, w))] = name
    return forms, classes


@lru_cache(maxsize=262_144)
def concept_of(word: str) -> str:
    """The concept of a word that is no name and no number: its Snowball stem (an
    irregular form first taken to its base form), or the class of that stem."""
    forms, classes = _tables()
    stem = stemmer()(forms.get(word, word))
    return classes.get(stem, stem)


# What other modules worked out with the classes in force: (module, names of caches).
_DERIVED = (
    ("tracker.matching.content", ("concepts", "form_concepts")),
    ("tracker.matching.guards", ("_org_concepts",)),
)


def _forget() -> None:
    _tables.cache_clear()
    concept_of.cache_clear()
    for module, names in _DERIVED:
        loaded = sys.modules.get(module)
        for name in names if loaded is not None else ():
            getattr(loaded, name).cache_clear()


def reset() -> None:
    """Back to the state before any check: the file is read again at the next use."""
    _CHECKED[0] = None
    _forget()


def check_file() -> None:
    """Check the user's file when it is new or changed since the last check (a file that
    is not valid raises InvalidInput), and forget every concept worked out with the
    classes in force before."""
    path = synonyms_path()
    try:
        st = path.stat()
        stamp: tuple = (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = (str(path), None)
    if stamp == _CHECKED[0]:
        return
    if stamp[1] is not None:
        load(path, stemmer())
    _CHECKED[0] = stamp
    _forget()
