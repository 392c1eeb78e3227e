"""Benchmark runner for the speed and matching targets (docs/performance.md).

For each size N it builds (or reuses) a seeded synthetic SQLite database with the real
importer, then measures, stage by stage:

  build       generate N claim lines (bench/generate/) and import them into a fresh
              database; import rate in claim lines per second       (target >= 20,000)
  add         `claim add` in-process: plan_add + apply_plan for 200 held-out texts, each
              in its own transaction, rolled back; median and p95   (target median < 50 ms)
  command     `tracker --db COPY claim add ... --yes` as a subprocess, median of 15 runs
              against a throw-away copy of the database            (target < 0.8 s)
  dedupe      dedupe.find_clusters over the whole database          (target < 120 s)
  recall      the pipeline's pairs (judgement.whole.duplicate_pairs) against brute force
              (every pair, same judge) on the first 20,000 claims   (target >= 0.95)
  falsemerge  injected number changes and negations merged at import or judged "same"
              by dedupe                                             (target 0)
  reports     credibility.unverified / outlet_scores / summary and
              judgement.report.contradiction_report, each rolled back (target < 60 s)
  help        `tracker --help`, median of 10 runs                   (target < 0.25 s)

Figures are kept per size in WORKDIR/results.json, so a later `--only STAGE` run updates
its columns and the table still shows the rest. The table goes to stdout and, as Markdown,
into docs/performance.md (a section per set of sizes, replaced on the next run).

Usage:
    python bench/run.py --sizes 10000 100000 1000000 --seed 1 --workdir /tmp/tracker-bench
    python bench/run.py --sizes 1000000 --skip-build --only add,dedupe --profile

This is a benchmark, not a test: it never changes the project's code or settings, and it
writes only under WORKDIR and to docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import hashlib
import importlib.util
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DEFAULT_WORKDIR = Path(tempfile.gettempdir()) / "tracker-bench"
DEFAULT_DOC = REPO / "docs" / "performance.md"

STAGES = ("build", "add", "command", "dedupe", "recall", "falsemerge", "reports", "help")

# Import holds a whole file in memory; the bench raises the limit (TRACKER_MAX_IMPORT_MB)
# and splits big files itself, one import (one transaction) per chunk, as a person would
# split a file that is too big to import at once.
DEFAULT_CHUNK_LINES = 2_000_000


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load_generator():
    """The generator package bench/generate/, imported by path (bench/ is not a package)."""
    pkg = BENCH_DIR / "generate"
    spec = importlib.util.spec_from_file_location(
        "tracker_bench_generate", pkg / "__init__.py", submodule_search_locations=[str(pkg)]
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def tracker_exe() -> list[str]:
    exe = Path(sys.executable).with_name("tracker")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("tracker")
    return [found] if found else [sys.executable, "-m", "tracker"]


def ensure_bytecode() -> None:
    """Compile the tracker package's modules to bytecode before a command is timed, as the
    README's install (``pip install .``) does at install time. A checkout installed in
    editable mode under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module it
    imports on every command, which no installed copy does."""
    import compileall

    import tracker

    compileall.compile_dir(str(Path(tracker.__file__).parent), quiet=1)


def peak_rss_gb() -> float:
    """The largest resident size of this process or any child it waited for (reports run
    in a forked child)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / (1024 * 1024)


def pct(values: list[float], q: float) -> float:
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


# ---------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------


@dataclass
class Bench:
    """One size: where its files are, its answer key, and what earlier stages left."""

    n: int
    seed: int
    workdir: Path
    chunk_lines: int = DEFAULT_CHUNK_LINES
    n_queries: int = 200
    command_runs: int = 15
    help_runs: int = 10
    sample: int = 20_000
    report_timeout: float = 600.0
    profile: bool = False
    figures: dict[str, Any] = field(default_factory=dict)
    ran: list[str] = field(default_factory=list)
    measured: dict[str, str] = field(default_factory=dict)
    code: str = ""
    notes: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)
    _engine: Any = None
    _truth: dict | None = None

    @property
    def stem(self) -> str:
        return f"claims-{self.n}-s{self.seed}"

    @property
    def data(self) -> Path:
        return self.workdir / f"{self.stem}.jsonl"

    @property
    def truth_path(self) -> Path:
        return self.workdir / f"{self.stem}.truth.json"

    @property
    def db(self) -> Path:
        return self.workdir / f"{self.stem}.db"

    @property
    def truth(self) -> dict:
        if self._truth is None:
            self._truth = json.loads(self.truth_path.read_text(encoding="utf-8"))
        return self._truth

    def engine(self):
        if self._engine is None:
            from tracker.db import open_database

            if not self.db.exists():
                raise SystemExit(f"{self.db} does not exist: run the build stage first.")
            self._engine = open_database(str(self.db))
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def key_claims(self) -> dict[str, int]:
        """{appearance key: claim id} for every keyed appearance (the answer key speaks
        in line keys; a line merged at import is an appearance of the claim it joined)."""
        if "key2cid" not in self.cache:
            con = sqlite3.connect(self.db)
            try:
                self.cache["key2cid"] = dict(
                    con.execute("SELECT key, claim_id FROM appearances WHERE key IS NOT NULL")
                )
            finally:
                con.close()
        return self.cache["key2cid"]


@contextlib.contextmanager
def rolled_back(engine) -> Iterator[Any]:
    """A session whose transaction is always rolled back: the bench database stays as built."""
    from sqlalchemy.orm import Session

    s = Session(engine, expire_on_commit=False)
    try:
        s.begin()
        yield s
    finally:
        s.rollback()
        s.close()


# ---------------------------------------------------------------------------
# Stage 1: build
# ---------------------------------------------------------------------------


def ensure_data(b: Bench) -> float | None:
    """Generate the JSON Lines file and answer key unless they are there already.
    Returns the seconds spent generating, or None when reused."""
    if b.data.exists() and b.truth_path.exists():
        t = json.loads(b.truth_path.read_text(encoding="utf-8"))
        if t.get("n_claims") == b.n and t.get("seed") == b.seed:
            b._truth = t
            return None
    gen = load_generator()
    b.workdir.mkdir(parents=True, exist_ok=True)
    log(f"generating {b.n:,} claim lines (seed {b.seed}) into {b.data}")
    t0 = time.perf_counter()
    partial = b.data.with_suffix(".jsonl.partial")
    truth = gen.write_jsonl(partial, b.n, b.seed)
    took = time.perf_counter() - t0
    b.truth_path.write_text(json.dumps(truth), encoding="utf-8")
    partial.replace(b.data)
    b._truth = truth
    return took


