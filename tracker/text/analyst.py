"""Analyst aliases (variant phrase -> canonical phrase), compiled once for ``fold``.

Owns: ``AliasTable`` (both sides through the built-in phrase aliases, variants matched on name
keys word by word, chains followed to the end) and ``compile_aliases``. The aliases come from
the caller (the analyst's table in the database); this module never reads them itself.
Must not: touch the database or print.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tracker.text.namekey import name_key
from tracker.text.phrases import ANALYST_CANON, EMPTY, PLAIN, builtin_pass, name_keys, phrase_tokens


class AliasTable(Mapping[str, str]):
    """Analyst aliases (variant phrase -> canonical phrase), compiled once for ``fold``.

    ``fold(text, aliases)`` accepts any mapping and compiles it on each call; build one
    AliasTable and pass it instead when folding many texts. Both sides go through the built-in
    phrase aliases first, so an alias written for "popular mobilization forces" applies to
    every spelling of the PMF: the analyst's word wins over the built-in table. Variants are
    matched on name keys word by word ("Abou Fadak" meets an alias written "Abu Fadak"). Chains
    (a -> b, b -> c) are followed to the end, and each canonical phrase maps to itself, so
    folding a folded text finds it again.
    """

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self._data = dict(aliases)
        norm: dict[str, str] = {}
        for variant, canonical in self._data.items():
            v = " ".join(builtin_pass(phrase_tokens(variant), EMPTY, False)[0])
            c = " ".join(builtin_pass(phrase_tokens(canonical), EMPTY, False)[0])
            if v and c:
                norm[v] = c
        resolved: dict[str, str] = {}
        for v, c in norm.items():
            seen = {v}
            while c in norm and c not in seen and norm[c] != c:
                seen.add(c)
                c = norm[c]
            resolved[v] = c
        for c in set(resolved.values()):
            resolved.setdefault(c, c)
        self._table: dict[tuple[str, ...], tuple[str, ...]] = {
            name_keys(v.split()): tuple(c.split()) for v, c in resolved.items()
        }
        first: dict[str, set[int]] = {}
        for keys in self._table:
            first.setdefault(keys[0], set()).add(len(keys))
        self._first = {k: tuple(sorted(v, reverse=True)) for k, v in first.items()}

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def apply(self, tokens: list[str], kinds: list[int] | None = None) -> tuple[list[str], list[int] | None]:
        """Replace variants in ``tokens``; canonical tokens get kind ANALYST_CANON.

        Repeated until nothing changes (a few rounds at most), so that a replacement which forms
        a new variant with its neighbours is replaced too and folding the result again changes
        nothing.
        """
        for _ in range(6):
            tokens, kinds, changed = self._apply_once(tokens, kinds)
            if not changed:
                break
        return tokens, kinds

    def _apply_once(
        self, tokens: list[str], kinds: list[int] | None
    ) -> tuple[list[str], list[int] | None, bool]:
        out: list[str] = []
        out_kinds: list[int] = []
        hit = changed = False
        i, n = 0, len(tokens)
        while i < n:
            lens = self._first.get(name_key(tokens[i]))
            if lens:
                for length in lens:
                    if i + length > n:
                        continue
                    span = tokens[i : i + length]
                    repl = self._table.get(name_keys(span))
                    if repl is not None:
                        out.extend(repl)
                        out_kinds.extend([ANALYST_CANON] * len(repl))
                        changed = changed or list(repl) != span
                        hit = True
                        i += length
                        break
                else:
                    lens = None
            if not lens:
                out.append(tokens[i])
                out_kinds.append(kinds[i] if kinds is not None else PLAIN)
                i += 1
        return out, (out_kinds if hit or kinds is not None else None), changed


def compile_aliases(aliases: Mapping[str, str] | None) -> AliasTable | None:
    """Compile analyst aliases once; pass the result to fold/features for bulk work."""
    if aliases is None or isinstance(aliases, AliasTable):
        return aliases
    return AliasTable(aliases) if aliases else None
