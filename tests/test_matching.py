"""The matcher's judgement on pairs (STYLE: tables of pairs that must and must not match)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import FIXTURES
from tracker import matching

BASE = "General Farhad Manirian told PMF commanders in Baghdad on 30 May 2020 to {} against US troops."

SAME = [
    (
        "Quds Force commander Esmail Ghaani told Iraqi militia leaders in Baghdad to keep calm until the talks end.",
        "quds force commander esmail qaani told iraqi militia leaders in baghdad to keep calm until the talks end.",
    ),
    (
        "Kataib Hezbollah fired 14 rockets at the Ain al-Asad air base on 7 July.",
        "KATAIB HIZBULLAH FIRED FOURTEEN ROCKETS AT THE AIN AL-ASAD AIR BASE ON 7 JULY.",
    ),
    (
        "The Hashd al-Shaabi moved 2,500 fighters to Erbil.",
        "The Hashed al-Shaabi moved 2500 fighters to Irbil.",
    ),
    # Names written another way are no swap of names: a word for the same group, a
    # demonym, a plural, a typo the transliteration key does not absorb.
    (
        "During a visit to Baghdad, Revolutionary Guard intelligence chief Hossein Taeb urged Iraq's Shiite militias to step up attacks on US targets.",
        "During a visit to Baghdad, Revolutionary Guards intelligence chief Hossein Taeb urged Iraq's Shia militias to step up attacks on US targets.",
    ),
    (
        "Iraqi officials said the Kurdish Peshmerga moved 300 fighters to the disputed areas near Kirkuk.",
        "Iraq officials said the Kurd Peshmerga moved 300 fighters to the disputed areas near Kirkuk.",
    ),
    (
        "Quds Force commander Esmail Ghaani told Iraqi militia leaders in Baghdad to keep calm until the talks end.",
        "Quds Force commander Esmail Ghaanni told Iraqi militia leaders in Baghdad to keep calm until the talks end.",
    ),
    (
        "The US Treasury put sanctions on 25 commanders linked to Usbat Bani Hashim on May 29.",
        "The US Treasury put sanctions on 25 commanders linked to Usbat Bani Hasihm on May 29.",
    ),
]

# Near-identical sentences naming other people or groups in the same place: two accounts.
SWAPPED_NAMES = [
    (
        "Security officials in the Kurdistan Region said Kataib Hezbollah carried out the 26 June drone attack near Erbil airport.",
        "Security officials in the Kurdistan Region said Asaib Ahl al-Haq carried out the 26 June drone attack near Erbil airport.",
        "kataib hezbollah vs asaib ahl haq",
    ),
    (
        "Quds Force commander Esmail Ghaani told Iraqi militia leaders to keep calm until the nuclear talks end.",
        "Revolutionary Guard intelligence chief Hossein Taeb told Iraqi militia leaders to keep calm until the nuclear talks end.",
        "quds esmail ghaani vs hossein taeb irgc",
    ),
    (
        "Sunni tribal fighters took control of the road between Baiji and Tikrit on Monday, local officials said.",
        "Shiite tribal fighters took control of the road between Baiji and Tikrit on Monday, local officials said.",
        "sunni vs shiite",
    ),
    (
        "Fighters loyal to Badr took over the checkpoint at the entrance of Jurf al-Sakhar on Monday, police said.",
        "Fighters loyal to Sadr took over the checkpoint at the entrance of Jurf al-Sakhar on Monday, police said.",
        "badr vs sadr",
    ),
]

NEVER_DUPLICATES = [
    (
        "Kataib Hezbollah fired 14 rockets at the Ain al-Asad air base on 7 July.",
        "Kataib Hezbollah fired 30 rockets at the Ain al-Asad air base on 7 July.",
    ),
    (
        "Ghaani rebuked the militia leaders at the Baghdad meeting.",
        "Ghaani did not rebuke the militia leaders at the Baghdad meeting.",
    ),
    (
        "The cabinet allocated 1,700 billion dinars for families in Diyala, Sheikh Mahdi told reporters.",
        "Sheikh Mahdi rejected claims that the cabinet allocated 1,700 billion dinars for families in Diyala.",
    ),
    (
        "The ministry said the convoy was not attacked and troops did not fire near the border.",
        "The ministry dismissed as false reports that the convoy was not attacked and troops did not fire near the border.",
    ),
    (BASE.format("escalate operations"), BASE.format("hold off on retaliation")),
    (
        "The Pentagon will keep 2,500 troops in Iraq, officials said.",
        "The Pentagon will withdraw all 2,500 troops from Iraq, officials said.",
    ),
]


def judge(a: str, b: str) -> matching.Judgement:
    return matching.judge(a, b, matching.fold_text(a), matching.fold_text(b))


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_claim_however_spelled_or_cased(a, b):
    assert judge(a, b).kind == "same"


@pytest.mark.parametrize(("a", "b"), NEVER_DUPLICATES)
def test_numbers_negations_denials_and_opposing_actions_are_never_duplicates(a, b):
    j = judge(a, b)
    assert j.kind == "contradiction", j


ROCKETS_MONDAY = (
    "Three rockets hit the Ain al-Asad air base on Monday night, killing two soldiers, the coalition said."
)

# Another day, month, weapon or direction: never merged, offered for review; other
# casualties (killed / wounded): kept apart and handed to the detectors.
SWAPPED_FACTS = [
    (ROCKETS_MONDAY.replace("Monday", "Tuesday"), "suggest", "day: monday vs tuesday"),
    (ROCKETS_MONDAY.replace("on Monday night", "on 7 July"), None, None),  # more detail, not another day
    (ROCKETS_MONDAY.replace("rockets", "drones"), "suggest", "weapon: rocket vs drone"),
    (ROCKETS_MONDAY.replace("air base", "air base in the north"), None, None),
    (ROCKETS_MONDAY.replace("killing", "wounding"), "contradiction", "casualties: death vs injury"),
    (ROCKETS_MONDAY.replace("rockets", "Katyusha rockets"), "same", None),
    (ROCKETS_MONDAY.replace("killing two soldiers", "leaving two soldiers dead"), "same", None),
]


@pytest.mark.parametrize(("b", "kind", "fact"), SWAPPED_FACTS)
def test_near_identical_sentences_with_another_fact_are_never_merged(b, kind, fact):
    j = judge(ROCKETS_MONDAY, b)
    if fact is None:
        assert kind is None or j.kind == kind, j
        assert "different" not in " ".join(j.reasons), j
        return
    assert j.kind == kind, j
    assert j.reasons == (f"same words, different {fact}",)
    assert judge(b, ROCKETS_MONDAY).kind == kind


def test_months_are_told_from_the_verb_may():
    a = "Rockets may have hit the Ain al-Asad air base, the coalition said."
    assert (
        matching.swapped_facts(
            matching.fold_text(a), matching.fold_text(a.replace("may have hit", "hit") + " in June")
        )
        is None
    )
    dated = "Rockets hit the Ain al-Asad air base on 7 May, the coalition said."
    swap = matching.swapped_facts(matching.fold_text(dated), matching.fold_text(dated.replace("May", "June")))
    assert swap == ("month", "may", "june")


@pytest.mark.parametrize(("a", "b", "names"), SWAPPED_NAMES)
def test_sentences_naming_other_people_are_never_duplicates(a, b, names):
    """Merging them would put one outlet's perpetrator or speaker in the other's mouth.
    The pair goes to the contradiction detectors instead."""
    j = judge(a, b)
    assert j.score >= matching.SETTINGS.suggest  # the words alone would make them duplicates
    assert (j.kind, j.signals) == ("contradiction", ("names",)), j
    assert j.reasons == (f"same words, different names: {names}",)
    assert judge(b, a).kind == "contradiction"


@pytest.mark.parametrize(("a", "b"), SAME + NEVER_DUPLICATES)
def test_judging_with_the_texts_facts_given_equals_judging_with_them_worked_out(a, b):
    """An import hands ``judge`` the numbers, polarity marks and lexicon sides its workers
    found for each line; the judgement is the one ``judge`` reaches on its own."""
    from tracker.detection import lexicon_sides
    from tracker.normalize import fold_and_numbers, numbers

    def facts(t: str) -> matching.TextFacts:
        folded, nums = fold_and_numbers(t)
        assert folded == matching.fold_text(t) and nums == numbers(t)
        return matching.TextFacts(nums, matching.polarity_marks(t), lexicon_sides(t))

    given = matching.judge(a, b, matching.fold_text(a), matching.fold_text(b), facts=(facts(a), facts(b)))
    assert given == judge(a, b)
    # One side known (a new line against a stored claim): the other is worked out.
    half = matching.judge(a, b, matching.fold_text(a), matching.fold_text(b), facts=(facts(a), None))
    assert half == given
    if "escalate" in a:
        assert "opposing-action" in given.signals
    if "14 rockets" in a and "30 rockets" in b:
        assert "numeric" in given.signals


def test_scores_rank_closer_pairs_higher():
    a = "Ghaani told militia leaders in Baghdad to keep calm until the nuclear talks end."
    closer = "Ghaani told the militia leaders in Baghdad to keep calm until nuclear talks end."
    looser = "Ghaani asked Iraqi factions to stay quiet while the talks continue."
    assert matching.score(matching.fold_text(a), matching.fold_text(closer)) > matching.score(
        matching.fold_text(a), matching.fold_text(looser)
    )


def test_blocking_finds_what_brute_force_finds_on_a_small_corpus():
    texts = [
        *[f"Militia {n} fired {n + 3} rockets at a base near Baghdad on day {n}." for n in range(50)],
        *[a for a, _ in SAME],
        *[b for _, b in SAME],
    ]
    norms = [matching.fold_text(t) for t in texts]
    blocked = {(i, j) for i, j, _ in matching.blocked_pairs(norms, 60)}
    for a, b in SAME:
        i, j = texts.index(a), texts.index(b)
        assert (min(i, j), max(i, j)) in blocked


def test_blocking_on_given_posted_forms_finds_the_same_pairs(monkeypatch):
    """Whole-database passes hand blocking the posted forms read back from the postings;
    the pairs must be those it finds when it computes the forms itself."""
    texts = [
        *[f"Militia {n} fired {n + 3} rockets at a base near Baghdad on day {n}." for n in range(80)],
        *[f"Officials in Erbil said {n} drones hit the airport on {n} June." for n in range(80)],
        *[a for a, _ in SAME],
        *[b for _, b in SAME],
    ]
    norms = [matching.fold_text(t) for t in texts]
    from dataclasses import replace

    monkeypatch.setattr(matching, "SETTINGS", replace(matching.SETTINGS, all_pairs_below=10))  # blocking
    computed = sorted(matching.blocked_pairs(norms, 60))
    posted = [matching.posted_form(n) for n in norms]
    given = sorted(matching.blocked_pairs(norms, 60, posted=posted))
    counts = Counter(t for p in posted for t in p.split())
    with_counts = sorted(matching.blocked_pairs(norms, 60, posted=posted, counts=counts))
    assert len(computed) > len(SAME)
    assert given == computed
    assert with_counts == computed


def test_stored_postings_are_the_forms_and_counts_of_the_claims(cli, backend):
    from sqlalchemy import select

    from tracker.db import open_database, session_scope
    from tracker.models import Claim

    cli.ok("import", str(FIXTURES / "iraq-militias-2021.jsonl"))
    cli.ok(
        "claim", "edit", "1", "--text", "Ghaani told the militia leaders to keep calm until the talks end."
    )
    engine = open_database(cli.url)
    try:
        with session_scope(engine) as s:
            rows = s.execute(
                select(Claim.id, Claim.norm).where(Claim.status == "active").order_by(Claim.id)
            ).all()
            stored = matching.stored_postings(s, [cid for cid, _ in rows])
            some = matching.stored_postings(s, [cid for cid, _ in rows[:5]])
    finally:
        engine.dispose()
    if backend == "sqlite":
        forms = [matching.posted_form(norm) for _, norm in rows]
        assert stored.forms == forms
        assert stored.counts == Counter(t for f in forms for t in f.split())
        # Postings of claims not asked for: the counts would not be theirs.
        assert some.forms == forms[:5] and some.counts is None
    else:
        assert stored is None and some is None  # PostgreSQL computes them


@pytest.fixture(scope="module")
def fts_engine(tmp_path_factory):
    from tracker.db import open_database

    engine = open_database(str(tmp_path_factory.mktemp("fts") / "fts.db"))
    yield engine
    engine.dispose()


def test_every_posted_token_is_found_again_in_sqlite_fts5(fts_engine):
    """SQLite's FTS5 tokenizer must store and look up each posted token exactly as given,
    whatever script, digits or decimals the text holds."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    words = st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
        st.sampled_from(["2.5", "1,200", "U.S.", "al-Asad", "Kata'ib", "Ghaani", "Ḥizb", "٣٠", "ǰ", "Ⅻ"]),
    )

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(words, min_size=1, max_size=8))
    def check(parts):
        norm = matching.fold_text(" ".join(parts))
        toks = matching.tokens_of(norm)
        with fts_engine.connect() as conn:
            matching.post(conn, [(1, norm)])
            for tok in toks:
                assert matching.posted_claims(conn, tok) == [1], tok
                assert matching.posting_count(conn, tok, 5) == 1
            conn.rollback()

    check()


