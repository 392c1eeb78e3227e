"""Seeded synthetic claim data for the tracker benchmarks.

Builds realistic one-sentence claims about Iraqi militias, Iran and US forces
(2019-2023) compositionally -- ~35 core propositions ("frames"), each with several
phrasings, wrapped in ~35 attribution shapes, filled from large vocabularies and
from names generated out of Arabic, Persian, Kurdish and English syllable tables --
so that a million base claims are a million *distinct* assertions. Into that stream
it injects pairs with a known answer:

* ``duplicate_pairs``      the same claim said again: a rewording, a spelling
  variant of a name (Ghaani/Qaani, Erbil/Irbil ...), typographic quotes or dashes,
  "three" <-> "3", "2,500" <-> "2500", a filler word, a case change, a typo;
* ``number_change_pairs``  the same sentence with one count changed (14 vs 30
  rockets): a numeric contradiction, never a duplicate;
* ``polarity_pairs``       the same sentence negated or denied;
* ``opposing_pairs``       the same actors with a predicate from the opposing class
  (keep calm vs step up attacks, withdraw vs stay, agree vs no agreement ...).

Each pair is ``(key_of_base, key_of_variant)``; base keys are ``s000123``, variants
``s000123-d1`` (duplicates, ``-d2``/``-d3`` when a story is reposted several times),
``-n1`` (number change), ``-p1`` (polarity), ``-o1`` (opposing).

API (``import bench.generate`` from the repository root; the benchmark runner and the
tests load this package by path)::

    generate(n_claims, seed=0, *, dup_rate=0.05, number_rate=0.01,
             polarity_rate=0.005, opposing_rate=0.005, n_outlets=300) -> Synthetic
    iter_lines(n_claims, seed=0, *, truth=None, **kw) -> Iterator[dict]
    truth_pairs(n_claims, seed=0, **kw) -> dict
    write_jsonl(path, n_claims, seed=0, **kw) -> dict
    diversity_report(sample, ...) -> dict
    main(argv) -> int

``n_claims`` counts *all* claim lines (base claims plus injected variants), so a
benchmark asking for 1,000,000 gets exactly 1,000,000 claim lines (plus the
``n_outlets`` outlet lines in front). Each rate is the number of injected pairs of
that kind per claim line: ``len(duplicate_pairs) == round(n_claims * dup_rate)``.

Streaming: which base claim gets which variant is planned up front by its own
random stream, so the answer key is known before (and without) generating any text:
``iter_lines(..., truth=d)`` fills the dict ``d`` *before* the first line is yielded,
and ``truth_pairs(...)`` returns the same dict without generating text at all.
``iter_lines`` holds only the variants waiting for their slot (each is emitted
within ``delay`` base claims after its base), so 1,000,000 claims stream in ~20 s
with ~100 MB of memory; ``generate`` keeps every line in a list (use it for tests and
samples, stream for a million).

Determinism: all randomness comes from ``random.Random`` instances seeded with
strings derived from ``seed`` (no ``hash()``, no set ordering), so the same
arguments give byte-identical output in any process and under any PYTHONHASHSEED.

Layout: the word lists and templates are TOML files in ``data/``, read once by
``vocab``; ``world`` builds a seed's pools and draws names, places and speakers;
``frames_attacks`` and ``frames_politics`` hold the frames, ``frames`` their table;
``claims`` renders a claim, ``variants`` derives the injected ones, ``plan`` decides
which base gets which, ``stream`` writes the lines, ``diversity`` measures them and
``cli`` is the command line. Standard library only, except ``diversity_report``
(rapidfuzz).

CLI::

    python -m bench.generate --claims 100000 --seed 1 --out /tmp/x.jsonl --truth /tmp/x.truth.json
"""

from .cli import main
from .diversity import diversity_report
from .plan import PAIR_KINDS, truth_pairs
from .stream import Synthetic, generate, iter_lines, write_jsonl
from .vocab import (
    AGREE,
    DISAGREE,
    ESCALATE,
    LEAVE,
    NUM_WORDS,
    PRESENCE_AGAINST,
    PRESENCE_FOR,
    RESTRAIN,
    SPELLING_GROUPS,
    STAY,
    TRUCE_OFF,
    TRUCE_ON,
)

__all__ = [
    "Synthetic",
    "generate",
    "iter_lines",
    "truth_pairs",
    "write_jsonl",
    "diversity_report",
    "main",
    "PAIR_KINDS",
    # vocabulary the tests check the output against (the rest is in .vocab)
    "NUM_WORDS",
    "SPELLING_GROUPS",
    "RESTRAIN",
    "ESCALATE",
    "STAY",
    "LEAVE",
    "AGREE",
    "DISAGREE",
    "TRUCE_ON",
    "TRUCE_OFF",
    "PRESENCE_FOR",
    "PRESENCE_AGAINST",
]
