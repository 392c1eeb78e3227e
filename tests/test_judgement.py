"""The judgement pipeline's own rules, on sentences written for these tests: the index form
of a token, what a claim's numbers count, which pool members the detectors look at, the
duplicate judgement of a pool, and the lexicon partners of the candidate rule."""

from __future__ import annotations

import pytest

from tracker.contradictions import ClaimView
from tracker.judgement import pair
from tracker.judgement.facts import opposite_markers, posted_tokens, side_markers, text_facts
from tracker.matching.form import fold_text, index_form, tokens_of
from tracker.matching.index import AllHolders
from tracker.matching.pool import pool


@pytest.mark.parametrize(
    ("token", "form"),
    [
        ("militias", "militia"),
        ("attacks", "attack"),
        ("casualties", "casualty"),
        ("araqi", "araq"),  # the name key of "Iraqi": a demonym is held as its country
        ("aranan", "aran"),  # "Iranian"
        ("press", "press"),  # "-ss" is no plural
        ("gas", "gas"),  # three letters or fewer stay
        ("2021", "2021"),
    ],
)
def test_the_index_form_of_a_token(token, form):
    assert index_form(token) == form


def test_singular_and_plural_claims_share_their_tokens():
    a = tokens_of(fold_text("Gunmen attacked an Iraqi checkpoint near Samarra."))
    b = tokens_of(fold_text("Gunmen keep attacking checkpoints in Iraq near Samarra."))
    checkpoint, samarra = tokens_of(fold_text("checkpoint Samarra"))
    assert {checkpoint, "araq", samarra} <= set(a) & set(b)


def _side(cid: int, text: str) -> pair.Side:
    return pair.side(cid, text, fold_text(text), text_facts(text))


def _view(cid: int, text: str, published: str = "2021-07-07", **kw) -> ClaimView:
    return ClaimView(id=cid, text=text, published=(published,), stances=("asserts",), **kw)


def test_what_a_claims_numbers_count():
    assert _side(1, "Militants fired 14 rockets and 30 Grad missiles at the base.").counts == {
        "rocket": frozenset({14.0, 30.0})
    }
    assert _side(2, "Two soldiers were killed and there were no other casualties.").counts == {
        "people": frozenset({2.0, 0.0})
    }
    assert _side(3, "The talks resumed on 7 July 2021.").counts == {}


LOOK = [
    # close wording, one thing counted otherwise: the numeric detector's pairs
    (
        "Militants fired 14 rockets at the air base near Balad.",
        "Militants fired 30 Grad missiles at the air base near Balad.",
        True,
    ),
    # close wording, other things counted: no reason to look
    (
        "Militants fired 14 rockets at the air base near Balad.",
        "Militants hurt 3 guards at the air base near Balad.",
        False,
    ),
    # close wording, numbers that are dates only
    (
        "The governor visited the air base near Balad on 4 May.",
        "The governor visited the air base near Balad on 9 May.",
        False,
    ),
    # opposite sides of the lexicon, whatever the wording
    (
        "The cleric urged the factions to keep calm.",
        "Fighters were told to step up attacks on the convoy routes.",
        True,
    ),
    # close enough for the polarity detector, one negated
    (
        "The ministry confirmed the convoy was attacked near Rutba.",
        "The ministry said the convoy was not attacked near Rutba.",
        True,
    ),
    # two claims about other things that share a place
    (
        "Farmers near Balad protested over water shortages.",
        "A new hospital opened in Balad this week.",
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "look"), LOOK)
def test_which_pool_members_the_detectors_look_at(a, b, look):
    assert pair.worth_a_look(_side(2, b), _view(2, b), _side(1, a), _view(1, a)) is look


def test_two_attacks_are_looked_at_only_within_the_days_of_one_attack():
    a = "A drone struck a depot used by the militia north of Kirkuk."
    b = "A drone struck a depot used by the militia north of Kirkuk, officials said."
    same_week = pair.worth_a_look(
        _side(2, b), _view(2, b, "2021-07-09"), _side(1, a), _view(1, a, "2021-07-08")
    )
    months_apart = pair.worth_a_look(
        _side(2, b), _view(2, b, "2021-11-02"), _side(1, a), _view(1, a, "2021-07-08")
    )
    assert same_week and not months_apart


def test_a_rated_or_denied_member_is_looked_at_when_the_wording_is_close():
    a = "The governor said the border crossing at Qaim was closed for a week."
    b = "The governor said the border crossing at Qaim was closed for a week in June."
    plain = pair.worth_a_look(_side(2, b), _view(2, b), _side(1, a), _view(1, a))
    rated = pair.worth_a_look(_side(2, b), _view(2, b), _side(1, a), _view(1, a, verdict="false"))
    assert not plain and rated


def test_the_duplicates_of_a_pool_are_those_of_each_member_alone():
    new = _side(
        9, "Quds Force chief Qaani told the militia leaders in Baghdad to stay calm until the talks end."
    )
    members = [
        _side(1, "Quds Force chief Ghaani told militia leaders in Baghdad to stay calm until the talks end."),
        _side(2, "The Quds Force chief met militia leaders in Baghdad."),
        _side(
            3,
            "Qaani told militia leaders in Baghdad to stay calm until the nuclear talks end, officials said.",
        ),
        _side(4, "A convoy was hit near Baghdad airport."),
    ]
    together = pair.duplicates(new, members)
    alone = sorted(
        (found for m in members for found in pair.duplicates(new, [m])),
        key=lambda e: (pair.RANK[e[1].kind], -e[1].score, e[0].id),
    )
    assert together == alone
    assert [m.id for m, _ in together][:1] == [1]


def test_lexicon_partners_join_the_pool_through_rare_shared_words():
    """A call for calm and a call to escalate share few words; their opposition and two
    shared words (a place and "militia") bring them together, where the candidate rule
    alone would not (the escalation's rarest word, Baiji, ties it to another claim)."""
    texts = [
        "The IRGC commander asked the militia chiefs gathered in Mosul to keep calm until the election.",
        *[
            f"On a trip to Mosul an envoy urged traders to keep supply routes open, day {n}."
            for n in range(12)
        ],
        "Traders in Baiji reopened the grain market.",
        "During a trip to Mosul an envoy from Baiji urged the militias to step up attacks on supply routes.",
    ]
    forms = [(i, " ".join(posted_tokens(t, fold_text(t)))) for i, t in enumerate(texts)]
    holders = AllHolders(forms).before(len(texts) - 1)
    last = texts[-1]
    sides = text_facts(last).sides
    assert side_markers(sides) and opposite_markers(text_facts(texts[0]).sides) == side_markers(sides)
    without = pool(tokens_of(fold_text(last)), holders)
    with_partners = pool(tokens_of(fold_text(last)), holders, opposite_markers(sides))
    assert 0 not in without and 0 in with_partners
    assert set(with_partners) - {0} == set(without)  # partners add to the pool, never take away