def split_jsonl(path: Path, chunk_lines: int, outdir: Path) -> list[tuple[Path, int]]:
    """Split a JSON Lines file into files of at most ``chunk_lines`` claim lines (outlet
    lines stay in the first). Returns (path, claim lines) per chunk."""
    chunks: list[tuple[Path, int]] = []
    out = None
    cpath = outdir / "unused"
    count = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            is_claim = '"type":"outlet"' not in line[:40]
            if out is None or (is_claim and count >= chunk_lines):
                if out is not None:
                    out.close()
                    chunks.append((cpath, count))
                cpath = outdir / f"{path.stem}.part{len(chunks):03d}.jsonl"
                out = open(cpath, "w", encoding="utf-8", newline="\n")
                count = 0
            out.write(line)
            count += is_claim
    if out is not None:
        out.close()
        chunks.append((cpath, count))
    return chunks


def current_rss_gb(pid: int | None = None) -> float:
    with open(f"/proc/{pid or 'self'}/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**30


@contextlib.contextmanager
def rss_watch(every: float = 60.0, pid: int | None = None) -> Iterator[None]:
    """Log the resident size (of this process, or of ``pid``) every ``every`` seconds while
    a long step runs (a 1M import is minutes of silence otherwise, and memory is one of
    the limits)."""
    import threading

    stop = threading.Event()

    def watch() -> None:
        t0 = time.perf_counter()
        while not stop.wait(every):
            with contextlib.suppress(OSError):
                log(f"  ... {time.perf_counter() - t0:,.0f} s, RSS {current_rss_gb(pid):.1f} GB")

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    try:
        yield
    finally:
        stop.set()
        th.join()


IMPORT_FIELDS = ("claims_added", "appearances_added", "suggestions", "unchanged")


def _import_child(db: str, path: str, conn) -> None:
    from tracker import exchange
    from tracker.db import open_database, session_scope

    try:
        engine = open_database(db)
        t0 = time.perf_counter()
        with session_scope(engine) as s:
            rep = exchange.import_file(s, Path(path), duplicates="merge")
        took = time.perf_counter() - t0
        engine.dispose()
        conn.send(("ok", took, {k: getattr(rep, k) for k in IMPORT_FIELDS}))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}", None))
    finally:
        conn.close()


