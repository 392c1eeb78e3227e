"""The opposing-action lexicon: the built-in classes of ``tracker/data/lexicon.toml`` merged
with the user's file (docs/lexicon.md), and the phrase matching that finds them in a text.

Owns: :class:`Lexicon` and its matcher (leftmost-longest, non-overlapping, negated phrases
dropped), :func:`predicate_matches` and :func:`predicates` (what a text says in lexicon
terms), the loaders (:func:`builtin_lexicon`, :func:`load_lexicon`, :func:`default_lexicon`,
the last one read again only when the user's file changes) and :func:`lexicon_path`.

Must not: touch the database, print, or import typer, rich or SQLAlchemy. A broken user
file raises :class:`~tracker.errors.InvalidInput` with a message a person can act on; the
CLI shows it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tracker.contradictions.analysis import _info, _negated_before
from tracker.contradictions.types import Opposition, PhraseMatch
from tracker.contradictions.words import _MOOD_CUE_LENGTHS, _MOOD_CUES
from tracker.data import path as data_file
from tracker.errors import InvalidInput
from tracker.text import normalize


class _Matcher:
    """Leftmost-longest, non-overlapping phrase matching over every class at once."""

    def __init__(self, oppositions: Sequence[Opposition]) -> None:
        first: dict[str, list[tuple[tuple[str, ...], PhraseMatch]]] = {}
        for opp in oppositions:
            for side, phrases in (("a", opp.a), ("b", opp.b)):
                for phrase in phrases:
                    toks = tuple(phrase.split())
                    if toks:
                        first.setdefault(toks[0], []).append((toks, PhraseMatch(opp.name, side, phrase)))
        for entries in first.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self._first = first
        self._cache: dict[str, tuple[PhraseMatch, ...]] = {}

    def scan(self, text: str) -> tuple[PhraseMatch, ...]:
        found = self._cache.get(text)
        if found is None:
            found = self._scan(_info(text).norm)
            if len(self._cache) > 65536:
                self._cache.clear()
            self._cache[text] = found
        return found

    def _scan(self, toks: tuple[str, ...], moods: bool = True) -> tuple[PhraseMatch, ...]:
        out: list[PhraseMatch] = []
        i, n = 0, len(toks)
        first = self._first
        while i < n:
            entries = first.get(toks[i])
            if entries:
                for ptoks, match in entries:
                    k = len(ptoks)
                    if i + k <= n and toks[i : i + k] == ptoks:
                        if not _negated_before(toks, i):
                            if moods:
                                mood = mood_before(toks, i)
                                match = PhraseMatch(match.opposition, match.side, match.phrase, mood, i)
                            out.append(match)
                        i += k
                        break
                else:
                    i += 1
            else:
                i += 1
        return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """The merged opposing-action lexicon: built-in entries first, then the user's."""

    oppositions: tuple[Opposition, ...]
    _matcher: _Matcher = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matcher", _Matcher(self.oppositions))

    def names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.oppositions)

    def match_tokens(self, tokens: tuple[str, ...]) -> tuple[PhraseMatch, ...]:
        """Phrases found in already normalised tokens (no caching, no text analysis): the
        cheap pass the database scan uses to pick candidate pairs."""
        return self._matcher._scan(tokens, moods=False)


def mood_before(toks: Sequence[str], i: int) -> str:
    """The mood of the predicate at token ``i`` (tracker/data/moods.toml): "open" when an
    open cue stands anywhere before it, else the mood of the nearest cue before it, else
    "fact"."""
    nearest = None
    for end in range(i, 0, -1):
        for k in _MOOD_CUE_LENGTHS:
            if k > end:
                continue
            cue = tuple(toks[end - k : end])
            for mood, cues in _MOOD_CUES.items():
                if cue in cues:
                    if mood == "open":
                        return "open"
                    if nearest is None:
                        nearest = mood
    return nearest or "fact"


def predicate_matches(text: str, lexicon: Lexicon | None = None) -> tuple[PhraseMatch, ...]:
    """Every lexicon phrase found in ``text`` (negated ones dropped), in text order."""
    lex = default_lexicon() if lexicon is None else lexicon
    return lex._matcher.scan(text)


def predicates(text: str, lexicon: Lexicon | None = None) -> dict[str, str]:
    """Opposition name -> "a" or "b": the side this text takes. An opposition whose both sides
    occur in the text is left out (it gives no signal, docs/lexicon.md)."""
    sides: dict[str, str] = {}
    both: set[str] = set()
    for m in predicate_matches(text, lexicon):
        s = sides.get(m.opposition)
        if s is None:
            sides[m.opposition] = m.side
        elif s != m.side:
            both.add(m.opposition)
    for name in both:
        del sides[name]
    return sides


