"""The matcher's judgement on pairs (STYLE: tables of pairs that must and must not match)."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tracker import matching
from tracker.judgement.facts import text_facts
from tracker.judgement.pair import judge_texts
from tracker.matching import form, guards, index, similarity

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


def judge(a: str, b: str) -> similarity.Judgement:
    return judge_texts(a, b)


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
        guards.swapped_facts(form.fold_text(a), form.fold_text(a.replace("may have hit", "hit") + " in June"))
        is None
    )
    dated = "Rockets hit the Ain al-Asad air base on 7 May, the coalition said."
    swap = guards.swapped_facts(form.fold_text(dated), form.fold_text(dated.replace("May", "June")))
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
def test_judging_with_the_facts_an_import_prepares_equals_judging_with_them_worked_out(a, b):
    """An import hands ``judge`` the numbers (from the normalisation that folds the text),
    polarity marks and lexicon sides its workers found for each line; the judgement is the
    one reached with the facts worked out from the texts."""
    from tracker.judgement.facts import lexicon_sides
    from tracker.text import fold_and_numbers, numbers

    def prepared(t: str) -> similarity.TextFacts:
        folded, nums = fold_and_numbers(t)
        assert folded == form.fold_text(t) and nums == numbers(t)
        return similarity.TextFacts(nums, similarity.polarity_marks(t), lexicon_sides(t))

    for t in (a, b):
        assert prepared(t) == text_facts(t)
    given = similarity.judge(a, b, form.fold_text(a), form.fold_text(b), (prepared(a), prepared(b)))
    assert given == judge(a, b)
    if "escalate" in a:
        assert "opposing-action" in given.signals
    if "14 rockets" in a and "30 rockets" in b:
        assert "numeric" in given.signals


def test_scores_rank_closer_pairs_higher():
    a = "Ghaani told militia leaders in Baghdad to keep calm until the nuclear talks end."
    closer = "Ghaani told the militia leaders in Baghdad to keep calm until nuclear talks end."
    looser = "Ghaani asked Iraqi factions to stay quiet while the talks continue."
    assert similarity.score(form.fold_text(a), form.fold_text(closer)) > similarity.score(
        form.fold_text(a), form.fold_text(looser)
    )


def _pool_of(texts: list[str], n: int) -> list[int]:
    """The pool of text ``n`` among the texts before it (index positions)."""
    from tracker.matching.index import AllHolders
    from tracker.matching.pool import pool

    forms = [(i, form.posted_form(form.fold_text(t))) for i, t in enumerate(texts)]
    return pool(forms[n][1].split(), AllHolders(forms).before(n))


def test_the_pool_holds_rewordings_and_leaves_out_claims_about_other_things():
    texts = [
        *[f"Militia {n} fired {n + 3} rockets at a base near Basra on day {n}." for n in range(30)],
        "Quds Force commander Esmail Ghaani told Iraqi militia leaders in Baghdad to keep calm until the talks end.",
        "The Kurdistan Regional Government opened a new school in Duhok.",
        "Ghaani asked the militia leaders he met in Baghdad to stay calm while the talks go on.",
    ]
    members = _pool_of(texts, len(texts) - 1)
    assert len(texts) - 3 in members  # shares the rare words Ghaani, Baghdad, calm, talks
    assert len(texts) - 2 not in members
    assert not set(members) & set(range(30))


def test_a_pool_member_shares_two_of_the_claims_rarest_tokens():
    """One shared rare word (a place) is not enough to be judged against a claim."""
    texts = [
        "A roadside bomb hit a logistics convoy near Samawah on Tuesday.",
        "Farmers in Samawah protested against water shortages.",
        "A roadside bomb hit a supply convoy near Samawah on Tuesday, police said.",
    ]
    assert _pool_of(texts, 2) == [0]


def test_the_pool_looks_only_at_the_newest_holders_of_a_common_token(monkeypatch):
    from dataclasses import replace

    from tracker.matching import pool as pool_module

    monkeypatch.setattr(pool_module, "SETTINGS", replace(matching.SETTINGS, window=5))
    from tracker.matching import index as index_module

    monkeypatch.setattr(index_module, "SETTINGS", replace(matching.SETTINGS, window=5))
    texts = [f"Gunmen attacked a checkpoint in Tarmiyah, wounding {n} guards." for n in range(12)]
    members = _pool_of(texts, 11)
    assert members == list(range(6, 11))


def test_every_source_of_holders_gives_the_same_pool(session):
    """The database, an import's overlay of unwritten claims and the whole-database copy
    answer the candidate rule alike, so a claim gets the same pool however it arrives."""
    from tracker.claims.inputs import ClaimInput
    from tracker.claims.store import add
    from tracker.matching.index import AllHolders, Overlay, StoredHolders, all_forms
    from tracker.matching.pool import pool
    from tracker.outlets import get_or_create

    texts = [
        *[f"Militia {n % 7} fired {n + 3} rockets at a base near Baghdad on day {n}." for n in range(40)],
        *[a for a, _ in SAME],
        *[b for _, b in SAME],
    ]
    get_or_create(session, "Wire")
    for t in texts[:30]:
        add(session, ClaimInput(text=t, outlet="Wire"))
    session.flush()
    stored = dict(all_forms(session))
    first = max(stored) + 1
    overlay = Overlay(StoredHolders(session))
    local = {}
    for k, t in enumerate(texts[30:]):
        local[first + k] = form.posted_form(form.fold_text(t))
    everything = AllHolders([*stored.items(), *local.items()])
    for cid, posted in local.items():
        toks = posted.split()
        assert pool(toks, overlay) == pool(toks, everything.before(cid)), cid
        overlay.add(cid, toks)
    for cid, posted in stored.items():
        assert pool(posted.split(), StoredHolders(session, exclude=cid)) == pool(
            posted.split(), AllHolders([(c, f) for c, f in stored.items() if c != cid]).before(first)
        )


def test_token_counts_alone_equal_the_counts_the_candidate_rule_reads(session):
    """The content score's weights read holder counts without the holder lists
    (``prefetch_counts``: on SQLite the FTS5 vocabulary); they equal the counts the
    candidate rule reads, with a re-checked claim left out and the cap applied."""
    from dataclasses import replace

    from tracker.claims.inputs import ClaimInput
    from tracker.claims.store import add
    from tracker.matching import settings
    from tracker.matching.index import StoredHolders, all_forms
    from tracker.outlets import get_or_create

    get_or_create(session, "Wire")
    for n in range(70):  # "militia" and "baghdad" are held by more than the window shows
        add(
            session, ClaimInput(text=f"Militia {n % 9} fired rockets near Baghdad on day {n}.", outlet="Wire")
        )
    session.flush()
    forms = dict(all_forms(session))
    tokens = sorted({t for f in forms.values() for t in f.split()} | {"nowhere"})
    for exclude in (None, min(forms)):
        lists, counts = StoredHolders(session, exclude=exclude), StoredHolders(session, exclude=exclude)
        lists.prefetch(tokens)
        counts.prefetch_counts(tokens)
        assert {t: counts.count(t) for t in tokens} == {t: lists.count(t) for t in tokens}
    assert StoredHolders(session).count("nowhere") == 0
    with settings.overridden(rank_cap=20):
        capped = StoredHolders(session)
        capped.prefetch_counts(tokens)
        assert max(capped.count(t) for t in tokens) == 20
    assert replace(settings.SETTINGS) == settings.DEFAULTS


def test_all_forms_are_the_posted_forms_of_the_active_claims(cli, backend):
    from sqlalchemy import select

    from tracker.db import open_database, session_scope
    from tracker.judgement.postings import posted_form
    from tracker.matching.index import all_forms
    from tracker.models import Claim

    cli.ok("import", str(FIXTURES / "iraq-militias-2021.jsonl"))
    cli.ok(
        "claim", "edit", "1", "--text", "Ghaani told the militia leaders to keep calm until the talks end."
    )
    cli.ok("merge", "2", "3")
    engine = open_database(cli.url)
    try:
        with session_scope(engine) as s:
            rows = s.execute(
                select(Claim.id, Claim.text, Claim.norm).where(Claim.status == "active").order_by(Claim.id)
            ).all()
            found = all_forms(s)
    finally:
        engine.dispose()
    assert [(cid, sorted(f.split())) for cid, f in found] == [
        (cid, sorted(posted_form(t, norm).split())) for cid, t, norm in rows
    ]
    assert any("lex." in f for _, f in found)  # side markers are posted too
    assert 3 not in dict(found)


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
        norm = form.fold_text(" ".join(parts))
        toks = form.tokens_of(norm)
        with fts_engine.connect() as conn:
            index.post(conn, [(1, form.posted_form(norm))])
            for tok in toks:
                assert index.posted_claims(conn, tok) == [1], tok
                assert index.holding_counts(conn, [tok], 5) == {tok: 1}
                assert index.newest_holders(conn, [tok], 5) == {tok: [1]}
            conn.rollback()

    check()


def test_the_rarest_word_alone_brings_in_a_claim_older_than_every_window():
    """A rewording whose one rare word (a name) is shared with an old claim, and whose
    other words are common enough that the old claim is out of their windows, still
    meets it: the rarest query token ties on its own when the window holds all its
    holders."""
    texts = [
        "Kataib Zulfiqar fired rockets at the airport base.",
        *[f"Militia {n} fired rockets at the airport base near Basra on day {n}." for n in range(70)],
        "Zulfiqar's men fired rockets at the airport base.",
    ]
    assert 0 in _pool_of(texts, len(texts) - 1)


def test_query_tokens_rank_by_how_many_claims_hold_them_beyond_the_window():
    from tracker.matching.index import AllHolders
    from tracker.matching.pool import held_tokens
    from tracker.matching.settings import SETTINGS

    many, fewer = SETTINGS.window + 30, SETTINGS.window + 5
    forms = [(i, "alpha") for i in range(many)] + [(many + i, "zeta") for i in range(fewer)]
    holders = AllHolders(forms).before(10**6)
    ranked = [tok for _, tok, _ in held_tokens(["alpha", "zeta"], holders)]
    assert ranked == ["zeta", "alpha"]  # not in token order: zeta is held by fewer claims
    assert holders.count("alpha") == many and len(holders("alpha")) == SETTINGS.window + 1


def test_clusters_form_around_a_representative_and_do_not_chain():
    from tracker.matching.clusters import around_representatives, clusters

    # 2-3 is the strongest pair: 2 leads. 1 is close to 2 and joins; 4 is close only to
    # 3, a member, so it stays out, where connected components would chain 1 to 4.
    # 5-6 starts a group; 6-7 adds nothing (6 is a member), 5-7 then adds 7.
    pairs = [
        (1, 2, (0, -95.0)),
        (2, 3, (0, -97.0)),
        (3, 4, (0, -96.0)),
        (5, 6, (1, -80.0)),
        (6, 7, (1, -79.0)),
        (5, 7, (1, -78.0)),
    ]
    assert around_representatives(pairs) == [[2, 1, 3], [5, 6, 7]]
    assert clusters((a, b) for a, b, _ in pairs)[0] == [1, 2, 3, 4]
    paired = {frozenset(p[:2]) for p in pairs}
    for rep, *members in around_representatives(pairs):
        assert all(frozenset((rep, m)) in paired for m in members)


def test_a_short_name_is_no_typo_or_start_of_another_name_but_its_plural_is_it():
    from tracker.judgement.pair import judge_texts

    frame = "{} reported that the convoy reached Tikrit on Monday."
    # Two agencies, an acronym and a name it starts, a place and the start of another.
    for a, b in (("AP", "AFP"), ("KH", "Khazali"), ("An Nasr", "Anbar")):
        j = judge_texts(frame.format(a), frame.format(b))
        assert j.kind != "same", (a, b, j)
    # An acronym and its plural are one name.
    plural = "The {} said the convoy reached Tikrit on Monday."
    assert judge_texts(plural.format("PMF"), plural.format("PMFs")).kind == "same"
    # Long names a typo apart still are.
    assert judge_texts(frame.format("Hashim al-Sudani"), frame.format("Hasihm al-Sudani")).kind == "same"


QUALIFIED = (
    "Kataib Hezbollah commander Abu Fadak ordered the brigades in Diyala to stop firing at the embassy."
)


@pytest.mark.parametrize(
    "b",
    [
        "Iraq's Abu Fadak ordered the brigades in Diyala to stop firing at the embassy.",
        "PMF chief Abu Fadak ordered the brigades in Diyala to stop firing at the embassy.",
        "Abu Fadak ordered the brigades in Diyala to stop firing at the embassy.",
    ],
)
def test_a_name_that_only_qualifies_a_shared_name_is_no_other_person(b):
    """A possessive or an organisation before a title ("Iraq's", "Kataib Hezbollah
    commander") describes the person both sentences name; it is no swap."""
    assert guards.swapped_names(QUALIFIED, b, form.fold_text(QUALIFIED), form.fold_text(b)) is None
    assert judge(QUALIFIED, b).kind in ("same", "suggest")


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        # Given names right before the shared surname stay names: two people.
        (
            "Leila Haddad told reporters in Erbil that the convoy had turned back.",
            "Samir Haddad told reporters in Erbil that the convoy had turned back.",
            ("leila", "samir"),
        ),
        # The shared word is the qualifier here, the head differs: two people.
        (
            "Iraqi minister Hamdani told reporters in Erbil that the convoy had turned back.",
            "Iraqi minister Jubouri told reporters in Erbil that the convoy had turned back.",
            ("hamdani", "jubouri"),
        ),
        # Two qualifiers that cannot describe one person (two countries) stay a swap.
        (
            "Syria's Haddad told reporters in Erbil that the convoy had turned back.",
            "Jordan's Haddad told reporters in Erbil that the convoy had turned back.",
            ("syria", "jordan"),
        ),
    ],
)
def test_qualifiers_do_not_hide_another_person(a, b, names):
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) == names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Kataib Salam fighters were seen in Samarra on Friday.",
            "Salam fighters were seen in Samarra on Friday.",
        ),
        (
            "Badr Party fighters were seen in Samarra on Friday.",
            "Badr fighters were seen in Samarra on Friday.",
        ),
        (
            "Fallujah Brigades fighters were seen in Samarra on Friday.",
            "Fallujah fighters were seen in Samarra on Friday.",
        ),
    ],
)
def test_an_actor_word_in_one_name_makes_it_another_actor(a, b):
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) is not None
    assert judge(a, b).kind == "contradiction"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rockets hit the Harir Air Base on Friday.", "Rockets hit Harir on Friday."),
        (
            "The Nujaba Movement fighters were seen in Samarra on Friday.",
            "Nujaba fighters were seen in Samarra on Friday.",
        ),
        ("The IRGC Quds Force trained them in Samarra.", "The Quds Force trained them in Samarra."),
    ],
)
def test_a_word_for_a_part_or_kind_of_one_thing_keeps_one_name(a, b):
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) is None