def _import_in_child(db: Path, path: Path) -> tuple[float, dict]:
    """One import (one transaction), timed in a forked child: the runner itself stays
    small, so that the stages after the build (whole commands run as subprocesses, the
    in-process ``claim add``) are not measured from a process of many gigabytes."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_import_child, args=(str(db), str(path), child))
    proc.start()
    child.close()
    with rss_watch(pid=proc.pid):
        status, took, rep = parent.recv()
    proc.join()
    if status != "ok":
        raise RuntimeError(f"import of {path.name} failed: {took}")
    return took, rep


def stage_build(b: Bench) -> dict:
    from tracker.db import open_database

    gen_s = ensure_data(b)
    b.close()
    b.cache.clear()
    partial = b.db.with_name(b.db.name + ".partial")
    for p in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
        p.unlink(missing_ok=True)
    os.environ.setdefault("TRACKER_MAX_IMPORT_MB", "2000")
    if b.n > b.chunk_lines:
        chunks = split_jsonl(b.data, b.chunk_lines, b.workdir)
    else:
        chunks = [(b.data, b.n)]
    open_database(str(partial)).dispose()  # created and migrated before the clock starts
    totals = {"claims_added": 0, "appearances_added": 0, "suggestions": 0, "unchanged": 0}
    rates: list[float] = []
    import_s = 0.0
    try:
        for i, (path, lines) in enumerate(chunks):
            log(f"importing {path.name} ({lines:,} claim lines, chunk {i + 1}/{len(chunks)})")
            took, rep = _import_in_child(partial, path)
            import_s += took
            rates.append(lines / took)
            for k in totals:
                totals[k] += rep[k]
            log(
                f"  {took:,.1f} s, {lines / took:,.0f} lines/s, {rep['claims_added']:,} claims, "
                f"{rep['appearances_added']:,} merged into appearances; peak RSS {peak_rss_gb():.1f} GB"
            )
    finally:
        for path, _ in chunks:
            if path != b.data:
                path.unlink(missing_ok=True)
    con = sqlite3.connect(partial)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for s in ("", "-wal", "-shm"):
        Path(str(b.db) + s).unlink(missing_ok=True)
    partial.replace(b.db)
    for s in ("-wal", "-shm"):
        Path(str(partial) + s).unlink(missing_ok=True)
    b.notes["build"] = {
        "generate_s": round(gen_s, 1) if gen_s is not None else "reused",
        "import_s": round(import_s, 1),
        "chunks": len(chunks),
        "chunk_rates": [round(r) for r in rates],
        "db_mb": round(b.db.stat().st_size / 2**20),
        **totals,
    }
    return {"import_rate": b.n / import_s, "claims": totals["claims_added"]}


# ---------------------------------------------------------------------------
# Held-out texts for `claim add`
# ---------------------------------------------------------------------------

SPELLINGS = [
    ("Ghaani", "Qaani"),
    ("Qaani", "Ghaani"),
    ("Erbil", "Irbil"),
    ("Hezbollah", "Hizbullah"),
    ("Kadhimi", "Kazemi"),
    ("Soleimani", "Suleimani"),
    ("Muhandis", "Mohandis"),
    ("Hashd", "Hashed"),
    ("Qassem", "Qasem"),
    ("Qasim", "Qassim"),
    ("Mohammed", "Muhammad"),
    ("Hussein", "Husain"),
    ("Kataib", "Kata'ib"),
    ("Asaib", "Asa'ib"),
    ("Sadr", "Sader"),
    ("Khazali", "Khaz'ali"),
    ("Amiri", "Ameri"),
    ("Baghdad", "Baghdād"),
]
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_NUM_RE = re.compile(
    r"\b(\d{1,3}(?:,\d{3})*)\b(?![-/:.]\d)|\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE
)


def spelling_variant(text: str, rnd: random.Random) -> str:
    """The same claim written differently: a name spelled another way, plus a typographic
    change, a number written in words or digits, a hedge word, or a typo."""
    out = text
    swaps = [(a, b) for a, b in SPELLINGS if re.search(rf"\b{a}\b", out)]
    if swaps:
        a, c = rnd.choice(swaps)
        out = re.sub(rf"\b{a}\b", c, out, count=1)
    moves = ["quotes", "typo", "hedge", "number", "us", "case"]
    rnd.shuffle(moves)
    for move in moves:
        new = out
        if move == "quotes" and "'" in out:
            new = out.replace("'", "\u2019")
        elif move == "typo":
            words = [m for m in re.finditer(r"\b[a-z]{7,}\b", out)]
            if words:
                m = rnd.choice(words)
                w = m.group()
                k = rnd.randrange(1, len(w) - 2)
                w = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
                new = out[: m.start()] + w + out[m.end() :]
        elif move == "hedge" and " said " in out:
            new = out.replace(" said ", " reportedly said ", 1)
        elif move == "number":
            m = re.search(r"\b(" + "|".join(NUMBER_WORDS[1:10]) + r")\b", out)
            if m:
                new = out[: m.start()] + str(NUMBER_WORDS.index(m.group().lower()) + 1) + out[m.end() :]
        elif move == "us" and re.search(r"\bUS\b", out):
            new = re.sub(r"\bUS\b", "U.S.", out, count=1)
        elif move == "case":
            new = out[0].lower() + out[1:]
        if new != out:
            return new
    return out


def number_variant(text: str, rnd: random.Random) -> str | None:
    """The same sentence with one count changed (a contradiction, never a duplicate), or
    None when it has no count to change. A count is what ``tracker.text.features`` counts, so
    a day of the month or a clock time is left alone."""
    from collections import Counter

    from tracker.text import features

    before = Counter(v for v, _ in features(text).numbers)
    if not before:
        return None
    for m in _NUM_RE.finditer(text):
        if m.group(1):
            new = str(int(m.group(1).replace(",", "")) + rnd.randint(2, 9))
        else:
            i = NUMBER_WORDS.index(m.group(2).lower())
            new = NUMBER_WORDS[(i + rnd.randint(2, 9)) % len(NUMBER_WORDS)]
        changed = text[: m.start()] + new + text[m.end() :]
        if Counter(v for v, _ in features(changed).numbers) != before:
            return changed
    return None


@dataclass
class Query:
    kind: str  # "fresh" | "variant" | "number"
    text: str
    outlet: str
    base_id: int | None = None


def make_queries(b: Bench) -> list[Query]:
    """Half fresh claims from another seed, the rest spelling variants and number changes
    of stored claims, each with an outlet that exists in the database."""
    if "queries" in b.cache:
        return b.cache["queries"]
    gen = load_generator()
    rnd = random.Random(f"bench-queries:{b.seed}:{b.n}")
    con = sqlite3.connect(b.db)
    try:
        outlet_names = [r[0] for r in con.execute("SELECT name FROM outlets ORDER BY id")]
        max_id = con.execute("SELECT max(id) FROM claims").fetchone()[0]
        n_fresh = b.n_queries // 2
        n_var = (b.n_queries - n_fresh) * 3 // 5
        n_num = b.n_queries - n_fresh - n_var
        out: list[Query] = []
        for line in gen.iter_lines(max(2000, 4 * n_fresh), b.seed + 100_003, n_outlets=1):
            if line.get("type", "claim") == "claim" and "-" not in line["key"]:
                out.append(Query("fresh", line["text"], rnd.choice(outlet_names)))
                if len(out) >= n_fresh:
                    break
        want = {"variant": n_var, "number": n_num}

        def stored(text: str) -> bool:
            from tracker.claims import fingerprint, same_text_form

            rows = con.execute("SELECT text FROM claims WHERE fingerprint = ?", (fingerprint(text),))
            return any(same_text_form(t) == same_text_form(text) for (t,) in rows)

        tries = 0
        while any(want.values()) and tries < 100 * b.n_queries:
            tries += 1
            cid = rnd.randint(1, max_id)
            row = con.execute(
                "SELECT c.text, o.name FROM claims c JOIN appearances a ON a.claim_id = c.id "
                "JOIN outlets o ON o.id = a.outlet_id WHERE c.id = ? AND c.status = 'active' LIMIT 1",
                (cid,),
            ).fetchone()
            if row is None:
                continue
            text, outlet = row
            if want["variant"]:
                new = spelling_variant(text, rnd)
                if new != text:
                    out.append(Query("variant", new, outlet, cid))
                    want["variant"] -= 1
                    continue
            if want["number"]:
                new = number_variant(text, rnd)
                # The generator's own number changes mean the changed sentence may be
                # stored already; then merging it would be right, so it is no test.
                if new is not None and not stored(new):
                    out.append(Query("number", new, outlet, cid))
                    want["number"] -= 1
    finally:
        con.close()
    b.cache["queries"] = out
    return out


# ---------------------------------------------------------------------------
# Stage 2: claim add in-process
# ---------------------------------------------------------------------------


def stage_add(b: Bench) -> dict:
    from tracker import claims
    from tracker.claims import workflow
    from tracker.judgement import single

    engine = b.engine()
    queries = make_queries(b)
    for q in queries[:2]:  # warm-up: first imports, statement caches
        with rolled_back(engine) as s:
            plan = single.plan_add(s, claims.ClaimInput(text=q.text, outlet=q.outlet))
            workflow.apply_plan(s, plan, merge=plan.same is not None)
    times: dict[str, list[float]] = {"fresh": [], "variant": [], "number": []}
    outcome: dict[str, dict[str, int]] = {k: {} for k in times}
    for q in queries:
        with rolled_back(engine) as s:
            t0 = time.perf_counter()
            plan = single.plan_add(s, claims.ClaimInput(text=q.text, outlet=q.outlet))
            workflow.apply_plan(s, plan, merge=plan.same is not None)
            s.flush()
            took = time.perf_counter() - t0
            same_id = plan.same.claim.id if plan.same is not None else None
        times[q.kind].append(took * 1000)
        if same_id is not None:
            what = "same (merged)"
        elif plan.suggest:
            what = "new + suggested duplicate"
        elif plan.contradict:
            what = "new + contradiction"
        else:
            what = "new"
        outcome[q.kind][what] = outcome[q.kind].get(what, 0) + 1
        if q.kind == "variant":
            hit = int(same_id is not None and same_id == q.base_id)
            outcome[q.kind]["merged into its base"] = outcome[q.kind].get("merged into its base", 0) + hit
    every = [t for v in times.values() for t in v]
    b.notes["add"] = {
        "queries": {k: len(v) for k, v in times.items()},
        "median_ms_by_kind": {k: round(statistics.median(v), 1) for k, v in times.items() if v},
        "max_ms": round(max(every), 1),
        "outcome": outcome,
    }
    return {
        "add_median_ms": statistics.median(every),
        "add_p95_ms": pct(every, 95),
        "number_changes_merged": outcome["number"].get("same (merged)", 0),
    }


# ---------------------------------------------------------------------------
# Stage 3: claim add, the whole command
# ---------------------------------------------------------------------------


def _checkpoint(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def stage_command(b: Bench) -> dict:
    """Runs against a copy of the database (deleted afterwards), so the bench database
    stays as imported for the other stages."""
    b.close()
    _checkpoint(b.db)
    copy = b.workdir / f"{b.stem}.command-copy.db"
    shutil.copyfile(b.db, copy)
    queries = make_queries(b)
    per_kind = max(1, b.command_runs // 3)
    picked = [
        q
        for kind in ("fresh", "variant", "number")
        for q in [x for x in queries if x.kind == kind][:per_kind]
    ]
    picked = (picked + queries)[: b.command_runs]
    env = {**os.environ, "NO_COLOR": "1", "TRACKER_USER": "bench"}
    exe = tracker_exe()
    ensure_bytecode()
    times: list[float] = []
    fails = 0
    try:
        for i, q in enumerate([picked[0], *picked]):  # the first run warms the page cache
            cmd = [*exe, "--db", str(copy), "claim", "add", q.text, "--outlet", q.outlet, "--yes"]
            t0 = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True, text=True)
            took = time.perf_counter() - t0
            if r.returncode != 0:
                fails += 1
                log(f"claim add failed ({r.returncode}): {r.stderr.strip()[:300]}")
            if i:
                times.append(took)
        if b.profile:
            prof = b.workdir / f"profile-command-{b.n}.prof"
            q = picked[-1]
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "cProfile",
                    "-o",
                    str(prof),
                    "-m",
                    "tracker",
                    "--db",
                    str(copy),
                    "claim",
                    "add",
                    q.text,
                    "--outlet",
                    q.outlet,
                    "--yes",
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            print_profile(pstats.Stats(str(prof)), f"claim add command at N={b.n:,}", only=r"tracker/(?!cli)")
            r = subprocess.run(
                [sys.executable, "-X", "importtime", "-m", "tracker", "--db", str(copy), "claim", "add"]
                + [q.text, "--outlet", q.outlet, "--yes"],
                env=env,
                capture_output=True,
                text=True,
            )
            print_importtime(r.stderr, f"claim add command at N={b.n:,}")
    finally:
        for s in ("", "-wal", "-shm"):
            Path(str(copy) + s).unlink(missing_ok=True)
    b.notes["command"] = {
        "runs": len(times),
        "failed": fails,
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
    }
    return {"command_median_s": statistics.median(times)}


# ---------------------------------------------------------------------------
# Stage 4: dedupe
# ---------------------------------------------------------------------------


def stage_dedupe(b: Bench) -> dict:
    from tracker import dedupe

    with rolled_back(b.engine()) as s:
        t0 = time.perf_counter()
        clusters = dedupe.find_clusters(s)
        took = time.perf_counter() - t0
    pairs = {(min(p.a, p.b), max(p.a, p.b)): p.kind for c in clusters for p in c.pairs}
    b.cache["dedupe_pairs"] = pairs
    b.notes["dedupe"] = {
        "pairs_same": sum(1 for k in pairs.values() if k == "same"),
        "pairs_suggest": sum(1 for k in pairs.values() if k != "same"),
        "largest_cluster": max((len(c.ids) for c in clusters), default=0),
    }
    return {"dedupe_s": took, "clusters": len(clusters)}


# ---------------------------------------------------------------------------
# Stage 5: recall against brute force
# ---------------------------------------------------------------------------


def brute_force_pairs(
    rows: list[tuple[int, str, str]], *, use_numpy: bool | None = None, block: int = 1000
) -> set[tuple[int, int]]:
    """Every pair of ``rows`` (id, text, folded text) that the judgement calls "same"
    or "suggest", without blocking. Exact: a pair can reach the suggestion threshold only
    if token_sort_ratio >= 50 and token_set_ratio >= 150 - token_sort_ratio (the score is
    their mean), so rapidfuzz computes those two in C over all pairs and only the pairs
    that pass are judged in Python."""
    from rapidfuzz import fuzz, process

    from tracker.matching import SETTINGS

    floor = SETTINGS.suggest
    lo = 2 * floor - 100  # the lowest token_sort_ratio that can still reach the floor
    if use_numpy is None:
        use_numpy = importlib.util.find_spec("numpy") is not None
    norms = [r[2] for r in rows]
    # token_sort_ratio(a, b) == ratio(sorted tokens of a, sorted tokens of b); sorting once
    # per text lets cdist use its fast cached ratio.
    srt = [" ".join(sorted(n.split())) for n in norms]
    found: set[tuple[int, int]] = set()

    def check(i: int, j: int) -> None:
        jd = _judge(rows[j], rows[i]) if rows[i][0] < rows[j][0] else _judge(rows[i], rows[j])
        if jd.kind in ("same", "suggest"):
            found.add((rows[i][0], rows[j][0]) if rows[i][0] < rows[j][0] else (rows[j][0], rows[i][0]))

    n = len(rows)
    if use_numpy:
        import numpy as np

        for r0 in range(0, n, block):
            r1 = min(n, r0 + block)
            m = process.cdist(
                srt[r0:r1],
                srt[r0:],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=lo - 1,
                dtype=np.uint8,
                workers=-1,
            )
            ii, jj = np.nonzero(np.triu(m, 1) >= lo - 1)
            vals = m[ii, jj]
            for v in np.unique(vals):
                sel = vals == v
                a, c = ii[sel] + r0, jj[sel] + r0
                # sort is within 1 of v: the set score must reach 2*floor - (v + 1), less a margin
                cut = max(lo, 2 * floor - int(v) - 2)
                s = process.cpdist(
                    [norms[i] for i in a],
                    [norms[j] for j in c],
                    scorer=fuzz.token_set_ratio,
                    processor=None,
                    score_cutoff=cut - 1,
                    dtype=np.uint8,
                    workers=-1,
                )
                for k in np.nonzero(s)[0]:
                    check(int(a[k]), int(c[k]))
    else:
        for i in range(n - 1):
            for _, v, off in process.extract(
                srt[i], srt[i + 1 :], scorer=fuzz.ratio, processor=None, score_cutoff=lo - 1, limit=None
            ):
                j = i + 1 + off
                if (
                    fuzz.token_set_ratio(norms[i], norms[j], processor=None, score_cutoff=2 * floor - v - 1)
                    > 0
                ):
                    check(i, j)
    return found


def _judge(newer: tuple[int, str, str], older: tuple[int, str, str]):
    """The pipeline's duplicate judgement of two stored claims, the newer one first."""
    from tracker.judgement.facts import text_facts
    from tracker.matching.similarity import judge

    return judge(newer[1], older[1], newer[2], older[2], (text_facts(newer[1]), text_facts(older[1])))


