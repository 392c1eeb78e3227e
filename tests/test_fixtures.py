"""The bundled data is well formed: the claim set fixtures/iraq-militias-2021.jsonl and the
opposing-action lexicon tracker/data/lexicon.toml. Pure standard library: no tracker imports."""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "fixtures" / "iraq-militias-2021.jsonl"
README = ROOT / "fixtures" / "README.md"
LEXICON = ROOT / "tracker" / "data" / "lexicon.toml"

KINDS = {
    "wire",
    "newspaper",
    "broadcaster",
    "government",
    "armed-group",
    "think-tank",
    "blog",
    "forum",
    "social",
    "monitor",
}
STANCES = {"asserts", "denies", "reports"}
RATINGS = {"true", "mostly-true", "mixed", "mostly-false", "false", "unproven"}
GRADES = set("ABCDEF")
OUTLET_FIELDS = {"type", "name", "aliases", "kind", "reliability"}
CLAIM_FIELDS = {
    "type",
    "key",
    "text",
    "outlet",
    "published",
    "url",
    "speaker",
    "anonymous",
    "speaker_count",
    "via",
    "quote",
    "stance",
    "topics",
    "event_date",
    "verdict",
    "contradicts",
    "supports",
}
KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}$")
TOPIC_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PHRASE_RE = re.compile(r"^[a-z0-9]+( [a-z0-9]+)*$")


def fold(name: str) -> str:
    """Outlet-name folding as SPEC §2 describes it: case, accents, punctuation and a leading
    "The" ignored ("The Associated Press" == "associated press")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(re.findall(r"[a-z0-9]+", text))
    return text[4:] if text.startswith("the ") else text


def words(text: str) -> str:
    """Lower case, punctuation to spaces: enough normalisation to match lexicon phrases."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "


def is_partial_date(value: str) -> bool:
    m = PARTIAL_DATE_RE.match(value)
    if not m:
        return False
    try:
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return False
    return True


def load_lines() -> list[tuple[int, dict]]:
    lines = []
    with CLAIMS.open(encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            assert raw.strip(), f"line {n} is blank"
            rec = json.loads(raw)
            assert isinstance(rec, dict), f"line {n} is not a JSON object"
            lines.append((n, rec))
    return lines


@pytest.fixture(scope="module")
def lines() -> list[tuple[int, dict]]:
    return load_lines()


@pytest.fixture(scope="module")
def outlets(lines) -> list[dict]:
    return [rec for _, rec in lines if rec.get("type") == "outlet"]


@pytest.fixture(scope="module")
def claims(lines) -> dict[str, dict]:
    return {rec["key"]: rec for _, rec in lines if rec.get("type", "claim") == "claim"}


@pytest.fixture(scope="module")
def lexicon() -> dict:
    with LEXICON.open("rb") as f:
        return tomllib.load(f)


# ---- the claim set ----------------------------------------------------------------------------


def test_every_line_is_an_outlet_or_a_claim_and_outlets_come_first(lines):
    seen_claim = False
    for n, rec in lines:
        kind = rec.get("type", "claim")
        assert kind in {"outlet", "claim"}, f"line {n}: type {kind!r}"
        if kind == "outlet":
            assert not seen_claim, f"line {n}: outlet line after a claim line"
        else:
            seen_claim = True


def test_outlet_lines(outlets):
    assert len(outlets) >= 8
    owner: dict[str, str] = {}
    for o in outlets:
        assert set(o) <= OUTLET_FIELDS, f"{o['name']}: unknown fields {set(o) - OUTLET_FIELDS}"
        assert isinstance(o["name"], str) and o["name"].strip()
        assert o["kind"] in KINDS, f"{o['name']}: kind {o['kind']!r}"
        assert o["reliability"] in GRADES, f"{o['name']}: reliability {o['reliability']!r}"
        aliases = o.get("aliases", [])
        assert isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)
        assert len(set(aliases)) == len(aliases), f"{o['name']}: repeated alias"
        for n in [o["name"], *aliases]:
            key = fold(n)
            assert key, f"{n!r} folds to nothing"
            # An alias may fold to its own outlet's name ("The Associated Press"), never to
            # another outlet's name or alias.
            assert owner.setdefault(key, o["name"]) == o["name"], (
                f"{n!r} of {o['name']!r} clashes with {owner[key]!r} after folding"
            )


