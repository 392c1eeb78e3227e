"""The bundled example through the real commands: the contradiction report, compare,
and the credibility reports (issues 4 and 5 acceptance)."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES

AP = "ap-ghaani-calm-2021-07-09"
REUTERS = "reuters-taeb-escalate-2021-07-13"
ROCKETS_14 = "oir-ain-al-asad-14-rockets-2021-07-07"
GRAD_30 = "rmb-ain-al-asad-30-grad-2021-07-07"
TROOPS_5000 = "politico-us-troops-5000-2021-08-04"
TROOPS_2500 = "ap-us-troops-2500-2021-07-09"
RESP = ("rudaw-erbil-drone-kh-2021-06-27", "almonitor-erbil-drone-aah-2021-06-28")
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
        "rmb-ain-al-asad-30-grad-2021-07-07",
        "sabereen-ain-al-asad-30-grad-2021-07-07",
        "forum-ain-al-asad-30-grad-2021-07-08",
    ],
]


@pytest.fixture
def loaded(cli):
    cli.ok("import", str(FIXTURES / "iraq-militias-2021.jsonl"))
    return cli


def _keys(claim) -> set[str]:
    """Every key a claim carries: its own and its appearances' (reposts merge into it)."""
    return {claim["key"], *(a["key"] for a in claim["appearances"] if a["key"])}


def _pairs(report):
    return [(_keys(x["a"]), _keys(x["b"]), x) for x in report]


def _find(report, k1, k2):
    return [x for ka, kb, x in _pairs(report) if (k1 in ka and k2 in kb) or (k2 in ka and k1 in kb)]


def test_report_flags_the_ap_reuters_pair_as_opposing_action(loaded):
    report = loaded.json("report", "contradictions")
    (item,) = _find(report, AP, REUTERS)
    assert "opposing-action" in item["kinds"]
    assert item["state"] == "suggested"
    assert set(item) >= {"a", "b", "kinds", "reasons", "score", "state"}
    assert any("calm" in r for r in item["reasons"])


def test_report_flags_14_rockets_against_30_grad_missiles_as_numeric(loaded):
    report = loaded.json("report", "contradictions")
    (item,) = _find(report, ROCKETS_14, GRAD_30)
    assert "numeric" in item["kinds"]
    assert any("14" in r and "30" in r for r in item["reasons"])


def test_report_flags_the_responsibility_clash(loaded):
    (item,) = _find(loaded.json("report", "contradictions"), *RESP)
    assert "responsibility" in item["kinds"]


def test_facts_that_changed_over_time_are_not_contradictions(loaded):
    assert _find(loaded.json("report", "contradictions"), TROOPS_5000, TROOPS_2500) == []


def test_reposts_of_one_story_are_never_a_contradiction(loaded):
    report = loaded.json("report", "contradictions")
    for group in REPOST_GROUPS:
        for ka, kb, _ in _pairs(report):
            assert not (ka & set(group) and kb & set(group)), (group, ka, kb)


def test_dismissed_pairs_only_with_all(loaded):
    report = loaded.json("report", "contradictions")
    (item,) = _find(report, ROCKETS_14, GRAD_30)
    loaded.ok("dismiss", str(item["a"]["id"]), str(item["b"]["id"]))
    assert _find(loaded.json("report", "contradictions"), ROCKETS_14, GRAD_30) == []
    (again,) = _find(loaded.json("report", "contradictions", "--all"), ROCKETS_14, GRAD_30)
    assert again["state"] == "dismissed"