def stage_recall(b: Bench) -> dict:
    from sqlalchemy import select

    from tracker.judgement import whole
    from tracker.matching import SETTINGS
    from tracker.models import Claim

    with rolled_back(b.engine()) as s:
        rows = [
            tuple(r)
            for r in s.execute(
                select(Claim.id, Claim.text, Claim.norm)
                .where(Claim.status == "active")
                .order_by(Claim.id)
                .limit(b.sample)
            )
        ]
    t0 = time.perf_counter()
    with rolled_back(b.engine()) as s:
        blocking = {(min(a, c), max(a, c)) for a, c, _ in whole.duplicate_pairs(s, first=len(rows))}
    block_s = time.perf_counter() - t0
    digest = hashlib.sha1("\n".join(f"{i}\t{n}" for i, _, n in rows).encode()).hexdigest()[:16]
    cache = b.workdir / f"bruteforce-{digest}.json"
    t0 = time.perf_counter()
    if cache.exists():
        brute = {tuple(p) for p in json.loads(cache.read_text())}
        bf_s = None
    else:
        log(f"brute force over {len(rows):,} claims ({len(rows) * (len(rows) - 1) // 2:,} pairs)")
        brute = brute_force_pairs(rows)
        bf_s = time.perf_counter() - t0
        cache.write_text(json.dumps(sorted(brute)))
    recall = len(blocking & brute) / len(brute) if brute else 1.0
    text_of = {r[0]: r for r in rows}
    same = {(a, c) for a, c in brute if _judge(text_of[c], text_of[a]).kind == "same"}
    # Why blocking missed what it missed: its own prefilter (token_sort_ratio below
    # suggest - 15 is never judged) or no shared block.
    from rapidfuzz import fuzz

    norm_of = {r[0]: r[2] for r in rows}
    missed = sorted(brute - blocking)
    below = sum(
        1
        for a, c in missed
        if fuzz.token_sort_ratio(norm_of[a], norm_of[c], processor=None) < SETTINGS.suggest - 15
    )
    # Injected near-duplicates whose two lines both landed in the sample.
    key2cid = b.key_claims()
    ids = {r[0] for r in rows}
    inj = merged = by_block = by_brute = 0
    for a, c in b.truth["duplicate_pairs"]:
        ca, cc = key2cid.get(a), key2cid.get(c)
        if ca is None or cc is None or ca not in ids or cc not in ids:
            continue
        inj += 1
        pair = (min(ca, cc), max(ca, cc))
        if ca == cc:
            merged += 1
        by_block += ca == cc or pair in blocking
        by_brute += ca == cc or pair in brute
    b.notes["recall"] = {
        "sample": len(rows),
        "brute_force_pairs": len(brute),
        "blocking_pairs": len(blocking),
        "blocking_only": len(blocking - brute),
        "brute_force_same": len(same),
        "blocking_found_same": len(blocking & same),
        "missed_below_sort_prefilter": below,
        "missed_no_common_block": len(missed) - below,
        "missed_examples": [[a, c] for a, c in missed[:5]],
        "blocking_s": round(block_s, 1),
        "brute_force_s": round(bf_s, 1) if bf_s is not None else "cached",
        "injected_in_sample": inj,
        "injected_merged_at_import": merged,
        "injected_found_by_blocking_or_merged": by_block,
        "injected_found_by_brute_force_or_merged": by_brute,
    }
    return {
        "recall": recall,
        "recall_same": len(blocking & same) / len(same) if same else 1.0,
        "injected_recall": by_block / inj if inj else float("nan"),
        # The target: recall of injected near-duplicates, of what brute force finds.
        "injected_vs_brute": by_block / by_brute if by_brute else float("nan"),
    }


