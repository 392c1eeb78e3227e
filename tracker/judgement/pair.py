"""The judgement of a claim against each member of its pool: one piece of code for every
way a claim arrives and every pass over the database.

- ``duplicates``: ``matching.similarity.judge`` of the claim (the newer side) against
  each member (the older side), for those close enough to be judged at all; a member
  judged "same" or "suggest" is a duplicate candidate, "contradiction" (same words,
  other facts) keeps the pair from being a duplicate and no more.
- ``contradictions``: every detector (``tracker.contradictions``) on each member worth
  their look (``worth_a_look``: on opposite sides of the lexicon, or worded closely and
  differing in what the detectors read) and plausible to them, the lower claim id first
  (a claim not stored yet counts as the newest).
- ``duplicate_row`` / ``contradiction_row``: the suggested relations they become.

Pure apart from what the caller passes in: no database, no printing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from tracker import contradictions as det
from tracker import data
from tracker.judgement.facts import lexicon
from tracker.matching import content
from tracker.matching.form import index_form
from tracker.matching.settings import SETTINGS
from tracker.matching.similarity import Judgement, TextFacts, combined, judge, sides_opposed, sort_floor
from tracker.relations import suggestion

RANK = {"same": 0, "suggest": 1, "contradiction": 2}


@dataclass(frozen=True)
class Side:
    """A claim as the judgement reads it: text, matching form and ``TextFacts``, with the
    words of the matching form in sorted order (``fuzz.ratio`` of two sorted forms is
    their token-sort ratio) and what its numbers count (``counted``), worked out once
    (``side``)."""

    id: int
    text: str
    norm: str
    facts: TextFacts
    sorted: str
    counts: dict[str, frozenset[float]]


def side(cid: int, text: str, norm: str, facts: TextFacts) -> Side:
    return Side(cid, text, norm, facts, " ".join(sorted(norm.split())), counted(facts.numbers))


@lru_cache(maxsize=1)
def _count_classes() -> dict[str, str]:
    """{counted word: its class}: a weapon's class (weapons.toml: "missile" and "rocket"
    are both "rocket"), and "people" for the people a casualty count counts and the
    casualty words themselves (casualties.toml)."""
    casualties = data.toml("casualties")
    out = {w: "people" for w in (*casualties["words"]["persons"], *casualties["kind"])}
    out.update(data.toml("weapons")["class"])
    return out


def counted(numbers: Sequence[tuple[float, str]]) -> dict[str, frozenset[float]]:
    """{class of what is counted: the values counted} of a text's numbers."""
    classes = _count_classes()
    out: dict[str, set[float]] = {}
    for value, unit in numbers:
        if unit:
            out.setdefault(classes.get(unit, unit), set()).add(value)
    return {k: frozenset(v) for k, v in out.items()}


def counts_differ(a: Side, b: Side) -> bool:
    """The two count one thing (a class both count) with other values."""
    return any(b.counts[k] != v for k, v in a.counts.items() if k in b.counts)


def duplicates(
    new: Side, members: Sequence[Side], weight: content.Weights | None = None
) -> list[tuple[Side, Judgement]]:
    """The members ``new`` may be a duplicate of, each with its judgement ("same" or
    "suggest"), best first: "same", then "suggest"; higher scores first, then the older
    claim. A pair below the suggestion threshold is no duplicate whatever ``judge`` would
    call it, so those pairs are left out in rapidfuzz's C code first (token sort, then
    token set: ``score`` averages the two, rounded to a tenth). With ``weight`` (the
    content score's ``Weights``), a member the string score leaves below the
    threshold is a suggested duplicate when its content score reaches ``content`` and no
    content guard keeps the two apart (``content_duplicates``)."""
    if not members:
        return []
    out, judged = string_duplicates(new, members)
    if weight is not None:
        out += content_duplicates(new, [m for m in members if m.id not in judged], weight)
    out.sort(key=lambda e: (RANK[e[1].kind], -e[1].score, e[0].id))
    return out


def weigh(holders, new: Side) -> content.Weights:
    """The content score's ``Weights`` over ``holders``, the counts of ``new``'s own
    concepts fetched."""
    weights = content.Weights(holders)
    weights.prefetch(content.concepts(new.text, new.norm).tokens.values())
    return weights


def content_duplicates(
    new: Side, members: Sequence[Side], weight: content.Weights
) -> list[tuple[Side, Judgement]]:
    """The members whose content score with ``new`` reaches ``content`` and that no
    content guard keeps apart, each judged "suggest" (the content score never merges).

    A member is scored only when the concepts it shares with ``new`` carry enough of
    ``new``'s weight for the score to reach ``content`` at all (``content.held_share``,
    the highest score the pair can have): the holder counts of the other members' words
    are fetched only for those."""
    mine = content.concepts(new.text, new.norm)
    own = content.own_weights(mine, weight)
    least = SETTINGS.content - 0.05  # the score is rounded to a tenth
    close = []
    for m in members:
        theirs = content.concepts(m.text, m.norm)
        if content.held_share(own, theirs.tokens) >= least:
            close.append((m, theirs))
    if not close:
        return []
    weight.prefetch({t for _, theirs in close for t in theirs.tokens.values()})
    out = []
    for m, theirs in close:
        score, shared = content.content_score(mine, theirs, weight)
        if score < SETTINGS.content:
            continue
        if content.content_guard(new.text, m.text, new.norm, m.norm, (new.facts, m.facts), (mine, theirs)):
            continue
        words = ", ".join(mine.words[c] for c in shared[:6])
        out.append((m, Judgement("suggest", score, (f"same content, other words: {words}",), ("duplicate",))))
    return out