def test_claim_lines(lines, outlets):
    declared = {fold(n) for o in outlets for n in [o["name"], *o.get("aliases", [])]}
    keys: set[str] = set()
    count = 0
    for n, rec in lines:
        if rec.get("type", "claim") != "claim":
            continue
        count += 1
        where = f"line {n}"
        assert set(rec) <= CLAIM_FIELDS, f"{where}: unknown fields {set(rec) - CLAIM_FIELDS}"
        assert isinstance(rec.get("text"), str) and rec["text"].strip(), f"{where}: text"
        assert isinstance(rec.get("outlet"), str), f"{where}: outlet"
        key = rec.get("key")
        assert isinstance(key, str) and KEY_RE.match(key), f"{where}: key {key!r}"
        assert key not in keys, f"{where}: duplicate key {key}"
        keys.add(key)
        assert fold(rec["outlet"]) in declared, f"{where}: outlet {rec['outlet']!r} not declared"
        if "via" in rec:
            assert fold(rec["via"]) in declared, f"{where}: via {rec['via']!r} not declared"
            assert fold(rec["via"]) != fold(rec["outlet"]), f"{where}: via is the outlet itself"
        assert rec.get("stance", "asserts") in STANCES, f"{where}: stance {rec.get('stance')!r}"
        if "published" in rec:
            assert PARTIAL_DATE_RE.match(rec["published"]) and len(rec["published"]) == 10, where
            assert is_partial_date(rec["published"]), f"{where}: published {rec['published']!r}"
        if "event_date" in rec:
            assert is_partial_date(rec["event_date"]), f"{where}: event_date {rec['event_date']!r}"
        if "anonymous" in rec:
            assert isinstance(rec["anonymous"], bool), f"{where}: anonymous must be a boolean"
        if "speaker_count" in rec:
            sc = rec["speaker_count"]
            assert isinstance(sc, int) and not isinstance(sc, bool) and sc >= 1, where
        if "verdict" in rec:
            assert rec["verdict"] in RATINGS, f"{where}: verdict {rec['verdict']!r}"
        topics = rec.get("topics", [])
        assert isinstance(topics, list) and all(isinstance(t, str) and TOPIC_RE.match(t) for t in topics)
        for f in ("url", "speaker", "quote"):
            if f in rec:
                assert isinstance(rec[f], str) and rec[f].strip(), f"{where}: {f}"
        if "url" in rec:
            assert rec["url"].startswith("https://"), f"{where}: url"
    assert count >= 40


def test_claim_texts_are_one_sentence(claims):
    for key, rec in claims.items():
        text = rec["text"]
        assert text == text.strip() and text[-1] in ".!?", f"{key}: must end a sentence"
        assert not re.search(r"[.!?]\s+[A-Z0-9]", text[:-1]), f"{key}: more than one sentence"
        assert "\n" not in text and len(text) < 400, key


def test_links_name_existing_keys(claims):
    for key, rec in claims.items():
        for field in ("contradicts", "supports"):
            for other in rec.get(field, []):
                assert other in claims, f"{key}: {field} names unknown key {other}"
                assert other != key


def test_same_text_outlet_and_date_never_repeats(claims):
    seen = set()
    for key, rec in claims.items():
        sig = (rec["text"], fold(rec["outlet"]), rec.get("published"))
        assert sig not in seen, f"{key} repeats another line"
        seen.add(sig)


def test_outlet_count_and_spread(claims, outlets):
    used = {fold(r["outlet"]) for r in claims.values()}
    assert len(used) >= 8
    declared = {fold(o["name"]) for o in outlets}
    assert used <= declared | {fold(a) for o in outlets for a in o.get("aliases", [])}