# ---------------------------------------------------------------------------
# Stage 6: false merges on injected contradictions
# ---------------------------------------------------------------------------


def stage_falsemerge(b: Bench) -> dict:
    if "dedupe_pairs" not in b.cache:
        log("falsemerge needs dedupe's pairs: running dedupe (not timed here)")
        stage_dedupe(b)
    pairs: dict[tuple[int, int], str] = b.cache["dedupe_pairs"]
    key2cid = b.key_claims()
    out: dict[str, Any] = {}
    notes: dict[str, Any] = {}
    for kind, name in (
        ("number_change_pairs", "number"),
        ("polarity_pairs", "polarity"),
        ("opposing_pairs", "opposing"),
        ("duplicate_pairs", "duplicate"),
    ):
        merged = judged_same = suggested = missing = 0
        for a, c in b.truth[kind]:
            ca, cc = key2cid.get(a), key2cid.get(c)
            if ca is None or cc is None:
                missing += 1
                continue
            if ca == cc:
                merged += 1
                continue
            k = pairs.get((min(ca, cc), max(ca, cc)))
            judged_same += k == "same"
            suggested += k == "suggest"
        notes[name] = {
            "pairs": len(b.truth[kind]),
            "merged_at_import": merged,
            "dedupe_same": judged_same,
            "dedupe_suggest": suggested,
            "keys_missing": missing,
        }
        if name == "duplicate":
            found = merged + judged_same + suggested
            out["injected_recall_all"] = found / len(b.truth[kind]) if b.truth[kind] else float("nan")
        else:
            out[f"false_{name}"] = merged + judged_same
    b.notes["falsemerge"] = notes
    return out