def test_report_output_files(loaded, tmp_path):
    for name in ("r.html", "r.md", "r.txt"):
        result = loaded("report", "contradictions", "--output", str(tmp_path / name))
        assert result.exit_code == 0
        content = (tmp_path / name).read_text(encoding="utf-8")
        assert "opposing-action" in content and "Ghaani" in content
    assert (tmp_path / "r.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "| pair | claim A | claim B | why | state |" in (tmp_path / "r.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("r.pdf", "Cannot write a report to 'r.pdf': use a .html, .md or .txt file name."),
        ("gone/r.md", "Cannot write {tmp}/gone/r.md: the folder {tmp}/gone does not exist."),
        ("folder.md", "Cannot write {tmp}/folder.md: Is a directory."),
    ],
)
@pytest.mark.parametrize("report", ["contradictions", "unverified", "outlets", "summary"])
def test_a_bad_report_output_is_refused_before_the_report_is_made(loaded, tmp_path, report, output, message):
    (tmp_path / "folder.md").mkdir()
    bad = loaded("report", report, "--output", str(tmp_path / output))
    assert bad.exit_code == 1
    assert bad.stderr == "Error: " + message.format(tmp=tmp_path) + "\n"
    assert bad.stdout == ""  # refused first: no report printed, none worked out
    both = loaded("report", report, "--json", "--output", str(tmp_path / "r.md"))
    assert both.exit_code == 1 and "use one of them" in both.stderr and both.stdout == ""
    assert not (tmp_path / "r.md").exists()


def test_compare_shows_the_signal_that_links_ap_and_reuters(loaded):
    out = loaded("compare", AP, REUTERS, env={"COLUMNS": "200"}).stdout
    assert "opposing-action" in out
    assert "keep calm" in out and "step up attacks" in out
    assert "Associated Press" in out and "Reuters" in out
    data = loaded.json("compare", AP, REUTERS)
    assert [s["kind"] for s in data["signals"]] == ["opposing-action"]
    assert data["plausible"] is True


def test_compare_of_reposts_raises_no_signal(loaded):
    data = loaded.json("compare", TROOPS_5000, TROOPS_2500)
    assert data["signals"] == []


def test_lexicon_path_is_in_the_user_config_folder(cli, tmp_path):
    out = cli.ok("lexicon", "path").stdout.strip()
    assert out.endswith("tracker/lexicon.toml")


# ---------------------------------------------------------------- credibility (issue 5)


def test_interested_party_and_anonymous_claims_are_unverified(loaded):
    rows = loaded.json("report", "unverified", "--limit", "0")
    by_key = {}
    for r in rows:
        for k in _keys(r):
            by_key[k] = r
    assert "interested-party" in by_key[GRAD_30]["reasons"]
    assert "anonymous" in by_key[AP]["reasons"]
    assert by_key[AP]["credibility"] == 4
    spreads = [r["spread"] for r in rows]
    assert spreads == sorted(spreads, reverse=True)


def test_story_reposted_by_three_outlets_citing_ap_counts_one_origin(loaded):
    shown = loaded.json("claim", "show", AP)
    outlets = {a["outlet"] for a in shown["appearances"]}
    assert len(outlets) >= 4
    assert shown["origins"] == [
        {"origin": "Associated Press", "outlets": sorted(outlets), "grade": "B", "graded_speaker": None}
    ]
    assert shown["credibility"]["grade"] == 4


def test_verdict_history_and_credibility_in_claim_show(loaded):
    loaded.ok("verdict", GRAD_30, "unproven", "--date", "2021-07-10")
    loaded.ok(
        "verdict",
        GRAD_30,
        "false",
        "--evidence",
        "https://example.org/e",
        "--note",
        "coalition count",
        "--date",
        "2021-07-20",
    )
    shown = loaded.json("claim", "show", GRAD_30)
    assert [v["rating"] for v in shown["verdicts"]] == ["unproven", "false"]
    assert shown["verdict"]["rating"] == "false" and shown["status"] == "rated"
    assert shown["credibility"]["grade"] == 5
    tree = loaded("claim", "show", GRAD_30, env={"COLUMNS": "200"}).stdout
    assert "unproven" in tree and "false" in tree and "credibility 5" in tree
    bad = loaded("verdict", GRAD_30, "fake")
    assert bad.exit_code == 1 and "Rating 'fake' is not one of" in bad.stderr