def string_duplicates(new: Side, members: Sequence[Side]) -> tuple[list[tuple[Side, Judgement]], set[int]]:
    """The string route of ``duplicates``, and the ids of every member ``judge`` looked at."""
    judged: set[int] = set()
    least = SETTINGS.suggest
    close = process.extract(
        new.sorted,
        [m.sorted for m in members],
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=sort_floor(least),
        limit=None,
    )
    if not close:
        return [], judged
    highest = max(sort for _, sort, _ in close)  # the one that needs the least token set
    near = [members[k] for _, _, k in close]
    sorts = {members[k].id: sort for _, sort, k in close}
    out = []
    for _, tset, k in process.extract(
        new.norm,
        [m.norm for m in near],
        scorer=fuzz.token_set_ratio,
        processor=None,
        score_cutoff=max(0.0, 2 * least - highest - 0.2),
        limit=None,
    ):
        m = near[k]
        sim = combined(sorts[m.id], tset)
        if sim < least:
            continue
        judged.add(m.id)
        j = judge(new.text, m.text, new.norm, m.norm, (new.facts, m.facts), sim=sim)
        if j.kind in ("same", "suggest"):
            out.append((m, j))
    return out, judged


def best_same(found: Sequence[tuple[Side, Judgement]]) -> Side | None:
    """The member ``duplicates`` judged the same claim, best first (or None)."""
    return next((m for m, j in found if j.kind == "same"), None)


def ordered(a: det.ClaimView, b: det.ClaimView) -> tuple[det.ClaimView, det.ClaimView]:
    """The two views lower id first; id 0 (a claim not stored yet) is the newest."""
    if a.id == 0 or (b.id != 0 and a.id > b.id):
        return b, a
    return a, b


def _attack(norm: str) -> bool:
    return not _attack_words().isdisjoint(map(index_form, norm.split()))


@lru_cache(maxsize=1)
def _attack_words() -> frozenset[str]:
    """Words that name an attack (attacks.toml), a weapon counted in one (weapons.toml),
    or a claim of one, in their index form."""
    words = [*data.toml("attacks")["attack"], *data.toml("weapons")["roles"]["counted"], "claimed"]
    return frozenset(map(index_form, words))


def _widest_window() -> int:
    st = det.SETTINGS
    return max(st.window_days, st.opposing_window_days, st.responsibility_window_days)


def worth_a_look(new: Side, new_view: det.ClaimView, m: Side, m_view: det.ClaimView) -> bool:
    """Whether the detectors look at a pool member at all: the two sit on opposite sides
    of an opposition of the lexicon; or their wording (token sort) is at least
    ``detect_floor`` close and they count one thing with other values (``counts_differ``)
    or number one kind of event differently (``ordinals_differ``), either is rated or
    denied, or both name an attack within the days the responsibility detector allows one
    attack (``responsibility_window_days``); or it is as close as the
    polarity detector asks of a pair (``polarity_similarity``) and one is negated more than the
    other. Claims about other things that merely share names are left to the analyst: the
    detectors' signals are not meant for them. First of all, the two must fall in one
    period as the widest of the detectors' windows counts it: every detector asks that."""
    if not det.same_period(new_view, m_view, _widest_window()):
        return False
    if sides_opposed(new.facts.sides, m.facts.sides):
        return True
    close = fuzz.ratio(new.sorted, m.sorted, processor=None, score_cutoff=SETTINGS.detect_floor)
    if not close:
        return False
    return bool(
        counts_differ(new, m)
        or det.ordinals_differ(new_view.text, m_view.text)
        or new_view.verdict
        or m_view.verdict
        or "denies" in new_view.stances
        or "denies" in m_view.stances
        or (
            _attack(new.norm)
            and _attack(m.norm)
            and det.same_period(new_view, m_view, det.SETTINGS.responsibility_window_days)
        )
        or (new.facts.polarity != m.facts.polarity and close >= det.SETTINGS.polarity_similarity)
    )


def contradictions(
    new: Side, new_view: det.ClaimView, members: Sequence[tuple[Side, det.ClaimView]]
) -> list[tuple[int, list[det.Signal]]]:
    """(member id, signals) for each member the detectors find in conflict with ``new``."""
    lex = lexicon()
    out = []
    for m, view in members:
        if not worth_a_look(new, new_view, m, view) or not det.plausible(new_view, view):
            continue
        a, b = ordered(new_view, view)
        signals = det.detect(det.prepare(a), det.prepare(b), lex)
        if signals:
            out.append((view.id, signals))
    return out


def contradiction_row(a: int, b: int, signals: Sequence[det.Signal]) -> dict:
    """The table row of the detectors' finding on a pair: a suggested contradiction."""
    return suggestion(
        a,
        b,
        "contradicts",
        origin=signals[0].kind,
        score=round(max(s.score for s in signals), 1),
        reasons=[r for s in signals for r in s.reasons],
        signals=[s.kind for s in signals],
    )


def duplicate_row(a: int, b: int, j: Judgement, origin: str = "matcher") -> dict:
    """The table row of a suggested duplicate."""
    reasons = list(j.reasons) or [f"similarity {j.score:.0f}"]
    return suggestion(
        a, b, "duplicate", origin=origin, score=j.score, reasons=reasons, signals=list(j.signals)
    )


def judge_texts(new_text: str, old_text: str) -> Judgement:
    """``judge`` of two texts on their own (no analyst aliases): folded and their facts
    worked out here. For tools and tests; the pipeline reads both from what it has."""
    from tracker.judgement.facts import text_facts
    from tracker.matching.form import fold_text

    return judge(
        new_text,
        old_text,
        fold_text(new_text),
        fold_text(old_text),
        (text_facts(new_text), text_facts(old_text)),
    )
