"""Run the held-out diagnosis sets (scripts/diagnosis_sets/) through the `parity` command line.

Every case in scripts/diagnosis_sets/cases.py is one `parity check` run (a subprocess, its
report written with --json to a temporary file, 60 s at most). The defaults added where a
case does not give them: --steps 20, --dtype float32, --device cpu; always --quiet.

Each run is classified:

    named            a bug whose top finding's name or reading contains one of the case's keywords
                     (case-insensitive); the reading is the explanation less where the programs part
                     (the values they agree up to, the ops each side goes on with, the values named
                     in brackets), which locates a bug without naming it
    unknown          a bug whose top finding is `unknown`
    rounding         a bug whose top finding's name contains "rounding" or "summation"
    wrong-confident  a bug whose top finding has fit >= 0.8 and does not name it
    stage            a bug with any other outcome of a failing run (a finding below 0.8, none)
    missed           a bug whose run passed
    passed           a correct program whose run passed
    accused          a correct program whose run failed
    internal         exit status not 0 or 1, "internal error" on stderr, or the 60 s timeout

    python3 scripts/diagnosis_held_out.py                      # every case
    python3 scripts/diagnosis_held_out.py --json results.json  # and write the results
    python3 scripts/diagnosis_held_out.py --only P0 --only N1  # cases whose id starts so
    python3 scripts/diagnosis_held_out.py --cases fresh_cases  # scripts/diagnosis_sets/fresh_cases.py
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = Path(__file__).resolve().parent / "diagnosis_sets"
TIMEOUT_S = 60
DEFAULTS = (("--steps", "20"), ("--dtype", "float32"), ("--device", "cpu"))
SIDES = ("port", "numpy", "correct")
BUG_CLASSES = ("named", "stage", "unknown", "wrong-confident", "rounding", "missed", "internal")
CORRECT_CLASSES = ("passed", "accused", "internal")


def load_cases(module: str = "cases") -> list[dict]:
    """CASES from the module of that name in scripts/diagnosis_sets/ (cases.py by default)."""
    sys.path.insert(0, str(SETS))
    try:
        cases = importlib.import_module(module)
    finally:
        sys.path.pop(0)
    return list(cases.CASES)


def parity_command() -> list[str]:
    """The command line of the checkout the script is in (run from its root), not a `parity` installed elsewhere."""
    return [sys.executable, "-m", "parity"]


def command_for(case: dict, json_path: str) -> list[str]:
    args = list(case["args"])
    for flag, value in DEFAULTS:
        if flag not in args:
            args += [flag, value]
    return [*parity_command(), "check", *args, "--quiet", "--json", json_path]


LOCATION = (re.compile(r"At the shared start of step \d+ the two programs agree up to .*?; they part after it, before the \w+\."),
            re.compile(r"At step \d+ the two programs' backward passes agree up to .*? on the way to \S+ update\."),
            re.compile(r"\[[^\]]*\]"))


def reading(top: dict) -> str:
    """A finding's explanation less where the programs part: what it says of how they part."""
    text, evidence = str(top.get("explanation", "")), top.get("evidence") or {}
    for key in ("numpy_ops", "torch_ops", "numpy_op"):
        shown = evidence.get(key) or []
        for op in [shown] if isinstance(shown, str) else shown:
            text = text.replace(str(op), "")
    for pattern in LOCATION:
        text = pattern.sub("", text)
    return text


def classify(case: dict, rc: int | None, stderr: str, report: dict | None) -> tuple[str, dict | None]:
    """The run's class and its top finding (None where there is none)."""
    diagnosis = (report or {}).get("diagnosis") or []
    top = diagnosis[0] if diagnosis else None
    if rc is None or rc not in (0, 1) or "internal error" in stderr.lower():
        return "internal", top
    if case["side"] == "correct":
        return ("passed" if rc == 0 else "accused"), top
    if rc == 0:
        return "missed", top
    if top is None:
        return "stage", top
    name = str(top.get("name", "")).lower()
    text = name + " " + reading(top).lower()
    fit = float(top.get("score") or 0.0)
    if name == "unknown":
        return "unknown", top
    if "rounding" in name or "summation" in name:
        return "rounding", top
    if any(keyword.lower() in text for keyword in case["expected"]):
        return "named", top
    if fit >= 0.8:
        return "wrong-confident", top
    return "stage", top


