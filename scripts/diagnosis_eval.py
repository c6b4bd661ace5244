"""How well the diagnosis names bugs it was not built on: the set in scripts/bugs.py, in float32 and float64.

    python3 scripts/diagnosis_eval.py            # the table and the figures
    python3 scripts/diagnosis_eval.py --steps 5  # steps each run takes (default 5)
    python3 scripts/diagnosis_eval.py --set held-out        # written after the rules were built; then used to tune them
    python3 scripts/diagnosis_eval.py --set held-out-again  # written after all tuning, measured once, never tuned on

Each bug runs against the torch twin. Its top finding is
  named      a finding that states the planted mechanism,
  stage      not named, with no finding of fit >= 0.8 (the report points at a stage and says so),
  unknown    the report says `unknown`,
  wrong      a finding of fit >= 0.8 whose mechanism is not the planted one (confidently wrong),
  missed     the run passed: the bug went uncaught.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bugs import BUGS, HELD_OUT, HELD_OUT_AGAIN  # noqa: E402

from parity import RunConfig, run  # noqa: E402

CONFIDENT = 0.8


def classify(bug, report) -> tuple[str, str]:
    if report.passed:
        return "missed", "-"
    top = report.diagnosis[0] if report.diagnosis else None
    if top is None or top.name == "unknown":
        return "unknown", "unknown"
    if top.name in bug.named_by:
        return "named", top.name
    if top.score >= CONFIDENT:
        return "wrong", f"{top.name} ({top.score:.2f})"
    return "stage", f"{top.name} ({top.score:.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--set", choices=("first", "held-out", "held-out-again"), default="first", help="which set of bugs")
    args = parser.parse_args()
    steps = args.steps
    counts = {dtype: Counter() for dtype in ("float32", "float64")}
    print(f"{'bug':<46} {'family':<10} {'float32':<34} float64")
    for bug in {"first": BUGS, "held-out": HELD_OUT, "held-out-again": HELD_OUT_AGAIN}[args.set]:
        cells = []
        for dtype in ("float32", "float64"):
            settings = {"steps": steps, "device": "cpu", "dtype": dtype, **bug.config}
            if settings["dtype"] != dtype:  # a bug that only exists in one dtype
                cells.append("n/a")
                continue
            verdict, top = classify(bug, run(RunConfig(**settings), numpy_trainer=bug.trainer))
            counts[dtype][verdict] += 1
            cells.append(f"{verdict}: {top}")
        print(f"{bug.name:<46} {bug.family:<10} {cells[0]:<34} {cells[1]}", flush=True)
    print()
    for dtype, c in counts.items():
        total = sum(c.values())
        share = {k: f"{100 * c[k] / total:.0f}%" for k in ("named", "stage", "unknown", "wrong", "missed")}
        print(f"{dtype}: {total} runs; named {share['named']}, stage {share['stage']}, unknown {share['unknown']}, "
              f"confidently wrong {share['wrong']} ({c['wrong']}), missed {share['missed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