def lexicon_path() -> Path:
    """Where the user's lexicon file lives (it need not exist)."""
    import platformdirs

    return platformdirs.user_config_path("tracker", appauthor=False) / "lexicon.toml"


def _read_builtin_text() -> str:
    return data_file("lexicon.toml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _builtin_entries() -> tuple[Opposition, ...]:
    data = tomllib.loads(_read_builtin_text())
    return tuple(Opposition(e["name"], tuple(e["a"]), tuple(e["b"])) for e in data["opposition"])


def builtin_lexicon() -> Lexicon:
    """The lexicon shipped with tracker, without the user's file."""
    return _builtin_lexicon()


@lru_cache(maxsize=1)
def _builtin_lexicon() -> Lexicon:
    return Lexicon(_builtin_entries())


def _bad(path: Path, message: str) -> InvalidInput:
    return InvalidInput(f"The lexicon file {path} is not valid: {message}; fix it or move it away.")


def _phrases(path: Path, name: str, side: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _bad(path, f'entry "{name}": {side} must be a list of phrases')
    out: list[str] = []
    for p in value:
        if not isinstance(p, str):
            raise _bad(path, f'entry "{name}": {side} holds {p!r}, which is not a string')
        if not p or normalize(p) != p:
            hint = normalize(p) if isinstance(p, str) and normalize(p) else ""
            tip = f' (write "{hint}")' if hint else ""
            raise _bad(path, f'entry "{name}": phrase "{p}" is not in normalised form{tip}')
        out.append(p)
    return tuple(out)


def _merge_user(builtin: Sequence[Opposition], path: Path, text: str) -> tuple[Opposition, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _bad(path, f"TOML error: {exc}") from None
    extra = set(data) - {"meta", "opposition"}
    if extra:
        raise _bad(path, f"unknown table {sorted(extra)[0]!r} (expected [[opposition]] entries)")
    entries = data.get("opposition", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise _bad(path, "opposition must be written as [[opposition]] tables")
    merged = {o.name: (list(o.a), list(o.b)) for o in builtin}
    order = [o.name for o in builtin]
    for n, entry in enumerate(entries, 1):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _bad(path, f"opposition entry {n} has no name")
        unknown = set(entry) - {"name", "a", "b"}
        if unknown:
            key = sorted(unknown)[0]
            raise _bad(path, f'entry "{name}" has an unknown key {key!r} (expected name, a, b)')
        a = _phrases(path, name, "a", entry.get("a", []))
        b = _phrases(path, name, "b", entry.get("b", []))
        if name in merged:
            ca, cb = merged[name]
            ca.extend(p for p in a if p not in ca)
            cb.extend(p for p in b if p not in cb)
        else:
            if not a or not b:
                raise _bad(path, f'new entry "{name}" needs both a and b phrases')
            merged[name] = (list(dict.fromkeys(a)), list(dict.fromkeys(b)))
            order.append(name)
    where: dict[str, str] = {}
    for name in order:
        for side, phrases in zip(("a", "b"), merged[name], strict=True):
            for p in phrases:
                here = f"{name}.{side}"
                if p in where and where[p] != here:
                    raise _bad(path, f'phrase "{p}" is in {where[p]} and in {here} (one class per phrase)')
                where[p] = here
    return tuple(Opposition(name, tuple(merged[name][0]), tuple(merged[name][1])) for name in order)


def load_lexicon(user_file: Path | None = None) -> Lexicon:
    """The built-in lexicon merged with the user's file (``user_file``, else
    :func:`lexicon_path` when it exists). A broken user file raises InvalidInput."""
    path = lexicon_path() if user_file is None else Path(user_file)
    builtin = _builtin_entries()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if user_file is not None:
            raise InvalidInput(f"The lexicon file {path} does not exist.") from None
        return _builtin_lexicon()
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(path, f"cannot be read ({exc})") from None
    return Lexicon(_merge_user(builtin, path, text))


# [environment, user file path, its (mtime, size) or None, the lexicon]
_DEFAULT: list = [None, None, "unset", None]


def _env_key() -> tuple[str | None, ...]:
    env = os.environ
    return (env.get("XDG_CONFIG_HOME"), env.get("HOME"), env.get("APPDATA"), env.get("LOCALAPPDATA"))


def default_lexicon() -> Lexicon:
    """load_lexicon() for the default user file, read again only when that file changes."""
    state = _DEFAULT
    env = _env_key()
    if state[0] != env:
        state[0], state[1], state[2] = env, lexicon_path(), "unset"
    try:
        st = os.stat(state[1])
        stamp: object = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    if stamp != state[2]:
        state[3] = load_lexicon(state[1]) if stamp is not None else _builtin_lexicon()
        state[2] = stamp
    return state[3]
