"""The benchmark runner (bench/run.py) runs every stage end to end on a tiny database.

Not a timing test: it checks that each stage returns numbers, that recall is a fraction,
that no injected number change or negation is merged, and that the Markdown section is
replaced rather than repeated.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def run():
    if not (BENCH / "generate" / "__init__.py").exists():
        pytest.skip("bench/generate/ is missing")
    spec = importlib.util.spec_from_file_location("tracker_bench_run", BENCH / "run.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench(run, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("bench")
    return run.run_size(
        500,
        3,
        workdir,
        run.STAGES,
        n_queries=20,
        command_runs=1,
        help_runs=1,
        sample=400,
        report_timeout=60,
    )


def test_every_stage_gives_numbers(run, bench):
    assert bench.ran == list(run.STAGES)
    numeric = [c for c, *_ in run.COLUMNS if c != "contradictions_s"]
    for name in numeric:
        value = bench.figures[name]
        assert isinstance(value, (int, float)) and not isinstance(value, bool), name
        assert math.isfinite(value) and value >= 0, name
    c = bench.figures["contradictions_s"]
    assert isinstance(c, (int, float)) or c.startswith(("n/a", ">")), c


def test_recall_is_a_fraction_and_nothing_is_falsely_merged(bench):
    assert isinstance(bench.figures["recall"], float)
    assert 0.0 <= bench.figures["recall"] <= 1.0
    assert 0.0 <= bench.figures["injected_recall"] <= 1.0
    assert bench.figures["false_number"] == 0
    assert bench.figures["number_changes_merged"] == 0
    # The database stays as imported: every stage rolls back or works on a copy.
    assert bench.notes["falsemerge"]["duplicate"]["keys_missing"] == 0
    assert not list(bench.workdir.glob("*.command-copy.db*"))


def test_false_polarity_merges_are_counted(bench):
    # The figure the owner watches (SPEC: a negation is a contradiction, never a duplicate).
    # Reported, not asserted to be 0 here: this test checks the runner, not the matcher.
    notes = bench.notes["falsemerge"]["polarity"]
    assert bench.figures["false_polarity"] == notes["merged_at_import"] + notes["dedupe_same"]


def test_brute_force_without_numpy_agrees(run, bench):
    from sqlalchemy import select

    from tracker.db import open_database
    from tracker.models import Claim

    engine = open_database(str(bench.db))
    try:
        with run.rolled_back(engine) as s:
            rows = [tuple(r) for r in s.execute(select(Claim.id, Claim.text, Claim.norm).limit(150))]
    finally:
        engine.dispose()
    with_numpy = run.brute_force_pairs(rows, block=40) if importlib.util.find_spec("numpy") else None
    plain = run.brute_force_pairs(rows, use_numpy=False)
    if with_numpy is not None:
        assert with_numpy == plain


def test_variants_keep_or_change_the_claim(run):
    import random

    mod = run
    rnd = random.Random(0)
    text = "Qaani told militia leaders in Erbil that three rockets hit the base on July 9."
    assert mod.spelling_variant(text, rnd) != text
    changed = mod.number_variant(text, rnd)
    assert changed is not None and "three" not in changed and "July 9" in changed
    assert mod.number_variant("Militia leaders met in Erbil on July 9.", rnd) is None


def test_markdown_section_is_replaced(run, bench, tmp_path):
    doc = tmp_path / "performance.md"
    entries = {500: {"figures": bench.figures, "notes": bench.notes, "measured": bench.measured}}
    facts = run.machine_facts()
    for _ in range(2):
        run.write_doc(doc, run.markdown(entries, 3, facts), "500", 3)
    text = doc.read_text()
    assert text.count("<!-- bench-run sizes=500 seed=3 -->") == 1
    assert "| 500 |" in text and "nproc" in text
