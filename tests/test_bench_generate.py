"""Tests for bench/generate/, the seeded synthetic claim generator of the benchmarks.

bench/ is not a package, so the generator package is loaded from its path.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
GEN_DIR = ROOT / "bench" / "generate"
N = 2000


def _load():
    spec = importlib.util.spec_from_file_location(
        "bench_generate", GEN_DIR / "__init__.py", submodule_search_locations=[str(GEN_DIR)]
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its modules import one another relative to the package
    spec.loader.exec_module(mod)
    return mod


gen = _load()


@pytest.fixture(scope="module")
def syn():
    return gen.generate(N, seed=5)


@pytest.fixture(scope="module")
def by_key(syn):
    return {ln["key"]: ln for ln in syn.lines if ln["type"] == "claim"}


WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d[\d,]*")
NUM_WORDS = {w: i for i, w in enumerate(gen.NUM_WORDS)}
NEG_CUES = re.compile(r"\b(?:not|no|never|denied|rejected|dismissed|false|failed)\b", re.I)


def _numeric_value(tok: str):
    t = tok.strip("$.,;:").replace(",", "").lower()
    if t.isdigit():
        return int(t)
    return NUM_WORDS.get(t)


def _numbers(text: str) -> list[int]:
    out = []
    for tok in text.split():
        v = _numeric_value(tok)
        if v is not None:
            out.append(v)
    return sorted(out)


# -- determinism --------------------------------------------------------------------


def test_same_seed_same_lines(syn):
    again = gen.generate(N, seed=5)
    assert again.lines == syn.lines
    for kind in gen.PAIR_KINDS:
        assert getattr(again, kind) == getattr(syn, kind)


def test_other_seed_other_lines(syn):
    other = gen.generate(N, seed=6)
    assert [ln.get("text") for ln in other.lines] != [ln.get("text") for ln in syn.lines]


def test_deterministic_across_processes_and_hash_seeds():
    code = (
        "import importlib.util,hashlib,json,sys;"
        f"s=importlib.util.spec_from_file_location('g',{str(GEN_DIR / '__init__.py')!r},"
        f"submodule_search_locations=[{str(GEN_DIR)!r}]);"
        "m=importlib.util.module_from_spec(s);sys.modules['g']=m;s.loader.exec_module(m);"
        "print(hashlib.sha256(json.dumps(list(m.iter_lines(400,3))).encode()).hexdigest())"
    )
    digests = set()
    for hs in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_streaming_matches_generate_and_truth_is_known_up_front(syn):
    truth: dict = {}
    it = gen.iter_lines(N, seed=5, truth=truth)
    # the answer key is complete before the first line is read
    assert truth == gen.truth_pairs(N, seed=5)
    assert list(it) == syn.lines
    for kind in gen.PAIR_KINDS:
        assert truth[kind] == getattr(syn, kind)


# -- shape and counts -----------------------------------------------------------------


def test_counts_follow_rates(syn):
    outlets = [ln for ln in syn.lines if ln["type"] == "outlet"]
    claims = [ln for ln in syn.lines if ln["type"] == "claim"]
    assert len(outlets) == 300 and len(claims) == N
    # outlet lines come first
    assert all(ln["type"] == "outlet" for ln in syn.lines[:300])
    assert len(syn.duplicate_pairs) == round(N * 0.05)
    assert len(syn.number_change_pairs) == round(N * 0.01)
    assert len(syn.polarity_pairs) == round(N * 0.005)
    assert len(syn.opposing_pairs) == round(N * 0.005)


def test_custom_rates_and_outlets():
    s = gen.generate(
        1000, seed=2, dup_rate=0.1, number_rate=0.02, polarity_rate=0.0, opposing_rate=0.03, n_outlets=40
    )
    assert sum(ln["type"] == "outlet" for ln in s.lines) == 40
    assert sum(ln["type"] == "claim" for ln in s.lines) == 1000
    assert (
        len(s.duplicate_pairs),
        len(s.number_change_pairs),
        len(s.polarity_pairs),
        len(s.opposing_pairs),
    ) == (100, 20, 0, 30)


def test_rates_too_high_rejected():
    with pytest.raises(ValueError):
        gen.generate(100, dup_rate=0.6)


def test_lines_follow_interchange_format(syn):
    outlets = [ln for ln in syn.lines if ln["type"] == "outlet"]
    names = {o["name"] for o in outlets}
    norm = [re.sub(r"[^a-z0-9]", "", x.lower()) for o in outlets for x in [o["name"], *o["aliases"]]]
    assert len(norm) == len(set(norm)), "outlet names and aliases must be unique"
    for o in outlets:
        assert o["reliability"] in "ABCDEF" and o["kind"]
    keys = set()
    for ln in syn.lines[300:]:
        assert ln["type"] == "claim"
        assert ln["text"].strip() and ln["outlet"] in names
        assert ln["key"] not in keys
        keys.add(ln["key"])
        assert re.fullmatch(r"s\d{6,}(-[dnpo]\d)?", ln["key"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", ln["published"])
        assert "2019-01-01" <= ln["published"] <= "2024-01-31"
        if "event_date" in ln:
            assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", ln["event_date"])
        assert ln["stance"] in ("asserts", "denies", "reports")
        assert isinstance(ln["anonymous"], bool)
        assert ln["topics"] and all(isinstance(t, str) for t in ln["topics"])
        if "via" in ln:
            assert ln["via"] in names and ln["via"] != ln["outlet"]
        json.dumps(ln)


# -- injected pairs -------------------------------------------------------------------


def test_every_pair_member_exists(syn, by_key):
    for kind in gen.PAIR_KINDS:
        for a, b in getattr(syn, kind):
            assert a in by_key and b in by_key
            assert "-" not in a and b.startswith(a + "-")
            assert by_key[a]["text"] != by_key[b]["text"]


def test_number_change_pairs_differ_in_exactly_one_number(syn, by_key):
    for a, b in syn.number_change_pairs:
        ta, tb = by_key[a]["text"].split(), by_key[b]["text"].split()
        assert len(ta) == len(tb), (a, b)
        diff = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
        assert len(diff) == 1, (by_key[a]["text"], by_key[b]["text"])
        x, y = diff[0]
        vx, vy = _numeric_value(x), _numeric_value(y)
        assert vx is not None and vy is not None and vx != vy, diff
        assert by_key[a].get("event_date") == by_key[b].get("event_date")


def test_duplicates_keep_numbers_and_polarity(syn, by_key):
    from tracker.matching.form import fold_text
    from tracker.matching.guards import swapped_facts

    scores = []
    for a, b in syn.duplicate_pairs:
        xa, xb = by_key[a]["text"], by_key[b]["text"]
        assert _numbers(xa) == _numbers(xb), (xa, xb)
        assert len(NEG_CUES.findall(xa)) == len(NEG_CUES.findall(xb)), (xa, xb)
        # Killed or wounded, rockets or drones, the day and the month: facts a repost keeps.
        assert swapped_facts(fold_text(xa), fold_text(xb)) is None, (xa, xb)
        s = fuzz.token_sort_ratio(xa.lower(), xb.lower(), processor=None)
        assert s >= 75, (s, xa, xb)
        scores.append(s)
    assert sum(scores) / len(scores) >= 90


def test_duplicates_cover_the_variant_kinds(syn, by_key):
    pairs = [(by_key[a]["text"], by_key[b]["text"]) for a, b in syn.duplicate_pairs]
    spelled = sum(any(v in xa and v not in xb for g in gen.SPELLING_GROUPS for v in g) for xa, xb in pairs)
    numfmt = sum(
        _numbers(xa) == _numbers(xb)
        and [t for t in xa.split() if _numeric_value(t) is not None]
        != [t for t in xb.split() if _numeric_value(t) is not None]
        for xa, xb in pairs
    )
    cased = sum(xa.lower() == xb.lower() for xa, xb in pairs)
    assert spelled >= 5 and numfmt >= 3 and cased >= 1, (spelled, numfmt, cased)


def test_polarity_pairs_flip_negation(syn, by_key):
    outlet_names = sorted((ln["name"] for ln in syn.lines if ln["type"] == "outlet"), key=len, reverse=True)

    def core_numbers(text):  # numbers in the text, not in an outlet's name ("Gulf 24")
        for name in outlet_names:
            text = text.replace(name, " ")
        return set(_numbers(text))

    for a, b in syn.polarity_pairs:
        xa, xb = by_key[a], by_key[b]
        na, nb = len(NEG_CUES.findall(xa["text"])), len(NEG_CUES.findall(xb["text"]))
        assert na != nb or xa["stance"] != xb["stance"], (xa["text"], xb["text"])
        # same numbers, except that an unattributed claim may gain a denying speaker
        # ("Three US officials denied reports that ...")
        assert core_numbers(xa["text"]) <= core_numbers(xb["text"]), (xa["text"], xb["text"])


def test_opposing_pairs_use_opposing_predicates(syn, by_key):
    classes = [
        (gen.RESTRAIN, gen.ESCALATE),
        (gen.STAY, gen.LEAVE),
        (gen.AGREE, gen.DISAGREE),
        (gen.TRUCE_ON, gen.TRUCE_OFF),
        (gen.PRESENCE_FOR, gen.PRESENCE_AGAINST),
    ]

    def has(text, phrases):
        return any(p.split("{n}")[0].strip() in text for p in phrases)

    for a, b in syn.opposing_pairs:
        xa, xb = by_key[a]["text"], by_key[b]["text"]
        assert any((has(xa, c0) and has(xb, c1)) or (has(xa, c1) and has(xb, c0)) for c0, c1 in classes), (
            xa,
            xb,
        )


# -- realism / diversity ----------------------------------------------------------------


def test_base_claims_are_distinct_and_diverse(syn):
    texts = [ln["text"] for ln in syn.lines if ln["type"] == "claim" and "-" not in ln["key"]]
    assert len(texts) == len(set(texts))
    rep = gen.diversity_report(texts, n=400)
    assert rep["token_sort_ratio"]["p99"] < 60, rep
    assert rep["token_set_ratio"]["p99"] < 65, rep


def test_no_seed_sentence_is_copied(syn):
    seeds = ROOT.parent / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("no seed texts next to the repository")
    blob = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    blob = " ".join(blob.split())
    for ln in syn.lines:
        if ln["type"] == "claim":
            assert ln["text"] not in blob


# -- files and CLI ------------------------------------------------------------------------


def test_write_jsonl_and_cli(tmp_path):
    out = tmp_path / "x.jsonl"
    truth = gen.write_jsonl(out, 500, seed=9, n_outlets=20)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 520 and rows == list(gen.iter_lines(500, 9, n_outlets=20))
    assert truth["duplicate_pairs"] == gen.truth_pairs(500, 9)["duplicate_pairs"]
    out2, tr2 = tmp_path / "y.jsonl", tmp_path / "y.truth.json"
    assert (
        gen.main(
            ["--claims", "500", "--seed", "9", "--outlets", "20", "--out", str(out2), "--truth", str(tr2)]
        )
        == 0
    )
    assert out2.read_bytes() == out.read_bytes()
    loaded = json.loads(tr2.read_text(encoding="utf-8"))
    assert [tuple(p) for p in loaded["number_change_pairs"]] == truth["number_change_pairs"]


def test_documented_command_line_from_the_repository_root(tmp_path):
    """`python -m bench.generate ...`, as bench/README.md says, writes what write_jsonl writes."""
    out, tr = tmp_path / "c.jsonl", tmp_path / "c.truth.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    args = ["--claims", "300", "--seed", "4", "--outlets", "10", "--out", str(out), "--truth", str(tr)]
    subprocess.run([sys.executable, "-m", "bench.generate", *args], cwd=ROOT, env=env, check=True)
    truth = gen.write_jsonl(tmp_path / "w.jsonl", 300, seed=4, n_outlets=10)
    assert out.read_bytes() == (tmp_path / "w.jsonl").read_bytes()
    assert json.loads(tr.read_text(encoding="utf-8")) == json.loads(json.dumps(truth))


def test_vocabulary_files_parse_and_no_list_is_empty():
    import tomllib

    files = sorted((GEN_DIR / "data").glob("*.toml"))
    assert files
    for path in files:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)

        def lists(node, where):
            for k, v in node.items():
                if isinstance(v, dict):
                    yield from lists(v, f"{where}.{k}")
                elif isinstance(v, list):
                    yield f"{where}.{k}", v

        for where, v in lists(data, path.name):
            assert v, where
    # pairs are read as tuples, as the frames unpack them
    assert all(isinstance(p, tuple) and len(p) == 2 for p in gen.vocab.RK_VERBS)
