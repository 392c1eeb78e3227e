"""The contradiction detectors (tracker.contradictions): tables of pairs that must be flagged,
near misses that must not be, relative order, the fixture claim set, and the lexicon loader.

Pure: no database. Scores are compared with each other, never with exact values.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from tracker import contradictions as c
from tracker.contradictions import ClaimView, detect, load_lexicon, plausible, same_period
from tracker.errors import InvalidInput

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "iraq-militias-2021.jsonl"


@pytest.fixture(scope="module")
def lex() -> c.Lexicon:
    return c.builtin_lexicon()


def view(text: str, when: str | None = "2021-07-07", n: int = 0, **kw) -> ClaimView:
    return ClaimView(id=n, text=text, event_date=when, **kw)


def kinds(a: ClaimView, b: ClaimView, lexicon: c.Lexicon) -> list[str]:
    return [s.kind for s in detect(a, b, lexicon)]


# ---- time ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "days", "same"),
    [
        ("2021-07-07", "2021-07-07", 45, True),
        ("2021-06", "2021-07", 45, True),  # adjacent months: windows touch
        ("2021-06", "2021-07-13", 3, False),
        ("2021-06", "2021-07-02", 3, True),
        ("2021-07", "2021-10", 45, False),  # the attack-count pair
        ("2020-06", "2021-07", 45, False),  # the troop-numbers pair
        ("2021", "2021-11-03", 0, True),  # a year is a window
        ("2021-06-26", "2021-06-28", 3, True),
        ("2021-06-26", "2021-07-15", 3, False),
        (None, "2021-07-07", 0, True),  # unknown: cannot separate them
        ("not a date", "2021-07-07", 0, True),
    ],
)
def test_same_period(a, b, days, same):
    assert same_period(view("x", a), view("y", b), days) is same
    assert same_period(view("y", b), view("x", a), days) is same


def test_same_period_falls_back_to_publication_dates():
    a = ClaimView(1, "x", published=("2021-07-09", "2021-07-10"))
    b = ClaimView(2, "y", published=("2021-07-13",))
    far = ClaimView(3, "z", published=("2021-12-01",))
    assert same_period(a, b, 3)
    assert not same_period(a, far)
    assert c.period(a) is not None and c.period(ClaimView(4, "w")) is None


# ---- plausible -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ghaani told militia leaders to keep calm.", "Qaani rebuked the militia leaders.", True),
        ("14 rockets hit Ain al-Asad air base.", "The attack on Ain al-Asad caused no casualties.", True),
        ("rockets hit the air base near the airport", "an air base near the airport was hit", True),
        ("The US embassy was closed.", "US troops left the base.", False),  # "US" alone is too broad
        ("Ghaani told militia leaders to keep calm.", "Erbil airport reopened on Sunday.", False),
    ],
)
def test_plausible(a, b, expected):
    assert plausible(view(a), view(b)) is expected


def test_plausible_needs_the_same_period_without_a_shared_name():
    a = view("rockets hit the air base near the airport", "2020-01")
    b = view("an air base near the airport was hit by rockets", "2021-07")
    assert not plausible(a, b)


# ---- numeric ---------------------------------------------------------------------------------

NUMERIC_FLAGGED = [
    (
        "14 rockets landed on Ain al-Asad air base in Anbar province on 7 July.",
        "The Revenge of al-Muhandis Brigade fired 30 Grad missiles at Ain al-Asad air base.",
    ),
    (
        "The rocket attack on Ain al-Asad air base caused no casualties.",
        "At least two US service members were injured in the rocket attack on Ain al-Asad.",
    ),
    (
        "No one was hurt when drones struck Erbil airport.",
        "Three people were wounded when drones struck Erbil airport.",
    ),
    ("Five drones targeted Harir airfield.", "Two UAVs targeted the Harir airfield."),
    (
        "About 5,000 US troops are stationed in Iraq.",
        "Only 2,500 US soldiers are stationed in Iraq.",
    ),
    (
        "Several US soldiers were killed in the rocket attack on Ain al-Asad.",
        "The Security Media Cell said the attack on Ain al-Asad caused no casualties.",
    ),
]

NUMERIC_NOT_FLAGGED = [
    # counts of different things
    (
        "14 rockets hit Ain al-Asad air base.",
        "3 people were injured at Ain al-Asad air base.",
        "2021-07-07",
        "2021-07-07",
    ),
    # the same count, spelled differently
    (
        "Fourteen rockets landed on Ain al-Asad air base.",
        "14 rockets landed on the Ain al-Asad air base, the coalition said.",
        "2021-07-07",
        "2021-07-07",
    ),
    # different places
    ("14 rockets hit Ain al-Asad air base.", "30 rockets hit Erbil airport.", "2021-07-07", "2021-07-07"),
    # a lower bound that the other count satisfies
    (
        "At least 8 drone attacks targeted US forces in Iraq.",
        "10 drone attacks targeted US forces in Iraq.",
        "2021-07",
        "2021-07",
    ),
    # the same counts in another order
    (
        "8 drone attacks and 17 rocket attacks targeted the US presence in Iraq.",
        "17 rocket attacks and 8 drone attacks targeted the US presence in Iraq.",
        "2021-07",
        "2021-07",
    ),
    # "about" leaves room
    (
        "About 2,500 US troops are stationed in Iraq.",
        "2,400 US troops are stationed in Iraq.",
        "2021-07",
        "2021-07",
    ),
    # a fact that changed over time
    (
        "About 5,000 US troops were stationed in Iraq in mid-2020.",
        "Only 2,500 US troops are now stationed in Iraq.",
        "2020-06",
        "2021-07",
    ),
]


@pytest.mark.parametrize(("a", "b"), NUMERIC_FLAGGED)
def test_numeric_flags(a, b, lex):
    sig = c.numeric(view(a), view(b))
    assert sig is not None and sig.kind == "numeric"
    assert sig.reasons and '" vs "' in sig.reasons[0]
    assert "numeric" in kinds(view(a), view(b), lex)
    assert c.numeric(view(b), view(a)) is not None


@pytest.mark.parametrize(("a", "b", "when_a", "when_b"), NUMERIC_NOT_FLAGGED)
def test_numeric_near_misses(a, b, when_a, when_b):
    assert c.numeric(view(a, when_a), view(b, when_b)) is None


def test_numeric_reason_quotes_both_counts():
    sig = c.numeric(view(NUMERIC_FLAGGED[0][0]), view(NUMERIC_FLAGGED[0][1]))
    assert '"14 rockets" vs "30 grad missiles"' in sig.reasons[0]
    assert "same attack" in sig.reasons[0]


def test_numeric_exact_counts_rank_above_a_severity_mismatch():
    exact = c.numeric(view(NUMERIC_FLAGGED[0][0]), view(NUMERIC_FLAGGED[0][1]))
    severity = c.numeric(
        view("14 rockets landed on Ain al-Asad air base, and some personnel suffered minor injuries."),
        view("Several US soldiers were killed in the rocket attack on Ain al-Asad air base."),
    )
    assert severity is not None
    assert exact.score > severity.score


# ---- polarity --------------------------------------------------------------------------------

POLARITY_FLAGGED = [
    (
        view("The Pentagon confirmed that two service members were injured at Ain al-Asad.", "2021-07-07"),
        view("The Pentagon denied that service members were injured at Ain al-Asad.", "2021-07-07"),
    ),
    (
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
        view("Ghaani rebuked the militia leaders at the Baghdad meeting.", "2021-06"),
    ),
    (
        view("The US will not withdraw its combat troops from Iraq this year.", "2021-07"),
        view("The US will withdraw its combat troops from Iraq this year.", "2021-07"),
    ),
    (
        view(
            "Iran directs the attacks by Iraqi armed groups on US forces in Iraq.",
            "2021-07",
            stances=("denies",),
        ),
        view(
            "Iran is directing the attacks by Iraqi armed groups on US forces in Iraq.",
            "2021-07",
            stances=("asserts",),
        ),
    ),
]

POLARITY_NOT_FLAGGED = [
    # reposts: the same negation, names spelled two ways
    (
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
        view("Qaani didn't rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
    ),
    # the negation is about a word the other claim does not use
    (
        view("Ghaani told militia leaders to keep calm and not to provoke the Americans.", "2021-06"),
        view("Ghaani told militia leaders to keep calm.", "2021-06"),
    ),
    # both denied
    (
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
    ),
    # denied, and only reported (not asserted) elsewhere
    (
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("reports",)),
    ),
    # denied text that is itself negated, against the plain text: they agree
    (
        view("Iran does not direct the attacks on US forces in Iraq.", "2021-07", stances=("denies",)),
        view("Iran directs the attacks on US forces in Iraq.", "2021-07", stances=("asserts",)),
    ),
    # not near-identical
    (
        view("Ghaani did not rebuke the militia leaders.", "2021-06"),
        view("Taeb rebuked the Kurdish government over the Erbil attacks and the arrests.", "2021-06"),
    ),
    # a year apart
    (
        view("The Harir airfield was not attacked.", "2020-05"),
        view("The Harir airfield was attacked.", "2021-05"),
    ),
]


@pytest.mark.parametrize(("a", "b"), POLARITY_FLAGGED)
def test_polarity_flags(a, b, lex):
    sig = c.polarity(a, b)
    assert sig is not None and sig.kind == "polarity"
    assert c.polarity(b, a) is not None
    assert "polarity" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), POLARITY_NOT_FLAGGED)
def test_polarity_near_misses(a, b):
    assert c.polarity(a, b) is None


def test_polarity_reason_quotes_the_negation():
    a, b = POLARITY_FLAGGED[1]
    assert '"not rebuke" vs "rebuked"' in c.polarity(a, b).reasons[0]


def test_polarity_closer_wording_scores_higher():
    near = c.polarity(*POLARITY_FLAGGED[1])
    looser = c.polarity(
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06"),
        view("At a June meeting in Baghdad, Ghaani rebuked the leaders of the militias sharply.", "2021-06"),
    )
    assert looser is not None
    assert near.score > looser.score


# ---- opposing action -------------------------------------------------------------------------

AP_CALM = view(
    "Iran's Quds Force commander Esmail Ghaani told Iraqi militia leaders at a June meeting in "
    "Baghdad to keep calm until the nuclear talks with the United States are over.",
    "2021-06",
    1,
    published=("2021-07-09",),
)
REUTERS_ESCALATE = view(
    "During a visit to Baghdad last week, Revolutionary Guard intelligence chief Hossein Taeb "
    "urged Iraq's Shiite militias to step up attacks against US targets.",
    "2021-07",
    2,
    published=("2021-07-13",),
)

OPPOSING_FLAGGED = [
    (AP_CALM, REUTERS_ESCALATE, "restraint-vs-escalation"),
    (
        view("US troops will withdraw from Iraq by the end of the year, Kadhimi said.", "2021-07"),
        view("Kadhimi said US forces will stay in Iraq beyond the end of the year.", "2021-07"),
        "withdraw-vs-stay",
    ),
    (
        view("Kataib Hezbollah claimed responsibility for the drone attack on Erbil.", "2021-06-27"),
        view("Kataib Hezbollah denied responsibility for the drone attack on Erbil.", "2021-06-28"),
        "claim-vs-deny-responsibility",
    ),
    (
        view("Militia factions agreed to a truce with the government.", "2021-08"),
        view("The militias vowed to step up attacks on the government.", "2021-08"),
        "restraint-vs-escalation",
    ),
]

OPPOSING_NOT_FLAGGED = [
    # reposts of one story
    (
        AP_CALM,
        view(
            "Iran's Quds Force chief Ismail Qaani told Iraqi militia leaders at a June meeting in "
            "Baghdad to keep calm until the nuclear talks with the US are over.",
            "2021-06",
        ),
    ),
    # opposite predicates, different actors (a fixture hard negative)
    (
        AP_CALM,
        view(
            "Asaib Ahl al-Haq leader Qais al-Khazali said in a televised address on 17 June that his "
            "fighters would keep targeting the US occupier whatever happens in the nuclear talks.",
            "2021-06-17",
        ),
    ),
    # a negated phrase is not evidence for either side
    (
        view("Ghaani told the militias in Baghdad to keep calm.", "2021-06"),
        view("Taeb urged the militias in Baghdad not to step up attacks.", "2021-07"),
    ),
    # months apart
    (
        view("Ghaani told the militias in Baghdad to keep calm.", "2021-06"),
        view("Taeb urged the militias in Baghdad to step up attacks.", "2021-10"),
    ),
    # a claim about the contradiction holds both sides: no side, no signal
    (
        view(
            "Reuters' account that Taeb urged the militias to step up attacks contradicts the "
            "earlier AP report that Ghaani asked them for calm.",
            "2021-07",
        ),
        REUTERS_ESCALATE,
    ),
]


@pytest.mark.parametrize(("a", "b", "name"), OPPOSING_FLAGGED)
def test_opposing_action_flags(a, b, name, lex):
    sig = c.opposing_action(a, b, lex)
    assert sig is not None and sig.kind == "opposing-action"
    assert name in sig.reasons[0]
    assert c.opposing_action(b, a, lex) is not None
    assert "opposing-action" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), OPPOSING_NOT_FLAGGED)
def test_opposing_action_near_misses(a, b, lex):
    assert c.opposing_action(a, b, lex) is None


def test_opposing_action_reason_quotes_both_phrases(lex):
    sig = c.opposing_action(AP_CALM, REUTERS_ESCALATE, lex)
    assert '"keep calm" vs "step up attacks"' in sig.reasons[0]
    assert "baghdad" in sig.reasons[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghaani told the militias to remain calm.", {"restraint-vs-escalation": "a"}),
        ("The US will not withdraw from Iraq.", {"withdraw-vs-stay": "b"}),
        ("US troops will withdraw from Iraq.", {"withdraw-vs-stay": "a"}),
        ("The militias did not halt attacks.", {}),
        ("Kataib Hezbollah refused to stand down.", {}),
        (
            "Kataib Hezbollah said it was not responsible for the attack.",
            {"claim-vs-deny-responsibility": "b"},
        ),
        ("Reuters says Taeb urged the militias to step up attacks; AP says Ghaani asked for calm.", {}),
        ("De-escalation talks began in Baghdad.", {"restraint-vs-escalation": "a"}),
    ],
)
def test_predicates(text, expected, lex):
    assert c.predicates(text, lex) == expected


# ---- responsibility --------------------------------------------------------------------------

ERBIL_KH = "Kataib Hezbollah carried out the 26 June drone attack on the outskirts of Erbil."
ERBIL_AAH = "Asaib Ahl al-Haq carried out the 26 June drone attack on the outskirts of Erbil."

RESPONSIBILITY_FLAGGED = [
    (view(ERBIL_KH, "2021-06-26"), view(ERBIL_AAH, "2021-06-26")),
    (
        view("The 14 April attack on Erbil airport was blamed on Asaib Ahl al-Haq.", "2021-04-14"),
        view("Kataib Hezbollah claimed responsibility for the attack on Erbil airport.", "2021-04-15"),
    ),
    (
        view("The drone attack on Erbil airport was carried out by Kataib Hezbollah.", "2021-04-14"),
        view("Awliya al-Dam launched the drone attack on Erbil airport.", "2021-04-14"),
    ),
    (
        view("Saraya Awliya al-Dam claimed the rocket attack on Erbil airport.", "2021-02-15"),
        view("Officials blamed Kataib Hezbollah for the rocket attack on Erbil airport.", "2021-02-16"),
    ),
]

RESPONSIBILITY_NOT_FLAGGED = [
    # the same perpetrator, spelled two ways
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Kata'ib Hizballah carried out the drone attack on Erbil.", "2021-06-26"),
    ),
    # two places
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Asaib Ahl al-Haq carried out the drone attack on Baghdad airport.", "2021-06-26"),
    ),
    # weeks apart: two attacks
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Asaib Ahl al-Haq carried out the drone attack on Erbil.", "2021-07-15"),
    ),
    # only one side names a perpetrator
    (
        view("A drone attack hit the outskirts of Erbil province on 26 June.", "2021-06-26"),
        view(ERBIL_KH, "2021-06-26"),
    ),
    # a denial is not an attribution
    (
        view("Asaib Ahl al-Haq denied it carried out the drone attack on Erbil.", "2021-06-26"),
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
    ),
    # a drone attack and a rocket attack on one day: two events
    (
        view("Kataib Hezbollah carried out the drone attack on Erbil.", "2021-06-26"),
        view("Asaib Ahl al-Haq fired rockets at Erbil.", "2021-06-26"),
    ),
]


@pytest.mark.parametrize(("a", "b"), RESPONSIBILITY_FLAGGED)
def test_responsibility_flags(a, b, lex):
    sig = c.responsibility(a, b)
    assert sig is not None and sig.kind == "responsibility"
    assert c.responsibility(b, a) is not None
    assert "responsibility" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), RESPONSIBILITY_NOT_FLAGGED)
def test_responsibility_near_misses(a, b):
    assert c.responsibility(a, b) is None


def test_responsibility_reason_names_both_perpetrators():
    a, b = RESPONSIBILITY_FLAGGED[0]
    reason = c.responsibility(a, b).reasons[0]
    assert "kataib hezbollah" in reason and "asaib ahl haq" in reason


# ---- verdict ---------------------------------------------------------------------------------

KILLED = "Several US soldiers were killed in the 7 July rocket attack on Ain al-Asad air base."
KILLED_AGAIN = "Several American soldiers were killed in the July 7 rocket attack on the Ain al-Asad base."

VERDICT_FLAGGED = [
    (view(KILLED, verdict="false"), view(KILLED_AGAIN)),
    (view(KILLED, verdict="mostly-false"), view(KILLED_AGAIN, verdict="true")),
    (
        view("Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "2021-06", verdict="true"),
        view("Ghaani rebuked the militia leaders at the Baghdad meeting.", "2021-06", verdict="true"),
    ),
]

VERDICT_NOT_FLAGGED = [
    # the other denies it: it agrees with the verdict
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, stances=("denies",))),
    # the other negates it: it agrees with the verdict
    (view(KILLED, verdict="false"), view("No US soldiers were killed in the 7 July attack on Ain al-Asad.")),
    # unrelated
    (view(KILLED, verdict="false"), view("Kataib Hezbollah carried out the drone attack on Erbil.")),
    # rated alike
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, verdict="mostly-false")),
    (view(KILLED, verdict="true"), view(KILLED_AGAIN, verdict="mostly-true")),
    # a softer rating is not a clash
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, verdict="mixed")),
    # only reported, not asserted
    (view(KILLED, verdict="false"), view(KILLED_AGAIN, stances=("reports",))),
]


@pytest.mark.parametrize(("a", "b"), VERDICT_FLAGGED)
def test_verdict_flags(a, b, lex):
    sig = c.verdict(a, b)
    assert sig is not None and sig.kind == "verdict"
    assert c.verdict(b, a) is not None
    assert "verdict" in kinds(a, b, lex)


@pytest.mark.parametrize(("a", "b"), VERDICT_NOT_FLAGGED)
def test_verdict_near_misses(a, b):
    assert c.verdict(a, b) is None


def test_verdict_uses_a_given_similarity():
    rated = view(KILLED, verdict="false")
    paraphrase = view(
        "Militia rockets killed American troops at Ain al-Asad on 7 July, which proves "
        "the base is no longer safe for the occupiers."
    )
    assert c.verdict(rated, paraphrase) is None  # too different in words alone
    assert c.verdict(rated, paraphrase, similarity=100.0) is not None  # vouched for by an analyst


# ---- reposts and order -----------------------------------------------------------------------

REPOSTS = [
    (
        AP_CALM.text,
        "Iran's Quds Force chief Ismail Qaani told Iraqi militia leaders at a June meeting in "
        "Baghdad to keep calm until the nuclear talks with the US are over.",
    ),
    (
        "14 rockets landed on Ain al-Asad air base in Anbar province on 7 July.",
        "Fourteen rockets landed on the Ain al-Asad air base in Anbar province on 7 July, coalition says.",
    ),
    (
        "At least 8 drone attacks and 17 rocket attacks have targeted the US presence in Iraq.",
        "At least eight drone attacks and 17 rocket attacks have targeted the US presence in Iraq, "
        "coalition officials say.",
    ),
    (
        "Kataib Hezbollah carried out the 26 June drone attack on the outskirts of Erbil.",
        "Kata'ib Hizballah carried out the June 26 drone attack on the outskirts of Irbil.",
    ),
    (
        "Ghaani did not rebuke the militia leaders at the Baghdad meeting.",
        "Qaani did not rebuke the militia leaders at the Baghdad meeting, officials said.",
    ),
]


@pytest.mark.parametrize(("a", "b"), REPOSTS)
def test_reposts_give_no_signal(a, b, lex):
    va, vb = view(a, "2021-07", 1), view(b, "2021-07", 2, stances=("reports",))
    assert detect(va, vb, lex) == []
    assert detect(vb, va, lex) == []


def test_detect_orders_strongest_first(lex):
    a = view("Kataib Hezbollah claimed responsibility for the drone attack on Erbil.", "2021-06-27")
    b = view("Kataib Hezbollah denied responsibility for the drone attack on Erbil.", "2021-06-28")
    signals = detect(a, b, lex)
    assert {s.kind for s in signals} >= {"opposing-action", "polarity"}
    assert [s.score for s in signals] == sorted((s.score for s in signals), reverse=True)
    assert all(0 <= s.score <= 100 and s.reasons for s in signals)


def test_prepared_views_work_like_views(lex):
    pa, pb = c.prepare(AP_CALM), c.prepare(REUTERS_ESCALATE)
    assert c.opposing_action(pa, pb, lex) == c.opposing_action(AP_CALM, REUTERS_ESCALATE, lex)


# ---- the fixture claim set -------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_signals(lex) -> dict[frozenset[str], list[str]]:
    by_key: dict[str, ClaimView] = {}
    for n, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        if rec.get("type", "claim") != "claim":
            continue
        by_key[rec["key"]] = ClaimView(
            id=n,
            text=rec["text"],
            event_date=rec.get("event_date"),
            published=(rec["published"],) if rec.get("published") else (),
            stances=(rec.get("stance") or "asserts",),
            speakers=(rec["speaker"],) if rec.get("speaker") else (),
            outlets=(rec["outlet"],),
            topics=tuple(rec.get("topics", ())),
            verdict=rec.get("verdict"),
        )
    found: dict[frozenset[str], list[str]] = {}
    for (ka, a), (kb, b) in itertools.combinations(by_key.items(), 2):
        if plausible(a, b):
            found[frozenset((ka, kb))] = [s.kind for s in detect(a, b, lex)]
    found["__keys__"] = list(by_key)  # type: ignore[index]
    return found


def _kinds(found, a: str, b: str) -> list[str]:
    return found.get(frozenset((a, b)), [])


REPOST_GROUPS = [
    [
        "ap-ghaani-calm-2021-07-09",
        "antiwar-ghaani-calm-2021-07-09",
        "iwn-ghaani-calm-2021-07-10",
        "forum-ghaani-calm-2021-07-11",
    ],
    [
        "reuters-taeb-escalate-2021-07-13",
        "thenational-taeb-escalate-2021-07-13",
        "k24-taeb-escalate-2021-07-14",
        "iwn-taeb-escalate-2021-07-14",
        "forum-taeb-escalate-2021-07-14",
    ],
    [
        "oir-ain-al-asad-14-rockets-2021-07-07",
        "k24-ain-al-asad-14-rockets-2021-07-07",
        "rudaw-ain-al-asad-14-rockets-2021-07-07",
    ],
    [
        "rmb-ain-al-asad-30-grad-2021-07-07",
        "sabereen-ain-al-asad-30-grad-2021-07-07",
        "forum-ain-al-asad-30-grad-2021-07-08",
    ],
    ["ap-attack-count-2021-07-09", "antiwar-attack-count-2021-07-09"],
    ["ap-khazali-address-2021-07-09", "antiwar-khazali-address-2021-07-09"],
    # same claim, independent origins: not contradictions either
    ["ap-khazali-address-2021-07-09", "rudaw-khazali-speech-2021-06-17"],
    ["iraqgov-withdrawal-deal-2021-07-26", "politico-combat-withdrawal-2021-08-04"],
]

CHANGED_OVER_TIME = [
    ("politico-us-troops-5000-2021-08-04", "ap-us-troops-2500-2021-07-09"),
    ("ap-attack-count-2021-07-09", "washinst-attack-count-2021-10-15"),
    ("antiwar-attack-count-2021-07-09", "washinst-attack-count-2021-10-15"),
    ("ap-nato-advisory-2021-07-09", "iraqgov-withdrawal-deal-2021-07-26"),
    ("ap-nato-advisory-2021-07-09", "politico-combat-withdrawal-2021-08-04"),
]


def test_fixture_expected_contradictions(fixture_signals):
    f = fixture_signals
    assert "opposing-action" in _kinds(f, "ap-ghaani-calm-2021-07-09", "reuters-taeb-escalate-2021-07-13")
    assert "numeric" in _kinds(
        f, "oir-ain-al-asad-14-rockets-2021-07-07", "rmb-ain-al-asad-30-grad-2021-07-07"
    )
    assert "responsibility" in _kinds(
        f, "rudaw-erbil-drone-kh-2021-06-27", "almonitor-erbil-drone-aah-2021-06-28"
    )
    assert "polarity" in _kinds(f, "ap-no-rebuke-2021-07-09", "forum-ghaani-rebuke-2021-07-11")
    # the canonical contradiction also holds between reposts of either side
    assert "opposing-action" in _kinds(f, "iwn-ghaani-calm-2021-07-10", "k24-taeb-escalate-2021-07-14")


def test_fixture_also_expected(fixture_signals):
    f = fixture_signals
    for a, b in [
        ("oir-ain-al-asad-14-rockets-2021-07-07", "iraqgov-ain-al-asad-no-casualties-2021-07-07"),
        ("sabereen-us-soldiers-killed-2021-07-07", "iraqgov-ain-al-asad-no-casualties-2021-07-07"),
        ("sabereen-us-soldiers-killed-2021-07-07", "oir-ain-al-asad-14-rockets-2021-07-07"),
    ]:
        assert set(_kinds(f, a, b)) & {"numeric", "polarity"}, (a, b)


@pytest.mark.parametrize(("a", "b"), CHANGED_OVER_TIME)
def test_fixture_changes_over_time_are_not_contradictions(fixture_signals, a, b):
    assert _kinds(fixture_signals, a, b) == []


@pytest.mark.parametrize("group", REPOST_GROUPS, ids=lambda g: g[0])
def test_fixture_repost_groups_have_no_signal(fixture_signals, group):
    for a, b in itertools.combinations(group, 2):
        assert _kinds(fixture_signals, a, b) == [], (a, b)


def test_fixture_hard_negatives(fixture_signals):
    f = fixture_signals
    assert _kinds(f, "reuters-taeb-escalate-2021-07-13", "reuters-taeb-not-too-far-2021-07-13") == []
    assert _kinds(f, "ap-ghaani-calm-2021-07-09", "ap-khazali-address-2021-07-09") == []
    for key in f["__keys__"]:
        if key != "k24-reuters-vs-ap-2021-07-14":
            assert "opposing-action" not in _kinds(f, "k24-reuters-vs-ap-2021-07-14", key)


def test_fixture_verdict_pair_with_the_analyst_link():
    lines = [json.loads(x) for x in FIXTURE.read_text(encoding="utf-8").splitlines()]
    rec = {r["key"]: r for r in lines if r.get("type", "claim") == "claim"}
    false = rec["sabereen-us-soldiers-killed-2021-07-07"]
    forum = rec["forum-us-troops-killed-2021-07-08"]
    assert false["key"] in forum["supports"]
    a = ClaimView(1, false["text"], false["event_date"], verdict=false["verdict"], stances=("asserts",))
    b = ClaimView(2, forum["text"], forum["event_date"], stances=("asserts",))
    sig = c.verdict(a, b, similarity=100.0)
    assert sig is not None and sig.kind == "verdict"


# ---- the lexicon -----------------------------------------------------------------------------


def test_builtin_lexicon_loads(lex):
    names = lex.names()
    assert "restraint-vs-escalation" in names and "withdraw-vs-stay" in names
    every = [p for o in lex.oppositions for p in (*o.a, *o.b)]
    assert len(every) == len(set(every))


def test_lexicon_path_is_in_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert c.lexicon_path() == tmp_path / "tracker" / "lexicon.toml"


USER_FILE = """
[[opposition]]
name = "restraint-vs-escalation"
a = ["hudna", "keep calm"]
b = ["vowed vengeance"]