# ---------------------------------------------------------------------------
# Stage 7: reports
# ---------------------------------------------------------------------------


def contradiction_report_fn() -> Callable | None:
    from tracker.judgement import report

    return report.contradiction_report


REPORTS = ("unverified", "outlets", "summary", "contradictions")


def report_fn(name: str) -> Callable | None:
    from tracker import credibility

    if name == "unverified":
        return credibility.unverified
    if name == "outlets":
        return credibility.outlet_scores
    if name == "summary":
        return credibility.summary
    return contradiction_report_fn()


def _report_size(res: Any) -> Any:
    if isinstance(res, tuple):  # unverified: (top list, total)
        return res[1]
    if isinstance(res, list):
        return len(res)
    if hasattr(res, "claims"):
        return {
            "claims": res.claims,
            "open_contradictions": res.open_contradictions,
            "unverified": res.unverified_total,
        }
    return None


def time_report(db: Path, name: str) -> tuple[float, Any]:
    """Open the database, run one report in a transaction that is rolled back (the
    contradiction report stores what it detects; the bench database must stay as
    imported), return (seconds, size of the result)."""
    from tracker.db import open_database

    engine = open_database(str(db))
    try:
        with rolled_back(engine) as s:
            t0 = time.perf_counter()
            res = report_fn(name)(s)
            took = time.perf_counter() - t0
            return took, _report_size(res)
    finally:
        engine.dispose()


def _report_child(db: str, name: str, conn) -> None:
    try:
        conn.send(("ok", *time_report(Path(db), name)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}", None))
    finally:
        conn.close()


def stage_reports(b: Bench) -> dict:
    """Each report in a forked child with a time budget (``report_timeout``), so that one
    report far over its target is recorded as such instead of stalling the run. With
    --profile they run in-process, without the budget, so cProfile sees them."""
    import multiprocessing

    b.close()
    out: dict[str, Any] = {}
    sizes: dict[str, Any] = {}
    for name in REPORTS:
        col = f"{name}_s"
        if report_fn(name) is None:
            out[col] = "n/a (not built yet)"
            continue
        log(f"report {name}")
        if b.profile:
            out[col], sizes[name] = time_report(b.db, name)
            continue
        ctx = multiprocessing.get_context("fork")
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_report_child, args=(str(b.db), name, send))
        t0 = time.perf_counter()
        proc.start()
        send.close()
        if recv.poll(b.report_timeout):
            status, took, size = recv.recv()
            proc.join()
            if status == "ok":
                out[col], sizes[name] = took, size
            else:
                out[col] = f"error: {took}"[:120]
        else:
            proc.kill()
            proc.join()
            out[col] = f"> {b.report_timeout:.0f} (stopped)"
            sizes[name] = f"stopped after {time.perf_counter() - t0:.0f} s"
        recv.close()
    b.notes["reports"] = sizes
    return out


# ---------------------------------------------------------------------------
# Stage 8: tracker --help
# ---------------------------------------------------------------------------


def stage_help(b: Bench) -> dict:
    exe = tracker_exe()
    ensure_bytecode()
    env = {**os.environ, "NO_COLOR": "1"}
    times = []
    for i in range(b.help_runs + 1):  # the first run is a warm-up
        t0 = time.perf_counter()
        subprocess.run([*exe, "--help"], env=env, capture_output=True, check=True)
        if i:
            times.append(time.perf_counter() - t0)
    if b.profile:
        r = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "tracker", "--help"],
            env=env,
            capture_output=True,
            text=True,
        )
        print_importtime(r.stderr, "tracker --help")
    b.notes["help"] = {"runs": len(times), "min_s": round(min(times), 3)}
    return {"help_median_s": statistics.median(times)}


RUNNERS: dict[str, Callable[[Bench], dict]] = {
    "build": stage_build,
    "add": stage_add,
    "command": stage_command,
    "dedupe": stage_dedupe,
    "recall": stage_recall,
    "falsemerge": stage_falsemerge,
    "reports": stage_reports,
    "help": stage_help,
}


def print_importtime(stderr: str, title: str, top: int = 10) -> None:
    """The slowest imports (cumulative) from ``python -X importtime`` output."""
    rows = []
    for ln in stderr.splitlines():
        parts = ln.removeprefix("import time:").split("|")
        if ln.startswith("import time:") and len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    lines = [f"{us / 1000:8.1f} ms  {name}" for us, name in sorted(rows, reverse=True)[:top]]
    print(
        f"\n--- -X importtime: {title}, top {top} by cumulative time ---\n" + "\n".join(lines),
        file=sys.stderr,
    )


def print_profile(stats: pstats.Stats, title: str, top: int = 10, only: str | None = None) -> None:
    """Top functions by cumulative and by own time; ``only`` (a regex on the file name)
    keeps the cumulative list to the project's own functions."""
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats.stream = buf
        restrict = (only, top) if only and key == "cumulative" else (top,)
        stats.sort_stats(key).print_stats(*restrict)
        text = buf.getvalue()
        start = text.find("   ncalls")
        print(f"\n--- profile: {title}, top {top} by {key} ---\n{text[start:].rstrip()}", file=sys.stderr)


def run_stage(b: Bench, stage: str) -> dict:
    log(f"N={b.n:,}: stage {stage}")
    if b.profile and stage not in ("command", "help"):
        prof = cProfile.Profile()
        prof.enable()
        try:
            res = RUNNERS[stage](b)
        finally:
            prof.disable()
        prof.dump_stats(str(b.workdir / f"profile-{stage}-{b.n}.prof"))
        print_profile(pstats.Stats(prof), f"{stage} at N={b.n:,}")
    else:
        res = RUNNERS[stage](b)
    res["peak_rss_gb"] = peak_rss_gb()
    log(f"N={b.n:,}: {stage} -> " + ", ".join(f"{k}={_plain(v)}" for k, v in res.items()))
    return res


