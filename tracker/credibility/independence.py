"""Independence: which appearances of a claim are one origin and which are independent.

Owns the grouping of appearances into origins (a repost "via AP" counts for AP, citation
chains collapse to their root, the same outlet and URL twice is one) and the source grade
of each origin (its lowest graded named speaker, else its root outlet's analyst grade).

Must not: touch the database, print, or import typer, rich or SQLAlchemy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.credibility.facts import AppearanceFacts, Origin
from tracker.credibility.names import grade_letter, name_key


def origins(appearances: Sequence[AppearanceFacts]) -> list[Origin]:
    """Group appearances into independent origins.

    - An appearance with no ``via`` speaks for its own outlet: its origin is that outlet.
    - An appearance with a ``via`` counts for the outlet it cites, followed up the chain:
      if the cited outlet itself only relays (all its appearances here have a ``via``),
      its citations are followed too, so A via B and B via C both land on C. The chain
      stops at an outlet that carries the claim on its own account or that cites nobody
      (so "via AP" with no AP appearance is keyed by AP). If an outlet relays several
      upstreams, the alphabetically first root is used: either way the relay joins an
      origin already counted instead of adding one. Cycles collapse to one origin.
    - Appearances with the same origin key are one origin: AP's own story plus three
      reposts via AP is 1 origin "Associated Press"; the same outlet twice with no ``via``
      is 1 origin. Two appearances from the same outlet with the same URL are also one.
    - Names compare by :func:`name_key` (case, accents, punctuation and "the" ignored).

    The grouping (which indexes end up together) does not depend on input order.
    """
    return origins_of(list(enumerate(appearances)))


def origins_of(indexed: list[tuple[int, AppearanceFacts]]) -> list[Origin]:
    """:func:`origins` of appearances given with their own indexes (those of the claim's
    appearances, when only some of them are grouped)."""
    if not indexed:
        return []
    cites = _citations(indexed)
    key = {
        i: cites.outlet_key[i] if cites.via_key[i] is None else _root(cites.via_key[i], cites)
        for i, _ in indexed
    }
    by_index = dict(indexed)
    every = [app for _, app in indexed]
    return [
        _origin(members, key, cites.display, by_index, every)
        for members in _groups(indexed, key, cites.outlet_key)
    ]


@dataclass
class _Citations:
    """Who carries a claim on its own account and whom each outlet cites, by name key."""

    display: dict[str, str]  # name key -> first spelling seen, outlets before vias
    outlet_key: dict[int, str]  # appearance index -> key of its outlet
    via_key: dict[int, str | None]  # appearance index -> key of the outlet it cites
    own: set[str]  # outlets carrying it on their own account
    upstream: dict[str, set[str]]  # outlet -> outlets it cites


def _citations(indexed: list[tuple[int, AppearanceFacts]]) -> _Citations:
    display: dict[str, str] = {}

    def key_of(name: str) -> str:
        k = name_key(name) or name.strip().casefold()
        display.setdefault(k, name.strip())
        return k

    # Outlets first, so that an outlet seen both ways is displayed as it names itself.
    for _, app in indexed:
        key_of(app.outlet)

    cites = _Citations(display, {}, {}, set(), {})
    for i, app in indexed:
        ok = key_of(app.outlet)
        vk = key_of(app.via) if app.via and app.via.strip() else None
        if vk == ok:  # citing oneself is carrying it on one's own account
            vk = None
        cites.outlet_key[i], cites.via_key[i] = ok, vk
        if vk is None:
            cites.own.add(ok)
        else:
            cites.upstream.setdefault(ok, set()).add(vk)
    return cites


def _root(start: str, cites: _Citations) -> str:
    """The origin key a citation of ``start`` lands on: the end of its citation chain."""
    seen: set[str] = set()
    stack = [start]
    terminals: set[str] = set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in cites.own or not cites.upstream.get(node):
            terminals.add(node)
        else:
            stack.extend(cites.upstream[node])
    # Sorted choices, so the grouping does not depend on the order of the appearances.
    return min(terminals) if terminals else min(seen)


def _groups(
    indexed: list[tuple[int, AppearanceFacts]], key: dict[int, str], outlet_key: dict[int, str]
) -> list[list[int]]:
    """Appearance indexes grouped by origin: the same origin key, or the same outlet and
    URL. Each group ascending; groups in the order of their lowest index."""
    parent = {i: i for i, _ in indexed}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_by: dict[tuple[str, ...], int] = {}
    for i, app in indexed:
        tags: list[tuple[str, ...]] = [("key", key[i])]
        url = (app.url or "").strip().rstrip("/").casefold()
        if url:
            tags.append(("url", outlet_key[i], url))
        for tag in tags:
            if tag in first_by:
                union(i, first_by[tag])
            else:
                first_by[tag] = i

    groups: dict[int, list[int]] = {}
    for i, _ in indexed:
        groups.setdefault(find(i), []).append(i)
    ordered = sorted(groups.values(), key=min)
    for members in ordered:
        members.sort()
    return ordered


def _origin(
    members: list[int],
    key: dict[int, str],
    display: dict[str, str],
    by_index: dict[int, AppearanceFacts],
    every: list[AppearanceFacts],
) -> Origin:
    """The origin of one group: keyed by the root most of its members cite (the first
    alphabetically on a tie), graded by its speakers or else its root outlet."""
    counts = Counter(key[i] for i in members)
    top = max(counts.values())
    root_key = min(k for k, n in counts.items() if n == top)
    outlets: list[str] = []
    for i in members:
        name = by_index[i].outlet.strip()
        if name not in outlets:
            outlets.append(name)
    speaker = _speaker_grade([by_index[i] for i in members])
    return Origin(
        key=display[root_key],
        outlets=tuple(outlets),
        appearances=tuple(members),
        grade=speaker[1] if speaker else _known_grade(root_key, every),
        graded_speaker=speaker[0] if speaker else None,
    )


def _speaker_grade(appearances: Iterable[AppearanceFacts]) -> tuple[str, str] | None:
    """(speaker, grade) of the lowest-graded named speaker of an origin, or None when no
    named speaker of it is graded. F (cannot be judged) counts as the lowest."""
    graded = [
        (letter, app.speaker.strip())
        for app in appearances
        if app.speaker and not app.anonymous and (letter := grade_letter(app.speaker_grade))
    ]
    if not graded:
        return None
    letter, speaker = max(graded)
    return speaker, letter


def _known_grade(root_key: str, appearances: Iterable[AppearanceFacts]) -> str | None:
    """The analyst grade of the root outlet, if any appearance shows it."""
    via_grade = None
    for app in appearances:
        if name_key(app.outlet) == root_key and grade_letter(app.outlet_grade):
            return grade_letter(app.outlet_grade)
        if via_grade is None and app.via and name_key(app.via) == root_key:
            via_grade = grade_letter(app.via_grade)
    return via_grade
