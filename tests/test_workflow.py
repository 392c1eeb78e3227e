"""The claim workflow of issue 3: matching on add and import, search, edit, delete,
link, dismiss, merge, undo, dedupe and name aliases — through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, table_counts

AP_TEXT = (
    "Quds Force commander Esmail Ghaani told Iraqi militia leaders in Baghdad to keep calm "
    "until the nuclear talks end."
)
REPOST = (
    "Quds Force commander Esmail Qaani told Iraqi militia leaders in Baghdad to keep calm "
    "until nuclear talks end."
)
CLOSE = "Ghaani asked Iraqi militia leaders in Baghdad to stay calm while the nuclear talks go on."
ROCKETS_14 = "Fourteen rockets struck the Ain al-Asad air base on 7 July."
ROCKETS_30 = "30 rockets struck the Ain al-Asad air base on 7 July."
UNRELATED = "The Kurdistan Regional Government opened a new school in Duhok."


@pytest.fixture
def w(cli):
    for name in ("Associated Press", "Reuters", "Antiwar.com", "Kurdistan 24"):
        cli.ok("outlet", "add", name)
    cli.ok("outlet", "alias", "Associated Press", "AP")
    return cli


def add(cli, text, outlet="AP", *extra):
    return cli.json("claim", "add", text, "--outlet", outlet, "--yes", *extra)


def test_spelling_variant_is_recorded_as_new_appearance(w):
    first = add(w, AP_TEXT, "AP", "--date", "2021-07-09")
    again = add(w, REPOST, "Antiwar.com", "--via", "AP")
    assert again["created"] is False
    assert again["claim"]["id"] == first["claim"]["id"]
    assert [a["outlet"] for a in again["claim"]["appearances"]] == ["Associated Press", "Antiwar.com"]


def test_no_input_takes_the_default_and_shows_what_it_found(w):
    add(w, AP_TEXT)
    result = w("claim", "add", REPOST, "--outlet", "Reuters", "--no-input")
    assert result.exit_code == 0
    assert "Found among the stored claims" in result.stdout and "same claim" in result.stdout
    assert "Recorded a new appearance of claim 1" in result.stdout


def test_declining_the_merge_stores_a_new_claim_with_a_suggestion(w, monkeypatch):
    add(w, AP_TEXT)
    # The test runner's stdin is not a terminal: make the command ask anyway, answer "n".
    monkeypatch.setattr("tracker.cli.claims.interactive", lambda yes, no_input: not (yes or no_input))
    result = w("claim", "add", REPOST, "--outlet", "Reuters", input="n\n")
    assert result.exit_code == 0, result.output
    claims = w.json("claim", "list")
    assert len(claims) == 2
    shown = w.json("claim", "show", "2")
    assert [(r["kind"], r["state"]) for r in shown["relations"]] == [("duplicate", "suggested")]


def test_suggestion_band_stores_new_claim_with_suggested_duplicate(w):
    add(w, AP_TEXT)
    out = add(w, CLOSE, "Reuters")
    assert out["created"] is True
    kinds = {(r["kind"], r["state"]) for r in out["relations"]}
    assert ("duplicate", "suggested") in kinds


def test_number_change_is_never_a_duplicate_but_a_contradiction_suggestion(w):
    add(w, ROCKETS_14, "Reuters")
    out = add(w, ROCKETS_30, "Kurdistan 24")
    assert out["created"] is True
    rel = {r["kind"]: r for r in out["relations"]}
    assert "duplicate" not in rel
    assert rel["contradicts"]["state"] == "suggested"
    assert "numeric" in rel["contradicts"]["signals"]
    assert any("14" in reason and "30" in reason for reason in rel["contradicts"]["reasons"])


def test_negation_is_never_a_duplicate(w):
    add(w, "Ghaani rebuked the militia leaders at the Baghdad meeting.")
    out = add(w, "Ghaani did not rebuke the militia leaders at the Baghdad meeting.", "Reuters")
    assert out["created"] is True
    assert [r["kind"] for r in out["relations"]] == ["contradicts"]


KH_ERBIL = "Kurdistan Region security officials said Kataib Hezbollah carried out the 26 June drone attack near Erbil airport."
AAH_ERBIL = "Kurdistan Region security officials said Asaib Ahl al-Haq carried out the 26 June drone attack near Erbil airport."


def test_a_swapped_perpetrator_is_a_contradiction_never_a_duplicate(w):
    add(w, KH_ERBIL, "Kurdistan 24", "--date", "2021-06-27")
    out = add(w, AAH_ERBIL, "Reuters", "--date", "2021-06-28")
    assert out["created"] is True  # not an appearance of the other claim
    assert [(r["kind"], r["signals"]) for r in out["relations"]] == [("contradicts", ["responsibility"])]


def test_import_keeps_swapped_perpetrators_apart_and_flags_them(w, tmp_path):
    path = tmp_path / "erbil.jsonl"
    lines = [
        {"key": "k24", "text": KH_ERBIL, "outlet": "Kurdistan 24", "published": "2021-06-27"},
        {"key": "reuters", "text": AAH_ERBIL, "outlet": "Reuters", "published": "2021-06-28"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    report = w.json("import", str(path))
    assert (report["claims_added"], report["appearances_added"]) == (2, 0)
    rels = w.json("claim", "show", "reuters")["relations"]
    assert [(r["kind"], r["signals"]) for r in rels] == [("contradicts", ["responsibility"])]
    assert w.json("dedupe") == []


def test_the_fixtures_two_perpetrators_are_no_duplicates(w):
    w.ok("import", str(FIXTURES / "iraq-militias-2021.jsonl"))
    rels = w.json("claim", "show", "rudaw-erbil-drone-kh-2021-06-27")["relations"]
    other = w.json("claim", "show", "almonitor-erbil-drone-aah-2021-06-28")["id"]
    assert [r["kind"] for r in rels if other in (r["a"], r["b"])] == ["contradicts"]


def test_another_day_is_offered_for_review_never_merged(w):
    text = "Three rockets hit the Ain al-Asad air base on Monday night, the coalition said."
    add(w, text, "Reuters")
    out = add(w, text.replace("Monday", "Tuesday"), "Kurdistan 24")
    assert out["created"] is True
    (rel,) = out["relations"]
    assert (rel["kind"], rel["state"]) == ("duplicate", "suggested")
    assert rel["reasons"] == ["same words, different day: tuesday vs monday"]  # the new text first


def test_unrelated_claim_finds_nothing(w):
    add(w, AP_TEXT)
    out = add(w, UNRELATED, "Reuters")
    assert out["created"] is True and out["relations"] == []


def test_search_folds_spellings(w):
    add(w, AP_TEXT)
    add(w, UNRELATED, "Reuters")
    hits = w.json("claim", "search", "Qaani calm")
    assert [h["id"] for h in hits][:1] == [1]
    assert all(h["id"] != 2 for h in hits)


def test_search_ranks_claims_by_how_many_query_words_they_hold(w):
    add(w, "Ghaani urged the militias in Baghdad to step up attacks on US forces.")  # no "calm"
    add(w, AP_TEXT)
    add(w, UNRELATED, "Reuters")
    hits = w.json("claim", "search", "Qaani calm")
    assert [(h["id"], h["score"]) for h in hits] == [(2, 100.0), (1, 50.0)]
    # A word typed nearly right counts for its similarity.
    typo = w.json("claim", "search", "Qaani clam")
    assert [h["id"] for h in typo] == [2, 1] and 50.0 < typo[0]["score"] < 100.0
    assert w.json("claim", "search", "Duhok school")[0]["id"] == 3
    result = w("claim", "search", " ,. ")
    assert result.exit_code == 1 and result.stderr == "Error: Give words or names to search for.\n"


def test_edit_reindexes_and_logs(w):
    add(w, UNRELATED)
    w.ok("claim", "edit", "1", "--text", AP_TEXT, "--topic", "iran-directives", "--event-date", "2021-06")
    shown = w.json("claim", "show", "1")
    assert shown["text"] == AP_TEXT and shown["topics"] == ["iran-directives"]
    assert shown["event_date"] == "2021-06"
    assert w.json("claim", "search", "Ghaani")[0]["id"] == 1
    result = w("claim", "edit", "1")
    assert result.exit_code == 1 and "Nothing to change" in result.stderr


def test_delete_removes_claim_and_appearances(w):
    add(w, AP_TEXT)
    add(w, UNRELATED, "Reuters")
    w.ok("claim", "delete", "1", "--yes")
    assert [c["id"] for c in w.json("claim", "list")] == [2]
    counts = table_counts(w.url)
    assert counts["appearances"] == 1


def export(cli) -> str:
    return cli.ok("export", "--format", "jsonl").stdout


def test_merge_then_undo_restores_the_database(w):
    add(w, AP_TEXT, "AP", "--topic", "iran")
    add(w, CLOSE, "Reuters", "--topic", "calm")  # suggested duplicate of 1
    add(w, ROCKETS_14, "Kurdistan 24")
    w.ok("link", "2", "3", "--supports")
    before = export(w)
    counts = table_counts(w.url)
    out = w.ok("merge", "1", "2").stdout
    event = int(out.split("undo with: tracker undo ")[1].split(")")[0])
    merged = w.json("claim", "show", "1")
    assert [a["outlet"] for a in merged["appearances"]] == ["Associated Press", "Reuters"]
    assert merged["topics"] == ["iran", "calm"]
    assert [(r["a"], r["b"], r["kind"]) for r in merged["relations"]] == [(1, 3, "supports")]
    assert [c["id"] for c in w.json("claim", "list")] == [1, 3]
    assert w.json("claim", "show", "2")["id"] == 1  # a merged claim resolves to the one kept
    w.ok("undo", str(event))
    assert export(w) == before
    after = table_counts(w.url)
    assert {k: v for k, v in after.items() if k != "events"} == {
        k: v for k, v in counts.items() if k != "events"
    }
    again = w("undo", str(event))
    assert again.exit_code == 1 and "already undone" in again.stderr


def test_link_dismiss_undo(w):
    add(w, ROCKETS_14, "Reuters")
    add(w, ROCKETS_30, "Kurdistan 24")  # suggested contradiction 1-2
    out = w.ok("dismiss", "1", "2").stdout
    event = int(out.split("undo with: tracker undo ")[1].split(")")[0])
    states = {r["kind"]: r["state"] for r in w.json("claim", "show", "1")["relations"]}
    assert states == {"contradicts": "dismissed"}
    w.ok("undo", str(event))
    states = {r["kind"]: r["state"] for r in w.json("claim", "show", "1")["relations"]}
    assert states == {"contradicts": "suggested"}
    out = w.ok("link", "2", "1", "--contradicts", "--note", "coalition count differs").stdout
    event = int(out.split("undo with: tracker undo ")[1].split(")")[0])
    rel = w.json("claim", "show", "1")["relations"][0]
    assert (rel["state"], rel["note"]) == ("confirmed", "coalition count differs")
    w.ok("undo", str(event))
    rel = w.json("claim", "show", "1")["relations"][0]
    assert (rel["state"], rel["note"]) == ("suggested", None)


def test_dismissed_suggestion_never_comes_back(w):
    add(w, AP_TEXT)
    add(w, CLOSE, "Reuters")
    w.ok("dismiss", "1", "2")
    clusters = w.json("dedupe")
    assert clusters == []
    w.ok("claim", "edit", "2", "--text", CLOSE.replace("stay calm", "remain calm"))
    assert w.json("dedupe") == []


def test_link_needs_exactly_one_kind(w):
    add(w, AP_TEXT)
    add(w, UNRELATED, "Reuters")
    result = w("link", "1", "2")
    assert result.exit_code == 1 and "exactly one of" in result.stderr
    result = w("merge", "1", "1")
    assert result.exit_code == 1 and "same claim" in result.stderr


def _suggest_import(w, tmp_path, lines):
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return w.json("import", str(path), "--duplicates", "suggest")


def test_import_suggest_mode_then_dedupe_json_and_yes(w, tmp_path):
    lines = [
        {"key": "ap", "text": AP_TEXT, "outlet": "AP"},
        {"key": "aw", "text": REPOST, "outlet": "Antiwar.com", "via": "AP"},
        {"key": "k24", "text": CLOSE, "outlet": "Kurdistan 24"},
        {"key": "r14", "text": ROCKETS_14, "outlet": "Reuters"},
        {"key": "r30", "text": ROCKETS_30, "outlet": "Reuters"},
    ]
    report = _suggest_import(w, tmp_path, lines)
    assert report["claims_added"] == 5 and report["suggestions"] >= 3
    before = table_counts(w.url)
    clusters = w.json("dedupe")
    assert table_counts(w.url) == before  # --json changes nothing
    keys = [sorted(c["key"] for c in cluster) for cluster in clusters]
    assert keys == [["ap", "aw", "k24"]]
    w.ok("dedupe", "--yes")
    remaining = {c["key"]: c for c in w.json("claim", "list")}
    assert set(remaining) == {"ap", "k24", "r14", "r30"}
    assert len(remaining["ap"]["appearances"]) == 2
    rels = w.json("claim", "show", "ap")["relations"]
    assert any(r["kind"] == "duplicate" and r["state"] == "suggested" for r in rels)


def test_import_merge_mode_folds_reposts_of_the_fixture(w):
    w.ok("import", str(FIXTURES / "iraq-militias-2021.jsonl"))
    ap = w.json("claim", "show", "ap-ghaani-calm-2021-07-09")
    outlets = {a["outlet"] for a in ap["appearances"]}
    assert {"Associated Press", "Antiwar.com", "Iraq War News"} <= outlets


def test_alias_add_folds_a_new_spelling(w):
    add(w, "Commander Abu Fadak al-Mohammedawi met the militia leaders in Baghdad.")
    other_name = "Commander Hamid al-Jazaeri met the militia leaders in Baghdad."
    before = add(w, other_name, "Reuters")
    assert before["created"] is True  # different names: not the same claim
    w.ok("claim", "delete", str(before["claim"]["id"]), "--yes")
    w.ok("alias", "add", "Abu Fadak al-Mohammedawi", "Hamid al-Jazaeri")
    out = add(w, other_name, "Reuters")
    assert out["created"] is False and out["claim"]["id"] == 1
    assert w.json("alias", "list") == [{"name": "Abu Fadak al-Mohammedawi", "variant": "Hamid al-Jazaeri"}]
    result = w("alias", "add", "Someone", "Hamid al-Jazaeri")
    assert result.exit_code == 1 and "already an alias" in result.stderr