def test_outlet_report_matches_a_hand_computation(cli):
    cli.ok("outlet", "add", "Wire A", "--grade", "A")
    for i in range(8):
        cli.ok(
            "claim",
            "add",
            f"Claim number {i} about the base at kilometre {i * 11}.",
            "--outlet",
            "Wire A",
            "--yes",
        )
    for i, rating in enumerate(["true"] * 5 + ["mostly-true", "false", "mixed"]):
        cli.ok("verdict", str(i + 1), rating)
    (row,) = cli.json("report", "outlets")
    assert (row["claims"], row["with_verdict"], row["true"], row["false"], row["mixed"]) == (8, 8, 6, 1, 1)
    # Beta(1+6, 1+1): mean 7/9.
    assert row["accuracy"] == pytest.approx(7 / 9, abs=1e-4)
    lo, hi = row["interval"]
    assert 0.5 < lo < 7 / 9 < hi < 0.99
    from tracker.credibility import beta_score

    assert (lo, hi) == pytest.approx(beta_score(6, 1)[1:], abs=1e-4)


def test_summary_counts(loaded):
    s = loaded.json("report", "summary")
    assert s["claims"] == sum(s["by_status"].values()) == sum(s["by_credibility"].values())
    assert s["unverified"] > 0 and s["top_unverified"]
    loaded.ok("report", "contradictions")
    assert loaded.json("report", "summary")["open_contradictions"] >= 4


def test_reports_in_forked_workers_equal_the_serial_reports(loaded, monkeypatch):
    """Above credibility.PARALLEL_FROM claims, unverified and summary are assessed by
    forked workers over their own connections; the answer must be the same."""
    monkeypatch.delenv("TRACKER_WORKERS", raising=False)
    from tracker.credibility import reports as credibility

    serial_unv = loaded.json("report", "unverified", "--limit", "0")
    serial_sum = loaded.json("report", "summary")
    calls = []
    real = credibility._tally_parallel
    monkeypatch.setattr(credibility, "PARALLEL_FROM", 1)
    monkeypatch.setattr(credibility, "_tally_parallel", lambda *a: calls.append(1) or real(*a))
    assert loaded.json("report", "unverified", "--limit", "0") == serial_unv
    assert loaded.json("report", "summary") == serial_sum
    assert len(calls) == 2
    assert serial_sum["unverified"] == len(serial_unv) > 0


def test_workers_are_not_used_after_a_write_in_the_same_transaction(engine):
    """Workers read committed data only: once the transaction has written, the
    assessment stays in this process, and sees the write."""
    from sqlalchemy.orm import Session

    from tracker import claims, db
    from tracker.credibility import reports as credibility

    with Session(engine) as s, s.begin():
        assert not db.has_written(s)
        claims.add(
            s,
            claims.ClaimInput(text="Officials reportedly saw 12 drones over Erbil.", outlet="AP"),
            create_outlets=True,
        )
        s.flush()
        assert db.has_written(s)
        old = credibility.PARALLEL_FROM
        credibility.PARALLEL_FROM = 1
        try:
            assert credibility._parallel_plan(s)[0] == 1
            items, total = credibility.unverified(s)
        finally:
            credibility.PARALLEL_FROM = old
        assert total == 1 and items[0].text.startswith("Officials reportedly")


def test_contradiction_scan_in_forked_workers_finds_what_the_serial_scan_finds(loaded, monkeypatch):
    """The scan's pools and detectors run in forked workers on large databases; with the
    threshold lowered they run on the fixtures, and must agree."""
    monkeypatch.delenv("TRACKER_WORKERS", raising=False)
    from sqlalchemy import create_engine, delete

    from tracker import parallel
    from tracker.models import Relation

    def clear_suggestions():
        engine = create_engine(loaded.url)
        with engine.begin() as conn:
            conn.execute(
                delete(Relation).where(Relation.kind == "contradicts", Relation.state == "suggested")
            )
        engine.dispose()

    clear_suggestions()
    serial = loaded.json("report", "contradictions")
    clear_suggestions()
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    forked = []
    real = parallel.run
    monkeypatch.setattr(
        parallel, "run", lambda fn, tasks, n, **kw: forked.append(n) or real(fn, tasks, n, **kw)
    )
    parallel_report = loaded.json("report", "contradictions")
    assert forked and max(forked) > 1
    assert len(serial) > 5

    def summary(report):
        return sorted((sorted(_keys(x["a"]))[0], sorted(_keys(x["b"]))[0], tuple(x["kinds"])) for x in report)

    assert summary(parallel_report) == summary(serial)