def run_case(case: dict) -> dict:
    with tempfile.TemporaryDirectory(prefix="held_out_") as tmp:
        json_path = os.path.join(tmp, "report.json")
        cmd = command_for(case, json_path)
        start = time.monotonic()
        try:
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
            rc, stderr = proc.returncode, proc.stderr
        except subprocess.TimeoutExpired:
            rc = None
            stderr = f"timeout after {TIMEOUT_S} s"
        seconds = time.monotonic() - start
        report = None
        if os.path.exists(json_path):
            try:
                with open(json_path) as f:
                    report = json.load(f)
            except (OSError, ValueError):
                report = None
    klass, top = classify(case, rc, stderr, report)
    first = (report or {}).get("first_failure") or {}
    error_lines = [line for line in stderr.splitlines() if line.strip()]
    return {
        "id": case["id"],
        "side": case["side"],
        "class": klass,
        "exit_status": rc,
        "top_finding": top.get("name") if top else None,
        "fit": top.get("score") if top else None,
        "explanation": top.get("explanation") if top else None,
        "first_failure": {"step": first.get("step"), "tensor": first.get("tensor")} if first else None,
        "verdict": (report or {}).get("verdict"),
        "mechanism": case["mechanism"],
        "expected": list(case["expected"]),
        "stderr_tail": error_lines[-1][:300] if error_lines and klass == "internal" else None,
        "seconds": round(seconds, 1),
        "command": ["parity", *cmd[len(parity_command()):]],
    }


def line_for(result: dict) -> str:
    top = result["top_finding"] or "-"
    fit = f"{result['fit']:.2f}" if isinstance(result["fit"], (int, float)) else "-"
    where = ""
    if result["first_failure"] and result["first_failure"].get("step") is not None:
        where = f"step {result['first_failure']['step']} {result['first_failure']['tensor']}"
    extra = f"  [{result['stderr_tail']}]" if result["stderr_tail"] else ""
    return (f"{result['id']:<38} {result['side']:<8} {result['class']:<16} rc={result['exit_status']!s:<4} "
            f"top={top} (fit {fit})  {where}  {result['seconds']:.1f}s{extra}")


def summarise(results: list[dict]) -> dict[str, dict[str, int]]:
    summary = {}
    for side in SIDES:
        rows = [r for r in results if r["side"] == side]
        if not rows:
            continue
        classes = CORRECT_CLASSES if side == "correct" else BUG_CLASSES
        summary[side] = {k: sum(r["class"] == k for r in rows) for k in classes}
        summary[side]["total"] = len(rows)
    return summary


def summary_line(side: str, counts: dict[str, int]) -> str:
    total = counts["total"]
    parts = [f"{k} {v} ({100 * v / total:.0f}%)" for k, v in counts.items() if k != "total"]
    return f"{side} ({total}): " + ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="PATH", help="write every case's result and the summary here")
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="run only the cases whose id starts with PREFIX (repeatable)")
    parser.add_argument("--jobs", type=int, default=1, help="cases run at once (default 1)")
    parser.add_argument("--cases", default="cases", metavar="MODULE",
                        help="the module in scripts/diagnosis_sets/ whose CASES to run (default cases)")
    args = parser.parse_args(argv)

    cases = load_cases(args.cases)
    if args.only:
        cases = [c for c in cases if any(c["id"].startswith(p) for p in args.only)]
    if not cases:
        print("no cases selected", file=sys.stderr)
        return 2

    start = time.monotonic()
    results: list[dict] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for result in pool.map(run_case, cases):
            print(line_for(result), flush=True)
            results.append(result)

    summary = summarise(results)
    print()
    for side, counts in summary.items():
        print(summary_line(side, counts))
    elapsed = time.monotonic() - start
    print(f"{len(results)} cases in {elapsed:.0f} s")

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": summary, "seconds": round(elapsed, 1), "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