def test_actor_words_of_one_class_are_one_word():
    a = "Kataib Rouhallah fighters were seen in Samarra on Friday."
    b = "Rouhallah Brigades fighters were seen in Samarra on Friday."
    assert guards.extended_name(a, b, form.fold_text(a), form.fold_text(b)) is None


def test_a_short_key_that_starts_another_is_no_start_of_a_name_written_otherwise():
    """Keys of three letters start many longer keys: "Saad" ("sad") is not "Sadr"."""
    a = "Saad Hamid spoke in Najaf on Friday."
    b = "Sadr Hamid spoke in Najaf on Friday."
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) == ("saad", "sadr")


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        (
            "Saraya Awliya al-Dam fired rockets at the Harir base.",
            "SAD fired rockets at the Harir base.",
            True,
        ),
        ("The Badr Organization took over the checkpoint.", "BO took over the checkpoint.", True),
        ("The Institute for the Study of War counted the strikes.", "ISW counted the strikes.", True),
        (
            "Saraya Awliya al-Dam fired rockets at the Harir base.",
            "SAA fired rockets at the Harir base.",
            False,
        ),
        ("Khazali fired rockets at the Harir base.", "KH fired rockets at the Harir base.", False),
    ],
)
def test_an_acronym_is_the_name_whose_initials_it_spells(a, b, one):
    """An acronym in capitals stands for a name of several capitalised words whose
    initials it spells (small words such as "of", "for", "al-" left out)."""
    swapped = guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b))
    assert (swapped is None) is one, swapped


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        # A word for the followers of a name is not the name.
        (
            "The Sadrists won the vote in Najaf on Friday.",
            "Sadr won the vote in Najaf on Friday.",
            ("sadrists", "sadr"),
        ),
        # A typo keeps the first letter: two names that differ in it are two names.
        ("Hashimi spoke in Najaf on Friday.", "Kashimi spoke in Najaf on Friday.", ("hashimi", "kashimi")),
    ],
)
def test_followers_and_a_changed_first_letter_are_other_names(a, b, names):
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) == names


def test_an_acronym_inside_a_longer_name_spells_nothing():
    a = "ISF News reported the convoy in Najaf on Friday."
    b = "The Iraqi Security Forces reported the convoy in Najaf on Friday."
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) is not None
    lone = "ISF reported the convoy in Najaf on Friday."
    assert guards.swapped_names(lone, b, form.fold_text(lone), form.fold_text(b)) is None


def test_a_number_written_into_a_name_is_part_of_it():
    a = "Rudaw24 reported the convoy in Najaf on Friday."
    b = "Rudaw reported the convoy in Najaf on Friday."
    assert guards.swapped_names(a, b, form.fold_text(a), form.fold_text(b)) is not None