def test_blocks_keep_exactly_the_pairs_whose_score_reaches_the_minimum():
    """Within a block, the score of a text with its close partners is computed in one
    call: the pairs kept must be exactly those whose ``score`` reaches ``min_score``."""
    import itertools

    places = ["Baghdad", "Erbil", "Basra", "Mosul", "Kirkuk", "Najaf", "Karbala", "Tikrit"]
    actors = ["Kataib Hezbollah", "Asaib Ahl al-Haq", "the PMF", "Saraya al-Salam"]
    texts = [
        f"{actor} fired {n} rockets at a base near {place} on 7 July, officials said."
        for actor, place, n in itertools.product(actors, places, (3, 14))
    ] + [f"{a} met envoys in {p} to discuss the truce." for a, p in itertools.product(actors, places)]
    norms = [matching.fold_text(t) for t in texts]
    block = [list(range(len(norms)))]
    floor = matching.sort_floor(matching.SETTINGS.suggest)
    everything = list(matching._score_blocks(norms, block, floor))
    kept = list(matching._score_blocks(norms, block, floor, min_score=80.0))
    expected = [(i, j, s) for i, j, s in everything if matching.score(norms[i], norms[j], s) >= 80.0]
    assert kept == expected
    assert 0 < len(kept) < len(everything)