def run_size(
    n: int,
    seed: int,
    workdir: Path,
    stages: tuple[str, ...] = STAGES,
    *,
    skip_build: bool = False,
    save: bool = False,
    **options: Any,
) -> Bench:
    """Run the selected stages for one size; returns the Bench with ``figures`` (the table's
    numbers) and ``notes`` (the detail behind them). With ``save``, WORKDIR/results.json is
    updated after every stage, so a crash later on keeps what was measured."""
    b = Bench(n=n, seed=seed, workdir=Path(workdir), code=code_version(), **options)
    b.workdir.mkdir(parents=True, exist_ok=True)
    try:
        for stage in STAGES:
            if stage not in stages:
                continue
            if stage == "build" and skip_build and b.db.exists():
                ensure_data(b)
                continue
            if stage != "build" and not b.db.exists():
                raise SystemExit(f"{b.db} does not exist: run without --skip-build (or with --only build).")
            b.figures.update(run_stage(b, stage))
            b.ran.append(stage)
            b.measured[stage] = dt.datetime.now().isoformat(timespec="seconds")
            if save:
                save_results(b.workdir, b)
    finally:
        b.close()
    return b


# ---------------------------------------------------------------------------
# Results, table and Markdown
# ---------------------------------------------------------------------------

# (figure, header, target text, check, format)
COLUMNS: list[tuple[str, str, str, Callable[[float], bool] | None, str]] = [
    ("import_rate", "import lines/s", "≥ 20,000", lambda v: v >= 20_000, "{:,.0f}"),
    ("add_median_ms", "add median ms", "< 50", lambda v: v < 50, "{:.1f}"),
    ("add_p95_ms", "add p95 ms", "", None, "{:.1f}"),
    ("command_median_s", "claim add command s", "< 0.8", lambda v: v < 0.8, "{:.2f}"),
    ("dedupe_s", "dedupe s", "< 120", lambda v: v < 120, "{:.1f}"),
    ("clusters", "dedupe clusters", "", None, "{:,.0f}"),
    ("injected_vs_brute", "injected dup. recall vs brute force", "≥ 0.95", lambda v: v >= 0.95, "{:.3f}"),
    ("recall", "recall, all pairs brute force finds", "", None, "{:.3f}"),
    ("recall_same", "recall, 'same' pairs only", "", None, "{:.3f}"),
    ("injected_recall", "injected dup. recall (sample)", "", None, "{:.3f}"),
    ("false_number", "false merges: numbers", "0", lambda v: v == 0, "{:.0f}"),
    ("false_polarity", "false merges: polarity", "0", lambda v: v == 0, "{:.0f}"),
    ("unverified_s", "report unverified s", "< 60", lambda v: v < 60, "{:.1f}"),
    ("outlets_s", "report outlets s", "< 60", lambda v: v < 60, "{:.1f}"),
    ("summary_s", "report summary s", "< 60", lambda v: v < 60, "{:.1f}"),
    ("contradictions_s", "report contradictions s", "< 60", lambda v: v < 60, "{:.1f}"),
    ("help_median_s", "--help s", "< 0.25", lambda v: v < 0.25, "{:.3f}"),
    ("peak_rss_gb", "peak RSS GB", "< 12", lambda v: v < 12, "{:.1f}"),
]


def _plain(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def cell(name: str, value: Any, marks: bool = True) -> str:
    for col, _, _, check, fmt in COLUMNS:
        if col != name:
            continue
        if value is None:
            return "—"
        if isinstance(value, str):
            return value + (" ✗" if marks and value.startswith(">") else "")
        text = fmt.format(value)
        if marks and check is not None:
            text += " ✓" if check(value) else " ✗"
        return text
    return _plain(value)


def results_path(workdir: Path) -> Path:
    return Path(workdir) / "results.json"


def load_results(workdir: Path) -> dict:
    p = results_path(workdir)
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def save_results(workdir: Path, b: Bench) -> dict:
    """Merge this size's figures into WORKDIR/results.json (under a lock: runs of other
    sizes may share the folder). A rebuilt database makes the older figures stale."""
    import fcntl

    with open(Path(workdir) / "results.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        allr = load_results(workdir)
        key = f"{b.n}-s{b.seed}"
        entry = allr.get(key, {"figures": {}, "notes": {}, "measured": {}})
        if "build" in b.ran:
            entry = {"figures": {}, "notes": {}, "measured": {}}
        # Peak memory is the largest seen by any stage of this database, the import included.
        peak = max(
            entry["figures"].pop("build_peak_rss_gb", 0.0),
            entry["figures"].get("peak_rss_gb", 0.0),
            b.figures.get("peak_rss_gb", 0.0),
        )
        entry["figures"].update(b.figures)
        entry["figures"]["peak_rss_gb"] = peak
        entry["notes"].update(b.notes)
        entry["measured"].update(b.measured)
        for st in b.ran:  # the code as it was when this process started
            entry.setdefault("code_by_stage", {})[st] = b.code
        allr[key] = entry
        tmp = results_path(workdir).with_suffix(".tmp")
        tmp.write_text(json.dumps(allr, indent=1, default=str), encoding="utf-8")
        tmp.replace(results_path(workdir))
    return entry


def code_version() -> str:
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", "tracker"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return rev + (" + uncommitted changes in tracker/" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine_facts() -> dict[str, str]:
    import rapidfuzz
    import sqlalchemy

    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        nproc = str(os.cpu_count())
    mem = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 2**20:.0f} GB"
    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "date": dt.date.today().isoformat(),
        "nproc": nproc,
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "rapidfuzz": rapidfuzz.__version__,
        "numpy": _numpy_version(),
        "code": code_version(),
    }


def _numpy_version() -> str:
    try:
        import numpy

        return numpy.__version__
    except ImportError:
        return "not installed (brute force uses process.extract)"


