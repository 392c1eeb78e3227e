"""Built-in phrase aliases and the facts ``fold`` needs about each distinct token.

Owns: the compiled table of ``PHRASE_ALIASES`` (``tracker/data/phrase_aliases.toml``, matched
on name keys, so every spelling of each word counts), the per-token cache (name key, phrases
starting with it, whether it can be a name), ``word_form`` and the built-in alias pass over a
token list. Must not: touch the database or print; everything here is computed once per
distinct token or once at import.
"""

from __future__ import annotations

from collections.abc import Container

from tracker.text.namekey import name_key
from tracker.text.normal import normalize
from tracker.text.numwords import NUMWORDS
from tracker.text.vocab import COMMON, KNOWN, PHRASE_ALIASES

EMPTY: frozenset[str] = frozenset()

# A key must never read as something normalize() or fold() treats specially, or fold() would
# not be idempotent ("a" + "hundred" -> "100", "al" dropped); such tokens keep their own form.
_RESERVED_KEYS = frozenset(("a", "al", "el", "and", "per")) | NUMWORDS


def name_keys(tokens: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name_key(t) for t in tokens)


def phrase_tokens(phrase: str) -> list[str]:
    """The normalised tokens of an alias phrase, without the article "al"/"el"."""
    return [t for t in normalize(phrase).split() if t not in ("al", "el")]


def _compile_builtins() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[int, ...]]]:
    table: dict[tuple[str, ...], str] = {}
    for canonical, spellings in PHRASE_ALIASES.items():
        for spelling in (canonical, *spellings):
            table[name_keys(phrase_tokens(spelling))] = canonical
    first: dict[str, set[int]] = {}
    for keys in table:
        first.setdefault(keys[0], set()).add(len(keys))
    return table, {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}


_BUILTIN, _BUILTIN_FIRST = _compile_builtins()

# Token kinds in the stream between the phrase passes and the keying step.
PLAIN, BUILTIN_CANON, ANALYST_CANON = 0, 1, 2

# Per-token facts, computed once per distinct token:
# (name key, lengths of built-in phrases starting with this key, the one-word built-in alias,
#  the folded form when the token is a name or None when it can never be one, token in KNOWN)
TokenInfo = tuple[str, tuple[int, ...] | None, str | None, str | None, bool]
TOKEN_INFO: dict[str, TokenInfo] = {}


def token_info(t: str) -> TokenInfo:
    """The facts about token ``t``, computed and kept in TOKEN_INFO (callers look there first)."""
    k = name_key(t)
    lens = _BUILTIN_FIRST.get(k)
    single = _BUILTIN.get((k,))
    if single is not None and t in COMMON and t != single:
        single = None  # a common word is never an alias: "On" keys like "UN" but stays "on"
    if single is None and lens is not None and 1 in lens:
        # no one-word alias to apply: only longer phrases can start here
        lens = tuple(n for n in lens if n != 1) or None
    keyed = None
    if t not in COMMON and not t[0].isdigit():
        keyed = t if k in _RESERVED_KEYS else k
    info = (k, lens, single, keyed, t in KNOWN)
    if len(TOKEN_INFO) >= 500_000:
        TOKEN_INFO.clear()
    TOKEN_INFO[t] = info
    return info


def word_form(t: str) -> str:
    """The form a normalised word takes in the matching form (``fold(key_all=True)``),
    outside a phrase alias: its name key unless it is a common word or a number."""
    return (TOKEN_INFO.get(t) or token_info(t))[3] or t


def builtin_pass(
    toks: list[str], caps: Container[str], all_names: bool
) -> tuple[list[str], list[int] | None]:
    """Replace built-in phrase aliases; kinds is None when nothing was replaced."""
    out: list[str] = []
    kinds: list[int] | None = None
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        info = TOKEN_INFO.get(t) or token_info(t)
        lens = info[1]
        if lens is not None:
            repl = None
            for length in lens:
                if length == 1:
                    # one word is the alias only when it is a name here: not "hashed out"
                    if all_names or info[4] or t in caps:
                        repl = info[2]
                elif i + length <= n:
                    repl = _BUILTIN.get(name_keys(toks[i : i + length]))
                if repl is not None:
                    break
            if repl is not None:
                if kinds is None:
                    kinds = [PLAIN] * len(out)
                out.append(repl)
                kinds.append(BUILTIN_CANON)
                i += length
                continue
        out.append(t)
        if kinds is not None:
            kinds.append(PLAIN)
        i += 1
    return out, kinds