[[opposition]]
name = "open-vs-close"
a = ["reopen the consulate", "reopened the consulate"]
b = ["close the consulate", "closed the consulate"]
"""


def test_user_file_extends_and_adds(tmp_path, lex):
    path = tmp_path / "lexicon.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    merged = load_lexicon(path)
    by_name = {o.name: o for o in merged.oppositions}
    base = {o.name: o for o in lex.oppositions}["restraint-vs-escalation"]
    r = by_name["restraint-vs-escalation"]
    assert r.a[: len(base.a)] == base.a and "hudna" in r.a and r.a.count("keep calm") == 1
    assert "vowed vengeance" in r.b
    assert merged.names()[-1] == "open-vs-close"
    assert c.predicates("Kataib Hezbollah declared a hudna.", merged) == {"restraint-vs-escalation": "a"}
    a = view("The US reopened the consulate in Basra, the embassy said.", "2021-07")
    b = view("The US closed the consulate in Basra, the embassy said.", "2021-07")
    assert c.opposing_action(a, b, lex) is None
    sig = c.opposing_action(a, b, merged)
    assert sig is not None and "open-vs-close" in sig.reasons[0]


def test_default_lexicon_reads_the_user_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert c.default_lexicon() == c.builtin_lexicon()
    c.lexicon_path().parent.mkdir(parents=True)
    c.lexicon_path().write_text(USER_FILE, encoding="utf-8")
    assert "open-vs-close" in c.default_lexicon().names()
    assert "open-vs-close" in load_lexicon().names()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[[opposition]\nname = 'x'", ["TOML"]),
        ('[[opposition]]\nname = "x"\na = ["hudna"]\n', ["x", "both a and b"]),
        ('[[opposition]]\na = ["hudna"]\nb = ["war"]\n', ["no name"]),
        ('[[opposition]]\nname = "x"\na = ["Hudna"]\nb = ["war"]\n', ["Hudna", "normalised"]),
        ('[[opposition]]\nname = "x"\na = ["keep calm"]\nb = ["war"]\n', ["keep calm", "restraint-vs-esc"]),
        ('[[opposition]]\nname = "restraint-vs-escalation"\nb = ["keep calm"]\n', ["keep calm"]),
        ('[[opposition]]\nname = "x"\na = ["p"]\nb = ["q"]\nc = ["r"]\n', ["unknown key"]),
    ],
)
def test_broken_user_file(tmp_path, content, words):
    path = tmp_path / "my-lexicon.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        load_lexicon(path)
    message = str(info.value)
    assert str(path) in message
    for w in words:
        assert w in message
    assert "\n" not in message


# ---- the registry and the vocabulary files -----------------------------------------------------


def test_registry_runs_every_detector_in_order(fixture_signals):
    from tracker.contradictions.registry import DETECTORS

    kinds = [d.kind for d in DETECTORS]
    assert kinds == ["numeric", "opposing-action", "responsibility", "polarity", "verdict"]
    found = {k for key, ks in fixture_signals.items() if key != "__keys__" for k in ks}
    assert found <= set(kinds)
    assert {"numeric", "opposing-action", "responsibility", "polarity"} <= found


def test_vocabulary_files_parse_and_agree():
    from tracker import data
    from tracker.contradictions import words as w

    for name in ("weapons", "casualties", "quantities", "actors", "attacks", "negations", "subjects"):
        assert data.toml(name), name
    weapons = data.toml("weapons")
    for role, listed in weapons["roles"].items():
        assert listed and set(listed) <= set(weapons["class"]), role
    casualties = data.toml("casualties")
    assert set(casualties["words"]["counted"]) <= set(casualties["kind"])
    assert set(casualties["kind"].values()) == {"death", "injury", "any"}
    assert w._WEAPON_CLASS["katyushas"] == w._MODIFIER_CLASS["grad"] == w._THING_CLASS["missile"] == "rocket"
    assert w._THING_CLASS["wounded"] == "casualty" and w._THING_CLASS["airstrike"] == "attack"
    assert all(isinstance(v, float) for v in w._INDEFINITE.values())
    assert ("at", "least") in w._LOWER_BOUND and ("up", "to") in w._UPPER_BOUND
    assert w._AGENT_CUES["carried"][0] == ("after", ("carried", "out", "by"))
    assert {"not", "didnt", "nobody", "denied"} <= w._NEGATIONS
    assert "us" in w._WEAK_NAMES and "said" in w._REPORTING
