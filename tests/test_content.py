"""The content score of the duplicate judgement: two wordings of one claim meet through
the words that carry it, in any inflection or a word of the same class, weighted by how
rare each is; the guards keep numbers, negations and other actors apart; the content
score only ever suggests."""

from __future__ import annotations

import pytest

from tracker.judgement import pair
from tracker.judgement.facts import text_facts
from tracker.matching import content
from tracker.matching.form import fold_text


def _concepts(text: str) -> content.Concepts:
    return content.concepts(text, fold_text(text))


def _side(cid: int, text: str) -> pair.Side:
    return pair.side(cid, text, fold_text(text), text_facts(text))


def _even(_token: str) -> float:
    return 1.0


class _Counts:
    """Holder counts for ``pair.weigh``: every token held by ``common`` claims of
    ``total``, except those in ``rare`` (held by one)."""

    def __init__(self, total: int, common: int, rare: set[str]) -> None:
        self.total_, self.common, self.rare = total, common, rare

    def count(self, token: str) -> int:
        return 1 if token in self.rare else self.common

    def total(self) -> int:
        return self.total_


def test_inflections_and_words_of_one_class_are_one_concept():
    a = _concepts("The soldiers were killed when the rockets struck the depot.")
    b = _concepts("Troops died as missiles strike a depot.")
    assert {"troops", "killed", "rockets", "attack", "depot"} <= a.tokens.keys()
    assert a.tokens.keys() == b.tokens.keys()


def test_names_and_numbers_keep_their_matching_form_and_are_marked_as_names():
    c = _concepts("Abu Fadak al-Mohammadawi met 40 commanders in Karbala.")
    assert {"40", "karbala"} <= c.tokens.keys()
    assert "karbala" in c.names and "40" not in c.names


def test_the_score_is_a_weighted_overlap_from_0_to_100():
    a = _concepts("The convoy was ambushed near Samarra.")
    assert content.content_score(a, a, _even)[0] == 100.0
    other = _concepts("Parliament approved the budget.")
    assert content.content_score(a, other, _even) == (0.0, [])
    # A rare shared word outweighs common ones: the same pair scores higher when the
    # word it shares is rare among the stored claims.
    b = _concepts("Gunmen ambushed a convoy on the road to Samarra.")
    flat = content.content_score(a, b, _even)[0]
    (place,) = a.names
    rare_weight = content.Weights(_Counts(50, 40, {a.tokens[place]}))
    assert content.content_score(a, b, rare_weight)[0] > flat


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Twelve rockets hit the airport in Basra.", "Fifteen missiles struck Basra airport.", "numbers"),
        ("The brigade withdrew from Tal Afar.", "The brigade did not withdraw from Tal Afar.", "negated"),
        (
            "Kataib Hezbollah fighters ambushed the convoy near Balad.",
            "Asaib Ahl al-Haq fighters ambushed the convoy near Balad.",
            "names",
        ),
        ("Rockets hit the embassy on Monday.", "Rockets struck the embassy on Thursday.", "day"),
    ],
)
def test_guards_keep_close_content_apart(a, b, why):
    fa, fb = text_facts(a), text_facts(b)
    reason = content.content_guard(a, b, fold_text(a), fold_text(b), (fa, fb), (_concepts(a), _concepts(b)))
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a number only one of them gives is more detail
        ("Twelve rockets hit Basra airport.", "Twelve rockets hit Basra airport, wounding 3 guards."),
        # each adds a name of its own among many other words: detail, not another actor
        (
            "General Qassem Soleimani died in a drone strike in 2020.",
            "A drone strike near Baghdad airport killed Soleimani and his convoy in 2020.",
        ),
    ],
)
def test_more_detail_is_no_reason_to_keep_two_wordings_apart(a, b):
    fa, fb = text_facts(a), text_facts(b)
    assert (
        content.content_guard(a, b, fold_text(a), fold_text(b), (fa, fb), (_concepts(a), _concepts(b)))
        is None
    )


def test_a_rewording_the_string_score_misses_is_suggested_never_merged():
    new = _side(0, "Coalition troops have been pulling out of the Taji base since March.")
    old = _side(7, "Since March the coalition's soldiers are withdrawing from Taji base.")
    unrelated = _side(8, "The governor of Basra resigned in March.")
    assert pair.duplicates(new, [old, unrelated]) == []  # the string score alone misses it
    counts = _Counts(200, 30, {new.norm.split()[0], _concepts(new.text).tokens["taji"]})
    found = pair.duplicates(new, [old, unrelated], pair.weigh(counts, new))
    assert [(m.id, j.kind) for m, j in found] == [(7, "suggest")]
    assert found[0][1].reasons[0].startswith("same content, other words: ")
    assert "taji" in found[0][1].reasons[0]


def test_common_words_alone_do_not_make_a_duplicate():
    new = _side(0, "Militias attacked US forces after floods hit the farms of Diyala.")
    old = _side(5, "US forces and militias attacked smugglers crossing from Syria at night.")
    shared = _concepts(new.text).tokens.keys() & _concepts(old.text).tokens.keys()
    assert {"militias", "attack", "troops"} <= shared
    common = {t for c in (new, old) for k, t in _concepts(c.text).tokens.items() if k in shared}

    class Counts(_Counts):
        def count(self, token: str) -> int:  # the shared words are common, the others rare
            return 400 if token in common else 1

    counts = Counts(1000, 0, set())
    assert pair.duplicates(new, [old], pair.weigh(counts, new)) == []
    # With every word as common as the next, the same words would be half of each claim.
    assert content.content_score(_concepts(new.text), _concepts(old.text), _even)[0] > 40


def test_claim_add_suggests_a_rewording_through_the_content_score(cli):
    cli.ok("outlet", "add", "Wire")
    cli.ok("outlet", "add", "Daily")
    background = [
        "The parliament in Baghdad debated the budget for a second day.",
        "Protesters gathered in Tahrir Square after Friday prayers.",
        "The oil ministry said exports from Basra rose in June.",
        "A roadside bomb wounded two police officers in Mosul.",
    ]
    for text in background:
        cli.ok("claim", "add", text, "--outlet", "Wire", "--yes")
    first = cli.json(
        "claim",
        "add",
        "Kurdish Peshmerga troops recaptured the village of Makhmour.",
        "--outlet",
        "Wire",
        "--yes",
    )
    out = cli.json(
        "claim", "add", "Makhmour was retaken by Peshmerga soldiers.", "--outlet", "Daily", "--yes"
    )
    assert out["created"] is True  # suggested, not merged
    dups = [r for r in out["relations"] if r["kind"] == "duplicate"]
    assert [({r["a"], r["b"]}, r["state"]) for r in dups] == [
        ({first["claim"]["id"], out["claim"]["id"]}, "suggested")
    ]
    assert dups[0]["reasons"][0].startswith("same content, other words: ")
