"""Groups of claims joined by pairs (duplicate clusters). Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def clusters(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of the pair graph, each sorted, largest first."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in parent:
        groups[root(x)].append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
