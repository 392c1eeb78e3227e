"""Tests for the pure credibility rules: grades 1-6, origins, interested parties,
unverified reasons, and outlet scores. Scenarios follow the Iraq 2021 story in SPEC §1."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.credibility import (
    PRECEDENCE,
    UNVERIFIED_CODES,
    AppearanceFacts,
    ClaimFacts,
    OutletRecord,
    assess,
    beta_quantile,
    beta_score,
    credibility_explained,
    information_credibility,
    is_interested_party,
    is_unverified,
    name_key,
    origins,
    record_disagrees,
    regularized_beta,
    suggested_grade,
    unverified_reasons,
)

AP = "Associated Press"
REUTERS = "Reuters"
GHAANI = "Quds Force commander Esmail Ghaani told Iraqi militia leaders to keep calm"
GRAD = "Kataib Hezbollah fired 30 Grad missiles at Ain al-Asad air base on 7 July 2021"
ROCKETS = "Fourteen rockets hit Ain al-Asad air base on 7 July 2021"


def app(
    outlet: str,
    *,
    grade: str | None = None,
    kind: str | None = "newspaper",
    url: str | None = None,
    via: str | None = None,
    speaker: str | None = None,
    anonymous: bool = False,
    stance: str = "asserts",
    hedges: tuple[str, ...] = (),
    via_grade: str | None = None,
    speaker_grade: str | None = None,
) -> AppearanceFacts:
    return AppearanceFacts(
        outlet=outlet,
        outlet_grade=grade,
        outlet_kind=kind,
        url=url,
        via=via,
        speaker=speaker,
        anonymous=anonymous,
        stance=stance,
        hedges=hedges,
        published="2021-07-09",
        via_grade=via_grade,
        speaker_grade=speaker_grade,
    )


def claim(
    *appearances: AppearanceFacts,
    text: str = GHAANI,
    hedges: tuple[str, ...] = (),
    verdict: str | None = None,
    contradicted_by: tuple[int, ...] = (),
    interested: bool = False,
) -> ClaimFacts:
    return ClaimFacts(
        id=1,
        text=text,
        hedges=hedges,
        appearances=tuple(appearances),
        verdict=verdict,
        contradicted_by_grades=contradicted_by,
        interested_party=interested,
    )


def ap_anonymous() -> AppearanceFacts:
    return app(
        AP,
        grade="B",
        kind="wire",
        url="https://apnews.com/ghaani",
        speaker="Shiite political and militia officials",
        anonymous=True,
    )


def reposts_via_ap() -> list[AppearanceFacts]:
    return [
        app(outlet, via=AP, speaker="Shiite political and militia officials", anonymous=True)
        for outlet in ("Kurdistan 24", "Al-Monitor", "Iraqi News")
    ]


def named(outlet: str, grade: str | None = "B", **kw) -> AppearanceFacts:
    return app(outlet, grade=grade, kind="wire", speaker="Col. Wayne Marotto", **kw)


def militia_channel(name: str = "Sabereen News") -> AppearanceFacts:
    return app(name, kind="armed-group", speaker=None)


# --- one test per grade -----------------------------------------------------------------


@pytest.mark.parametrize("verdict", ["true", "mostly-true"])
def test_grade_1_confirmed_reviewer_rated_ap_story_true(verdict):
    c = claim(ap_anonymous(), *reposts_via_ap(), verdict=verdict)
    assert credibility_explained(c) == (1, [f"verdict {verdict}"])


def test_grade_2_ap_and_reuters_independently_report_the_rocket_count():
    c = claim(named(AP), named(REUTERS), text=ROCKETS)
    assert credibility_explained(c) == (2, ["2 independent origins: Associated Press, Reuters"])


def test_grade_3_single_reuters_report_with_named_coalition_spokesman():
    c = claim(named(REUTERS, grade="B"), text=ROCKETS)
    grade, reasons = credibility_explained(c)
    assert grade == 3
    assert reasons == ["1 origin: Reuters", "origin graded A-C: Reuters (B)"]


def test_grade_4_ap_anonymous_officials_reposted_three_times_via_ap():
    c = claim(ap_anonymous(), *reposts_via_ap())
    grade, reasons = credibility_explained(c)
    assert grade == 4
    assert reasons == ["anonymous speakers only", "1 origin: Associated Press (4 appearances)"]
    assert unverified_reasons(c) == ["single-origin", "anonymous"]


@pytest.mark.parametrize("verdict", ["false", "mostly-false"])
def test_grade_5_militia_grad_missile_claim_rated_false(verdict):
    c = claim(militia_channel(), text=GRAD, verdict=verdict)
    assert credibility_explained(c) == (5, [f"verdict {verdict}"])


@pytest.mark.parametrize("contradictor", [1, 2])
def test_grade_5_contradicted_by_a_confirmed_or_probable_claim(contradictor):
    c = claim(named(REUTERS), text=GRAD, contradicted_by=(4, contradictor))
    assert credibility_explained(c) == (5, [f"contradicted by a claim graded {contradictor}"])


def test_grade_6_single_ungraded_blog():
    c = claim(app("Baghdad Blog", grade=None, kind="blog", speaker="Ali Hassan"))
    grade, reasons = credibility_explained(c)
    assert grade == 6
    assert reasons == ["1 origin: Baghdad Blog", "no origin graded A-C: Baghdad Blog (ungraded)"]
    assert unverified_reasons(c) == ["single-origin", "cannot-be-judged"]


@pytest.mark.parametrize("outlet_grade", ["D", "E", "F"])
def test_grade_6_single_origin_graded_d_to_f(outlet_grade):
    c = claim(app("Tabloid", grade=outlet_grade, speaker="Ali Hassan"))
    assert information_credibility(c) == 6


def test_grade_6_no_appearances():
    c = claim()
    assert credibility_explained(c) == (6, ["no appearances"])
    assert unverified_reasons(c) == ["cannot-be-judged"]


def test_grade_6_only_denials():
    c = claim(app("Iranian Foreign Ministry", kind="government", stance="denies"))
    assert credibility_explained(c) == (6, ["only denials, no support"])


@pytest.mark.parametrize("verdict", ["mixed", "unproven"])
def test_grade_6_undecided_verdict_with_nothing_else(verdict):
    c = claim(app("Baghdad Blog", speaker="Ali Hassan"), verdict=verdict)
    grade, reasons = credibility_explained(c)
    assert grade == 6
    assert reasons[0] == f"verdict {verdict} does not settle it"
    assert unverified_reasons(c) == []  # it has a verdict


# --- precedence -------------------------------------------------------------------------


def test_precedence_order_is_documented():
    assert PRECEDENCE == (1, 5, 4, 2, 3, 6)


def test_verdict_true_beats_contradiction_by_a_confirmed_claim():
    c = claim(named(REUTERS), verdict="true", contradicted_by=(1,))
    assert information_credibility(c) == 1


def test_verdict_false_beats_two_independent_origins():
    c = claim(named(AP), named(REUTERS), verdict="false")
    assert information_credibility(c) == 5


def test_strong_contradiction_beats_doubt():
    c = claim(ap_anonymous(), contradicted_by=(2,))
    assert information_credibility(c) == 5


def test_weak_contradiction_is_not_improbable():
    c = claim(named(REUTERS, grade="B"), contradicted_by=(3, 4, 6))
    assert information_credibility(c) == 3


def test_two_independent_anonymous_origins_are_doubtful_not_probable():
    c = claim(
        ap_anonymous(),
        app(REUTERS, grade="A", kind="wire", speaker="two Iraqi security sources", anonymous=True),
    )
    grade, reasons = credibility_explained(c)
    assert grade == 4
    assert "anonymous speakers only" in reasons
    assert unverified_reasons(c) == ["anonymous"]


def test_anonymous_plus_named_origin_is_not_anonymous_only():
    c = claim(ap_anonymous(), named(REUTERS))
    assert information_credibility(c) == 2


def test_outlet_own_voice_is_not_anonymous():
    c = claim(app(REUTERS, grade="B", kind="wire", speaker=None))
    assert information_credibility(c) == 3


def test_hedged_claim_text_beats_two_origins():
    c = claim(named(AP), named(REUTERS), hedges=("reportedly",))
    assert credibility_explained(c)[0] == 4
    assert "hedged: reportedly" in credibility_explained(c)[1]


def test_every_appearance_hedged_or_only_reporting_is_hedged():
    c = claim(named(AP, hedges=("could not verify",)), named(REUTERS, stance="reports"))
    assert information_credibility(c) == 4
    assert unverified_reasons(c) == ["hedged"]


def test_one_unhedged_assertion_is_enough_to_not_be_hedged():
    c = claim(named(AP, hedges=("allegedly",)), named(REUTERS))
    assert information_credibility(c) == 2


def test_interested_party_beats_a_well_graded_outlet():
    c = claim(app(REUTERS, grade="A", kind="wire", speaker="Kataib Hezbollah"), text=GRAD)
    assert information_credibility(c) == 4
    assert unverified_reasons(c) == ["single-origin", "interested-party"]


def test_two_origins_with_a_weak_contradiction_fall_back_to_3_or_6():
    graded = claim(named(AP, grade="B"), named(REUTERS, grade=None), contradicted_by=(4,))
    grade, reasons = credibility_explained(graded)
    assert grade == 3
    assert "contradicted by a claim graded 4" in reasons
    ungraded = claim(named("Blog A", grade=None), named("Blog B", grade="D"), contradicted_by=(6,))
    assert information_credibility(ungraded) == 6


def test_a_denial_blocks_probably_true():
    c = claim(
        named(AP, grade="C"),
        named(REUTERS, grade="C"),
        app("Iranian Foreign Ministry", kind="government", stance="denies"),
    )
    grade, reasons = credibility_explained(c)
    assert grade == 3
    assert "denied by Iranian Foreign Ministry" in reasons


def test_undecided_verdict_does_not_block_other_rules():
    c = claim(named(AP), named(REUTERS), verdict="mixed")
    assert information_credibility(c) == 2


def test_reposts_borrow_the_via_outlet_grade_not_their_own():
    reposts = [app(o, grade="A", via=AP, speaker="Col. Wayne Marotto") for o in ("X", "Y")]
    assert information_credibility(claim(*reposts)) == 6  # AP's grade unknown
    with_grade = [app(o, grade="E", via=AP, via_grade="B", speaker="Col. Wayne Marotto") for o in ("X", "Y")]
    assert information_credibility(claim(*with_grade)) == 3


# --- speaker grades ---------------------------------------------------------------------


def test_a_graded_speaker_is_the_source_not_the_outlet_carrying_the_words():
    # AP (B) quoting a militia spokesman graded E: an E origin, no longer "possibly true".
    c = claim(app(AP, grade="B", speaker="Abu Ali al-Askari", speaker_grade="E"), text=GRAD)
    grade, reasons = credibility_explained(c)
    assert grade == 6
    assert reasons[-1] == "no origin graded A-C: Associated Press (speaker Abu Ali al-Askari: E)"
    # An ungraded blog quoting a speaker graded B: a B origin.
    c = claim(app("Baghdad Blog", kind="blog", speaker="John Kirby", speaker_grade="B"), text=ROCKETS)
    grade, reasons = credibility_explained(c)
    assert grade == 3
    assert reasons[-1] == "origin graded A-C: Baghdad Blog (speaker John Kirby: B)"


def test_an_ungraded_speaker_leaves_the_outlet_grade():
    c = claim(app(REUTERS, grade="B", speaker="Col. Wayne Marotto"), text=ROCKETS)
    assert credibility_explained(c)[1][-1] == "origin graded A-C: Reuters (B)"


def test_anonymous_speakers_are_never_graded():
    # A grade handed in for an anonymous speaker (e.g. "a security source") is not used.
    lone = app(REUTERS, grade="B", speaker="a security source", anonymous=True, speaker_grade="E")
    other = app(REUTERS, grade="B", speaker="Col. Wayne Marotto", url="https://r.example/2")
    found = origins([lone, other])
    assert [(o.grade, o.graded_speaker) for o in found] == [("B", None)]


@pytest.mark.parametrize(
    ("grades", "expected"),
    [(("B", "A"), "B"), (("A", "E"), "E"), (("C", "F"), "F"), (("B", None), "B")],
)
def test_the_lowest_graded_speaker_of_an_origin_counts(grades, expected):
    apps = [
        app(AP, grade="A", speaker=f"Speaker {i}", speaker_grade=g, url=f"https://ap.example/{i}")
        for i, g in enumerate(grades)
    ]
    apps += [app(f"Repost {i}", via=AP) for i in range(2)]
    (only,) = origins(apps)
    assert only.grade == expected
    assert only.graded_speaker == f"Speaker {grades.index(expected)}"
    assert (information_credibility(claim(*apps, text=ROCKETS)) == 3) == (expected in "ABC")


def test_speaker_grade_of_one_origin_does_not_grade_another():
    kirby = app("Pentagon", kind="government", speaker="John Kirby", speaker_grade="E")
    reuters = app(REUTERS, grade="B", speaker="Col. Wayne Marotto")
    by_key = {o.key: o for o in origins([kirby, reuters])}
    assert (by_key["Pentagon"].grade, by_key["Pentagon"].graded_speaker) == ("E", "John Kirby")
    assert (by_key[REUTERS].grade, by_key[REUTERS].graded_speaker) == ("B", None)


# --- independence -----------------------------------------------------------------------


def test_ap_plus_three_reposts_via_ap_is_one_origin():
    found = origins([ap_anonymous(), *reposts_via_ap()])
    assert len(found) == 1
    assert found[0].key == AP
    assert found[0].outlets == (AP, "Kurdistan 24", "Al-Monitor", "Iraqi News")
    assert found[0].appearances == (0, 1, 2, 3)
    assert found[0].grade == "B"


def test_reposts_via_an_outlet_that_does_not_appear_are_one_origin_keyed_by_it():
    found = origins(reposts_via_ap())
    assert [(o.key, o.appearances) for o in found] == [(AP, (0, 1, 2))]


def test_ap_and_reuters_are_two_origins():
    found = origins([named(AP), named(REUTERS)])
    assert [o.key for o in found] == [AP, REUTERS]


def test_chain_collapses_to_root():
    chain = [app("A", via="B"), app("B", via="C"), app("C")]
    assert [(o.key, o.appearances) for o in origins(chain)] == [("C", (0, 1, 2))]
    without_root = [app("A", via="B"), app("B", via="C")]
    assert [o.key for o in origins(without_root)] == ["C"]


def test_same_outlet_twice_is_one_origin():
    found = origins([app(AP, url="https://apnews.com/1"), app(AP, url="https://apnews.com/2")])
    assert len(found) == 1


def test_same_outlet_same_url_is_one_origin_even_with_different_via():
    found = origins(
        [
            app("Kurdistan 24", url="https://k24.net/a/"),
            app("Kurdistan 24", url="https://k24.net/a", via=REUTERS),
        ]
    )
    assert len(found) == 1


def test_aggregator_citing_two_wires_does_not_merge_them():
    apps = [
        named(AP),
        named(REUTERS),
        app("Kurdistan 24", via=AP, url="https://k24.net/1"),
        app("Kurdistan 24", via=REUTERS, url="https://k24.net/2"),
    ]
    assert [(o.key, o.appearances) for o in origins(apps)] == [(AP, (0, 2)), (REUTERS, (1, 3))]


def test_outlet_names_compare_without_case_punctuation_or_the():
    found = origins([app("Kurdistan 24", via="the associated press"), app("Associated Press.")])
    assert [(o.key, o.appearances) for o in found] == [("Associated Press.", (0, 1))]
    assert name_key("The Associated Press") == name_key("associated press") == "associated press"
    assert name_key("Kata'ib Hizbullah’s") == "kataib hizbullah"


def test_citation_cycle_is_one_origin():
    assert len(origins([app("A", via="B"), app("B", via="A")])) == 1


def test_origins_count_origins_not_outlets_for_grade_2():
    c = claim(ap_anonymous(), *reposts_via_ap())
    assert len(assess(c).origins) == 1


_OUTLETS = ["AP", "Reuters", "K24", "Al-Monitor", "Blog"]
appearance_st = st.builds(
    lambda outlet, via, url: app(outlet, via=via, url=url),
    st.sampled_from(_OUTLETS),
    st.none() | st.sampled_from(_OUTLETS),
    st.none() | st.sampled_from(["u1", "u2"]),
)


@given(st.lists(appearance_st, max_size=8), st.randoms())
def test_origins_partition_appearances_independently_of_order(apps, rnd):
    def partition(items, labels):
        return {frozenset(labels[i] for i in o.appearances) for o in origins(items)}

    found = origins(apps)
    indexes = sorted(i for o in found for i in o.appearances)
    assert indexes == list(range(len(apps)))
    assert len(found) <= len({a.outlet for a in apps} | {a.via for a in apps if a.via})
    order = list(range(len(apps)))
    rnd.shuffle(order)
    shuffled = [apps[i] for i in order]
    assert partition(shuffled, order) == partition(apps, list(range(len(apps))))


# --- interested parties -----------------------------------------------------------------


def test_militia_channel_claiming_30_grad_missiles_is_interested():
    c = claim(militia_channel(), militia_channel("Sabereen News mirror"), text=GRAD)
    assert is_interested_party(c)
    grade, reasons = credibility_explained(c)
    assert grade == 4
    assert any(r.startswith("only interested parties:") for r in reasons)
    assert unverified_reasons(c) == ["interested-party"]  # two channels, still interested


@pytest.mark.parametrize(
    "speaker, text",
    [
        ("Kataib Hezbollah", GRAD),
        ("spokesman for Kataib Hezbollah", GRAD),
        ("Abu Ali al-Askari, security official of Kataib Hezbollah", GRAD),
        ("Kataib Hezbollah", "On 7 July, Kataib Hezbollah fired 30 Grad missiles at Ain al-Asad"),
        ("Kataib Hezbollah", "Kataib Hezbollah's fighters fired 30 Grad missiles"),
    ],
)
def test_named_speaker_claiming_its_own_act_is_interested(speaker, text):
    c = claim(app(REUTERS, grade="A", kind="wire", speaker=speaker), text=text)
    assert is_interested_party(c)


def test_group_claiming_responsibility_itself_is_interested():
    text = "Saraya Awliya al-Dam claimed responsibility for the drone attack on Erbil airport"
    c = claim(
        app(REUTERS, kind="wire", speaker="Saraya Awliya al-Dam"),
        app("Kurdistan 24", speaker="a spokesman for Saraya Awliya al-Dam", anonymous=True),
        text=text,
    )
    assert is_interested_party(c)


@pytest.mark.parametrize("verb", ["claim", "claims", "Claimed", "claiming"])
def test_every_form_of_the_responsibility_phrase_makes_the_claimant_interested(verb):
    """The phrase comes from tracker/data/interested_parties.toml; each inflection, any
    case, any spacing, names the claimant; a near miss ("claimsresponsibility") does not."""
    speaker = app(REUTERS, kind="wire", speaker="Saraya Awliya al-Dam")
    text = f"A statement said Saraya Awliya al-Dam {verb}  responsibility for the Erbil attack"
    assert is_interested_party(claim(speaker, text=text))
    assert not is_interested_party(claim(speaker, text=text.replace(f"{verb}  ", verb)))


def test_the_interested_party_vocabulary_loads():
    from tracker import data

    vocabulary = data.toml("interested_parties")
    assert {"role_words", "speaker_split_words", "responsibility_phrases"} <= vocabulary.keys()
    assert {"spokesman", "official", "of"} <= data.words("interested_parties", "role_words")
    assert data.words("interested_parties", "armed_group_kinds") == {"armed-group"}
    assert data.words("interested_parties", "government_kinds") == {"government"}


def test_government_speaking_about_its_own_action_is_interested():
    c = claim(
        app("Pentagon", kind="government"),
        text="The Pentagon said its strikes hit two militia weapons facilities",
    )
    assert is_interested_party(c)


def test_caller_can_mark_interested_party():
    c = claim(named(AP), named(REUTERS), interested=True)
    assert is_interested_party(c)
    assert information_credibility(c) == 4


@pytest.mark.parametrize(
    "appearances, text",
    [
        # the group is the object, not the subject
        (
            [app(REUTERS, speaker="Kataib Hezbollah")],
            "US strikes hit Kataib Hezbollah positions near al-Qaim",
        ),
        # one appearance that is not an interested party is enough
        ([militia_channel(), app(REUTERS, speaker="coalition spokesman Col. Wayne Marotto")], GRAD),
        # anonymous officials are not the actor even when the text opens with their description
        (
            [app(AP, speaker="Iraqi security officials", anonymous=True)],
            "Iraqi security forces found the launch site near Baghdadi",
        ),
        # a militia channel relaying another outlet speaks for that outlet
        ([app("Sabereen News", kind="armed-group", via=REUTERS)], ROCKETS),
        # a government reporting an attack by others
        ([app("Security Media Cell", kind="government")], ROCKETS),
        # someone else claimed responsibility; the speaker only reports it
        (
            [app(AP, speaker="Iraqi officials", anonymous=True)],
            "Saraya Awliya al-Dam claimed responsibility for the drone attack",
        ),
        # nothing to rest on
        ([], GRAD),
    ],
)
def test_near_misses_are_not_interested(appearances, text):
    assert not is_interested_party(claim(*appearances, text=text))


def test_denials_are_not_what_a_claim_rests_on():
    c = claim(militia_channel(), app("Iraqi Government", kind="government", stance="denies"), text=GRAD)
    assert is_interested_party(c)


# --- unverified reasons -----------------------------------------------------------------


@pytest.mark.parametrize(
    "facts, codes",
    [
        (claim(named(REUTERS, grade="B")), ["single-origin"]),
        (claim(ap_anonymous(), *reposts_via_ap()), ["single-origin", "anonymous"]),
        (claim(named(AP), named(REUTERS), hedges=("reportedly",)), ["hedged"]),
        (claim(militia_channel(), militia_channel("Sabereen 2"), text=GRAD), ["interested-party"]),
        (claim(), ["cannot-be-judged"]),
        (claim(named(AP), named(REUTERS)), []),
        (claim(named(AP), named(REUTERS), contradicted_by=(1,)), []),
        (claim(named(AP), contradicted_by=(1,)), ["single-origin"]),
        (claim(ap_anonymous(), verdict="unproven"), []),
        (
            claim(ap_anonymous(), hedges=("reportedly",), text=GRAD, interested=True),
            ["single-origin", "anonymous", "hedged", "interested-party"],
        ),
    ],
)
def test_unverified_reasons(facts, codes):
    assert unverified_reasons(facts) == codes
    assert is_unverified(facts) is bool(codes)
    assert set(codes) <= set(UNVERIFIED_CODES)


def test_unverified_matches_spec_definition():
    cases = [
        claim(named(REUTERS)),
        claim(ap_anonymous()),
        claim(named(AP), named(REUTERS)),
        claim(app("Blog", speaker="X"), app("Blog 2", speaker="Y"), contradicted_by=(6,)),
    ]
    for facts in cases:
        a = assess(facts)
        expected = facts.verdict is None and (a.grade in (4, 6) or len(a.origins) == 1)
        assert is_unverified(facts) is expected


# --- beta score -------------------------------------------------------------------------


def simpson(f, lo, hi, n=20_000):
    h = (hi - lo) / n
    total = f(lo) + f(hi)
    total += 4 * sum(f(lo + (2 * k - 1) * h) for k in range(1, n // 2 + 1))
    total += 2 * sum(f(lo + 2 * k * h) for k in range(1, n // 2))
    return total * h / 3


def beta_pdf(a, b):
    norm = math.gamma(a + b) / (math.gamma(a) * math.gamma(b))
    return lambda x: norm * x ** (a - 1) * (1 - x) ** (b - 1)


def bisect(f, target):
    lo, hi = 0.0, 1.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < target:
            lo = mid
        else:
            hi = mid
    return lo


def test_beta_1_1_is_uniform():
    mean, lower, upper = beta_score(0, 0)
    assert mean == 0.5
    assert lower == pytest.approx(0.05, abs=1e-10)
    assert upper == pytest.approx(0.95, abs=1e-10)


def test_beta_2_1_quantiles_are_square_roots():
    mean, lower, upper = beta_score(1, 0)  # CDF x**2
    assert mean == pytest.approx(2 / 3)
    assert lower == pytest.approx(math.sqrt(0.05), abs=1e-10)  # 0.2236
    assert upper == pytest.approx(math.sqrt(0.95), abs=1e-10)


def test_beta_1_2_mirrors_beta_2_1():
    mean, lower, upper = beta_score(0, 1)  # CDF 1 - (1 - x)**2
    assert mean == pytest.approx(1 / 3)
    assert lower == pytest.approx(1 - math.sqrt(0.95), abs=1e-10)
    assert upper == pytest.approx(1 - math.sqrt(0.05), abs=1e-10)


def test_beta_3_3_median_is_one_half():
    assert beta_quantile(0.5, 3, 3) == pytest.approx(0.5, abs=1e-10)


def test_beta_10_2_fifth_percentile():
    q = beta_quantile(0.05, 10, 2)
    closed_form = bisect(lambda x: x**10 * (11 - 10 * x), 0.05)  # CDF of Beta(10, 2)
    assert closed_form == pytest.approx(0.6356405, abs=1e-7)
    assert q == pytest.approx(closed_form, abs=1e-10)
    assert simpson(beta_pdf(10, 2), 0, q) == pytest.approx(0.05, abs=1e-9)


@pytest.mark.parametrize("a, b, x", [(2.5, 3.5, 0.3), (8, 2, 0.9), (30, 4, 0.8), (1, 1, 0.42)])
def test_regularized_beta_matches_numeric_integration(a, b, x):
    assert regularized_beta(x, a, b) == pytest.approx(simpson(beta_pdf(a, b), 0, x), abs=1e-7)


def test_outlet_with_7_true_1_false_hand_computed():
    # Beta(8, 2): mean 8/10; CDF x**8 * (9 - 8x), solved here independently.
    mean, lower, upper = beta_score(7, 1)
    assert mean == 0.8
    cdf = lambda x: x**8 * (9 - 8 * x)  # noqa: E731
    assert lower == pytest.approx(bisect(cdf, 0.05), abs=1e-10)
    assert upper == pytest.approx(bisect(cdf, 0.95), abs=1e-10)
    assert lower == pytest.approx(0.570864, abs=1e-6)
    assert upper == pytest.approx(0.958977, abs=1e-6)
    assert simpson(beta_pdf(8, 2), lower, upper) == pytest.approx(0.90, abs=1e-9)


def test_beta_score_rejects_bad_input():
    with pytest.raises(ValueError):
        beta_score(-1, 0)
    with pytest.raises(ValueError):
        beta_score(1, 1, prior=(0, 1))
    with pytest.raises(ValueError):
        beta_quantile(1.5, 1, 1)


counts = st.integers(min_value=0, max_value=2000)


@settings(max_examples=60, deadline=None)
@given(counts, counts)
def test_beta_score_interval_contains_mean(true, false):
    mean, lower, upper = beta_score(true, false)
    assert 0.0 <= lower <= mean <= upper <= 1.0


@settings(max_examples=60, deadline=None)
@given(counts, counts)
def test_beta_score_is_monotone_in_true_and_false(true, false):
    mean, lower, upper = beta_score(true, false)
    more_true = beta_score(true + 1, false)
    more_false = beta_score(true, false + 1)
    assert more_true[0] > mean and more_false[0] < mean
    assert more_true[1] >= lower - 1e-12 and more_true[2] >= upper - 1e-12
    assert more_false[1] <= lower + 1e-12 and more_false[2] <= upper + 1e-12


# --- suggested grade --------------------------------------------------------------------


def record(true, false, *, grade=None, carried=None, contradicted=0, mixed=0):
    decided = true + false + mixed
    return OutletRecord(
        outlet="X",
        grade=grade,
        carried=carried if carried is not None else decided,
        with_verdict=decided,
        true=true,
        false=false,
        mixed=mixed,
        contradicted=contradicted,
    )


@pytest.mark.parametrize(
    "true, false, mixed, expected",
    [
        (0, 0, 0, "F"),  # no verdicts
        (2, 0, 0, "F"),  # fewer than 3
        (2, 0, 5, "F"),  # mixed verdicts do not count
        (28, 0, 0, "A"),  # lower bound 0.05**(1/29) = 0.9019
        (27, 0, 0, "B"),  # lower bound 0.05**(1/28) = 0.8985
        (7, 1, 0, "B"),  # mean 0.8
        (3, 0, 0, "B"),  # mean 0.8
        (5, 3, 0, "C"),  # mean 0.6
        (4, 3, 0, "D"),  # mean 5/9 = 0.556
        (3, 3, 0, "D"),  # mean 0.5
        (2, 3, 0, "D"),  # mean 3/7 = 0.429
        (1, 4, 0, "E"),  # mean 2/7 = 0.286
        (0, 3, 0, "E"),  # mean 0.2
    ],
)
def test_suggested_grade_table(true, false, mixed, expected):
    assert suggested_grade(record(true, false, mixed=mixed)) == expected


def test_28_true_lower_bound_is_hand_computed():
    assert beta_score(28, 0)[1] == pytest.approx(0.05 ** (1 / 29), abs=1e-10)  # CDF x**29


@pytest.mark.parametrize(
    "true, false, contradicted, expected",
    [(7, 1, 6, "C"), (7, 1, 5, "B"), (28, 0, 20, "B"), (0, 3, 3, "E"), (1, 1, 2, "F")],
)
def test_contradicted_share_above_half_lowers_one_letter(true, false, contradicted, expected):
    carried = 10 if true + false < 20 else 30
    assert suggested_grade(record(true, false, carried=carried, contradicted=contradicted)) == expected


@pytest.mark.parametrize(
    "analyst, true, false, expected",
    [
        ("B", 0, 3, True),  # B vs E
        ("b", 0, 3, True),  # case-insensitive
        ("B", 5, 3, False),  # B vs C
        ("A", 5, 3, True),  # A vs C
        (None, 0, 3, False),  # no analyst grade
        ("A", 0, 1, False),  # record too thin (F)
        ("F", 28, 0, False),  # analyst cannot judge: not a disagreement
    ],
)
def test_record_disagrees(analyst, true, false, expected):
    assert record_disagrees(record(true, false, grade=analyst)) is expected
