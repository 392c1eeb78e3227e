"""The command line: ``python -m bench.generate --claims N --seed S --out FILE``.

Parses the options, writes the file and the answer key, and reports on stderr.
"""

import argparse
import json
import sys
import time

from .diversity import diversity_report
from .plan import PAIR_KINDS
from .stream import write_jsonl


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Seeded synthetic claims (JSON Lines) for tracker benchmarks, with an answer key.",
    )
    ap.add_argument("--claims", type=int, required=True, help="number of claim lines")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=True, help="JSON Lines output file")
    ap.add_argument("--truth", help="write the answer key (injected pairs) here as JSON")
    ap.add_argument("--outlets", type=int, default=300, help="number of outlet lines")
    ap.add_argument("--dup-rate", type=float, default=0.05)
    ap.add_argument("--number-rate", type=float, default=0.01)
    ap.add_argument("--polarity-rate", type=float, default=0.005)
    ap.add_argument("--opposing-rate", type=float, default=0.005)
    ap.add_argument(
        "--report", action="store_true", help="print a diversity report on a 2,000-claim sample afterwards"
    )
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    truth = write_jsonl(
        a.out,
        a.claims,
        a.seed,
        dup_rate=a.dup_rate,
        number_rate=a.number_rate,
        polarity_rate=a.polarity_rate,
        opposing_rate=a.opposing_rate,
        n_outlets=a.outlets,
    )
    dt = time.perf_counter() - t0
    if a.truth:
        with open(a.truth, "w", encoding="utf-8") as fh:
            json.dump(truth, fh)
    print(
        f"wrote {a.claims} claims + {a.outlets} outlets to {a.out} in {dt:.1f} s "
        f"({', '.join(f'{len(truth[k])} {k}' for k in PAIR_KINDS)})",
        file=sys.stderr,
    )
    if a.report:
        sample = []
        with open(a.out, encoding="utf-8") as fh:
            for ln in fh:
                sample.append(json.loads(ln))
                if len(sample) >= a.outlets + 4000:
                    break
        print(json.dumps(diversity_report(sample), indent=1, ensure_ascii=False))
    return 0
