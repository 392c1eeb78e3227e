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


def around_representatives(pairs: Iterable[tuple[int, int, tuple]]) -> list[list[int]]:
    """Groups that do not chain: each a representative and the claims paired with it
    directly. ``pairs`` are (a, b, rank), placed strongest first (the smallest ``rank``).
    A pair of two claims in no group starts one, led by the older; a pair of a group's
    representative and a claim in no group adds the claim to it; any other pair groups
    nothing. So a claim is in one group at most, every member is paired with its
    representative, and two claims each close to a third member never meet through it.
    Each group is listed representative first, then oldest first; largest groups first."""
    lead: dict[int, int] = {}  # claim -> the representative of its group
    groups: dict[int, list[int]] = {}
    for a, b, _ in sorted(pairs, key=lambda p: (p[2], min(p[0], p[1]), max(p[0], p[1]))):
        la, lb = lead.get(a), lead.get(b)
        if la is None and lb is None:
            rep, other = min(a, b), max(a, b)
            lead[rep] = lead[other] = rep
            groups[rep] = [rep, other]
        elif la == a and lb is None:
            lead[b] = a
            groups[a].append(b)
        elif lb == b and la is None:
            lead[a] = b
            groups[b].append(a)
    listed = [[rep, *sorted(m for m in members if m != rep)] for rep, members in groups.items()]
    return sorted(listed, key=lambda g: (-len(g), g[0]))