def print_table(entries: dict[int, dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    cols = [c for c in COLUMNS if any(c[0] in e["figures"] for e in entries.values())]
    table = Table(title="tracker benchmarks (targets apply at 1,000,000 claims)")
    table.add_column("claims", justify="right")
    for _, header, target, _, _ in cols:
        table.add_column(f"{header}\n({target})" if target else header, justify="right")
    for n, e in sorted(entries.items()):
        table.add_row(f"{n:,}", *(cell(c[0], e["figures"].get(c[0])) for c in cols))
    Console(width=max(shutil.get_terminal_size((240, 24)).columns, 240)).print(table)


def markdown(entries: dict[int, dict], seed: int, facts: dict[str, str]) -> str:
    cols = [c for c in COLUMNS if any(c[0] in e["figures"] for e in entries.values())]
    sizes = ",".join(str(n) for n in sorted(entries))
    out = [
        f"<!-- bench-run sizes={sizes} seed={seed} -->",
        f"## Measured {facts['date']}: {', '.join(f'{n:,}' for n in sorted(entries))} claims (seed {seed})",
        "",
        f"Machine: `nproc` {facts['nproc']} ({facts['cpu']}), {facts['memory']} RAM, {facts['os']}; "
        f"Python {facts['python']}, SQLite {facts['sqlite']}, SQLAlchemy {facts['sqlalchemy']}, "
        f"rapidfuzz {facts['rapidfuzz']}, numpy {facts['numpy']} (bench only). "
        f"Code: {facts['code']}.",
        "",
        "| claims | " + " | ".join(f"{h} ({t})" if t else h for _, h, t, _, _ in cols) + " |",
        "| ---: | " + " | ".join("---:" for _ in cols) + " |",
    ]
    for n, e in sorted(entries.items()):
        out.append(f"| {n:,} | " + " | ".join(cell(c[0], e["figures"].get(c[0])) for c in cols) + " |")
    out.append("")
    out.append("Details (from `results.json` in the work folder):")
    out.append("")
    for n, e in sorted(entries.items()):
        notes = e.get("notes", {})
        bits = []
        if "build" in notes:
            nb = notes["build"]
            bits.append(
                f"import {nb['import_s']:,} s in {nb['chunks']} chunk(s) "
                f"(lines/s per chunk: {', '.join(f'{r:,}' for r in nb['chunk_rates'])}); "
                f"{nb['claims_added']:,} claims, {nb['appearances_added']:,} lines merged into "
                f"appearances, {nb['suggestions']:,} suggested relations; database {nb['db_mb']:,} MB"
            )
        if "add" in notes:
            na = notes["add"]
            bits.append(
                f"claim add median by kind (ms): {na['median_ms_by_kind']}, max {na['max_ms']} ms; "
                f"outcomes: {na['outcome']}"
            )
        if "command" in notes:
            nc = notes["command"]
            bits.append(
                f"command runs {nc['runs']} (min {nc['min_s']} s, max {nc['max_s']} s, failed {nc['failed']})"
            )
        if "dedupe" in notes:
            bits.append(f"dedupe pairs: {notes['dedupe']}")
        if "recall" in notes:
            bits.append(f"recall: {notes['recall']}")
        if "falsemerge" in notes:
            bits.append(f"injected pairs: {notes['falsemerge']}")
        if "reports" in notes:
            bits.append(f"report sizes: {notes['reports']}")
        if e.get("measured"):
            code = e.get("code_by_stage", {})
            bits.append(
                "measured: "
                + ", ".join(
                    f"{k} {v}" + (f" (code {code[k]})" if code.get(k) else "")
                    for k, v in e["measured"].items()
                )
            )
        out.append(f"- **{n:,}**: " + "; ".join(bits))
    out.append("<!-- /bench-run -->")
    return "\n".join(out) + "\n"


DOC_HEADER = """# Performance

Measured by `bench/run.py` (see bench/README.md) against the speed targets. Each section
below is written by the runner; a later run of the same sizes replaces its section.
"""


def write_doc(doc: Path, section: str, sizes: str, seed: int) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else DOC_HEADER
    pat = re.compile(
        rf"<!-- bench-run sizes={re.escape(sizes)} seed={seed} -->.*?<!-- /bench-run -->\n?", re.S
    )
    if pat.search(text):
        text = pat.sub(lambda _m: section, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmarks for the speed and matching targets.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--workdir",
        type=Path,
        default=DEFAULT_WORKDIR,
        help=f"data, databases and results.json (default {DEFAULT_WORKDIR})",
    )
    ap.add_argument(
        "--only", default=",".join(STAGES), help=f"comma-separated stages to run: {','.join(STAGES)}"
    )
    ap.add_argument("--skip-build", action="store_true", help="reuse the databases already built")
    ap.add_argument(
        "--chunk-lines",
        type=int,
        default=DEFAULT_CHUNK_LINES,
        help="import files bigger than this many claim lines in chunks",
    )
    ap.add_argument("--sample", type=int, default=20_000, help="claims in the recall sample")
    ap.add_argument("--queries", type=int, default=200, help="held-out texts for claim add")
    ap.add_argument(
        "--report-timeout",
        type=float,
        default=600.0,
        help="stop a report after this many seconds (10x its target by default)",
    )
    ap.add_argument("--command-runs", type=int, default=15)
    ap.add_argument("--help-runs", type=int, default=10)
    ap.add_argument(
        "--profile",
        action="store_true",
        help="profile each stage (cProfile; -X importtime for --help), top 10 to stderr",
    )
    ap.add_argument("--doc", type=Path, default=DEFAULT_DOC, help="Markdown file to update")
    ap.add_argument("--no-doc", action="store_true", help="do not update the Markdown file")
    a = ap.parse_args(argv)
    stages = tuple(s.strip() for s in a.only.split(",") if s.strip())
    bad = [s for s in stages if s not in STAGES]
    if bad:
        ap.error(f"unknown stage(s) {', '.join(bad)}; choose from {', '.join(STAGES)}")
    entries: dict[int, dict] = {}
    for n in sorted(set(a.sizes)):
        b = run_size(
            n,
            a.seed,
            a.workdir,
            stages,
            skip_build=a.skip_build,
            save=True,
            chunk_lines=a.chunk_lines,
            sample=a.sample,
            n_queries=a.queries,
            command_runs=a.command_runs,
            help_runs=a.help_runs,
            report_timeout=a.report_timeout,
            profile=a.profile,
        )
        entries[n] = save_results(a.workdir, b)
    print_table(entries)
    if not a.no_doc:
        facts = machine_facts()
        sizes = ",".join(str(n) for n in sorted(entries))
        write_doc(a.doc, markdown(entries, a.seed, facts), sizes, a.seed)
        log(f"wrote {a.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