def test_readme_keys_exist(claims):
    """Every key the README lists for other tests to assert against is in the file."""
    listed = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}-\d{2})`", README.read_text("utf-8")))
    assert len(listed) >= 20
    assert listed - set(claims) == set()


def test_repost_groups_share_one_origin(claims):
    groups = {
        "Associated Press": [
            "antiwar-ghaani-calm-2021-07-09",
            "iwn-ghaani-calm-2021-07-10",
            "forum-ghaani-calm-2021-07-11",
        ],
        "Reuters": [
            "thenational-taeb-escalate-2021-07-13",
            "k24-taeb-escalate-2021-07-14",
            "iwn-taeb-escalate-2021-07-14",
            "forum-taeb-escalate-2021-07-14",
        ],
        "Operation Inherent Resolve": [
            "k24-ain-al-asad-14-rockets-2021-07-07",
            "rudaw-ain-al-asad-14-rockets-2021-07-07",
        ],
        "Revenge of al-Muhandis Brigade": [
            "sabereen-ain-al-asad-30-grad-2021-07-07",
            "forum-ain-al-asad-30-grad-2021-07-08",
        ],
    }
    for origin, keys in groups.items():
        for key in keys:
            assert claims[key]["via"] == origin, key
            assert claims[key].get("stance") == "reports", key
            assert not claims[key].get("contradicts"), key


def test_canonical_case_is_anonymous_and_interested_party_speaks_for_itself(claims, outlets):
    ap = claims["ap-ghaani-calm-2021-07-09"]
    assert ap["outlet"] == "Associated Press" and ap["published"] == "2021-07-09"
    assert ap["anonymous"] is True
    assert ap["speaker"] == "three Shiite political officials and two senior militia officials"
    reuters = claims["reuters-taeb-escalate-2021-07-13"]
    assert reuters["outlet"] == "Reuters" and reuters["published"] == "2021-07-13"
    rmb = claims["rmb-ain-al-asad-30-grad-2021-07-07"]
    kind = {o["name"]: o["kind"] for o in outlets}[rmb["outlet"]]
    assert kind == "armed-group" and rmb["speaker"] == rmb["outlet"] and rmb["stance"] == "asserts"


def test_changed_over_time_pairs_have_different_event_dates(claims):
    for a, b in [
        ("politico-us-troops-5000-2021-08-04", "ap-us-troops-2500-2021-07-09"),
        ("ap-attack-count-2021-07-09", "washinst-attack-count-2021-10-15"),
    ]:
        assert claims[a]["event_date"][:7] != claims[b]["event_date"][:7]
        assert claims[a]["topics"] == claims[b]["topics"]


# ---- the lexicon ------------------------------------------------------------------------------


def test_lexicon_meta(lexicon):
    meta = lexicon["meta"]
    assert isinstance(meta["version"], int) and meta["version"] >= 1
    assert isinstance(meta["description"], str) and meta["description"].strip()
    assert set(lexicon) == {"meta", "opposition"}


def test_lexicon_oppositions(lexicon):
    names = set()
    where: dict[str, str] = {}
    for entry in lexicon["opposition"]:
        assert set(entry) == {"name", "a", "b"}, entry.get("name")
        name = entry["name"]
        assert isinstance(name, str) and TOPIC_RE.match(name), name
        assert name not in names, f"duplicate opposition {name}"
        names.add(name)
        for side in ("a", "b"):
            phrases = entry[side]
            assert isinstance(phrases, list) and phrases, f"{name}.{side} is empty"
            for p in phrases:
                assert isinstance(p, str) and PHRASE_RE.match(p), f"{name}.{side}: {p!r} not normalised"
                assert p not in where, f"{p!r} is in {where[p]} and in {name}.{side}"
                where[p] = f"{name}.{side}"
        assert not set(entry["a"]) & set(entry["b"]), name
    assert {
        "restraint-vs-escalation",
        "confirm-vs-deny",
        "withdraw-vs-stay",
        "agreement-vs-no-agreement",
        "claim-vs-deny-responsibility",
    } <= names


def _sides(lexicon: dict, name: str, text: str) -> set[str]:
    entry = next(e for e in lexicon["opposition"] if e["name"] == name)
    t = words(text)
    return {side for side in ("a", "b") if any(f" {p} " in t for p in entry[side])}


def test_lexicon_covers_the_canonical_case(lexicon, claims):
    """The AP and Reuters origins and all their reposts fall on opposite sides."""
    calm = [
        k
        for k in claims
        if k.endswith(("ghaani-calm-2021-07-09", "ghaani-calm-2021-07-10", "ghaani-calm-2021-07-11"))
    ]
    escalate = [k for k in claims if "taeb-escalate" in k]
    assert len(calm) == 4 and len(escalate) == 5
    for k in calm:
        assert _sides(lexicon, "restraint-vs-escalation", claims[k]["text"]) == {"a"}, k
    for k in escalate:
        assert _sides(lexicon, "restraint-vs-escalation", claims[k]["text"]) == {"b"}, k
    side_by_side = claims["k24-reuters-vs-ap-2021-07-14"]["text"]
    assert _sides(lexicon, "restraint-vs-escalation", side_by_side) == {"a", "b"}


def test_lexicon_inflections_present(lexicon):
    every = {p for e in lexicon["opposition"] for s in ("a", "b") for p in e[s]}
    for p in (
        "keep calm",
        "calm",
        "calmness",
        "step up attacks",
        "stepped up",
        "stepping up",
        "urged to step up",
        "withdraw",
        "pull out",
        "drawdown",
        "stay",
        "remain",
        "keep troops",
        "extend presence",
        "agreement reached",
        "deal reached",
        "agreed",
        "no agreement",
        "talks collapsed",
        "failed to agree",
        "claimed responsibility",
        "denied responsibility",
        "confirmed",
        "denied",
    ):
        assert p in every, p
