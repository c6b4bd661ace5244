"""A test file that imports NumPy and torch before the kit runs assert_parity as fast as `parity run` does (issue 27).

    python3 scripts/import_order_check.py                       # 1024x64, hidden 256, 200 steps, best of 3
    python3 scripts/import_order_check.py --data xor --hidden 4 --steps 2000

assert_parity tunes the test process's malloc as the `parity` command tunes its own (parity.allocator); before it
did, glibc's malloc made the test file 1.36x to 1.55x slower (docs/measurements.md has the figures).

Each side is a fresh process, timed by the run's own clock (the report's environment seconds, which leave out
start-up): `parity run ... --json`, and a pytest-style script that imports numpy and torch first and then calls
assert_parity with the same settings. Prints both, in ms a step, and exits 1 when the script is more than 15% slower.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

WITHIN = 1.15  # the bound: the test file at most 15% slower than the command line

TEST_FILE = """\
import numpy, torch  # before the kit, as a test file or a notebook does
import json, sys
from parity import RunConfig
from parity.testing import assert_parity

config = RunConfig(**json.loads(sys.argv[1]))
print(min(assert_parity(config).environment["seconds"] for _ in range(int(sys.argv[2]))) / config.steps)
"""


def command_line(settings: dict, repeats: int) -> float:
    """Seconds a step of `parity run`, the best of repeats, each in a fresh process."""
    best = float("inf")
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        for _ in range(repeats):
            options = [f"--{key.replace('_', '-')}={value}" for key, value in settings.items()]
            subprocess.run([sys.executable, "-m", "parity", "run", *options, "--json", str(report)], check=True,
                           capture_output=True)
            best = min(best, json.loads(report.read_text())["environment"]["seconds"] / settings["steps"])
    return best


def test_file(settings: dict, repeats: int) -> float:
    """Seconds a step of assert_parity in a process that imported NumPy and torch first, the best of repeats."""
    out = subprocess.run([sys.executable, "-c", TEST_FILE, json.dumps(settings), str(repeats)], check=True,
                         capture_output=True, text=True).stdout
    return float(out.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="random:1024,64")
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    settings = {"data": args.data, "hidden": args.hidden, "steps": args.steps, "lr": 0.001, "device": "cpu"}
    cli, script = command_line(settings, args.repeats), test_file(settings, args.repeats)
    ratio = script / cli
    print(f"{args.data}, hidden {args.hidden}, {args.steps} steps, best of {args.repeats}: parity run {cli * 1e3:.3f} ms a step; "
          f"numpy and torch imported first, then assert_parity {script * 1e3:.3f} ms a step: {ratio:.2f}x "
          f"({'within' if ratio <= WITHIN else 'NOT within'} {WITHIN}x)")
    return 0 if ratio <= WITHIN else 1


if __name__ == "__main__":
    sys.exit(main())
