"""A mutation run of the kit's own code: each small change must make the test suite fail.

    python3 scripts/mutate_kit.py              # every mutation, the whole suite each (-x: stops at the first failure)
    python3 scripts/mutate_kit.py --list       # the mutations, without running them
    python3 scripts/mutate_kit.py compare      # only those whose name holds 'compare'

The repository is copied to a temporary folder once; each mutation is
applied there, the suite runs with that copy first on the path, and the
file is restored. A mutation the suite does not catch "survives": either a
test is missing, or the change does not alter behaviour. Prints one line a
mutation and the score, killed / total.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, file, original text, mutated text)
MUTATIONS = [
    ("compare: > becomes >=", "parity/engine/compare.py", "diff > atol + rtol * abs_b", "diff >= atol + rtol * abs_b"),
    ("compare: worst index from argmin", "parity/engine/compare.py", "flat = int(diff.argmax())", "flat = int(diff.argmin())"),
    ("compare: unravel with the wrong shape", "parity/engine/compare.py", "np.unravel_index(flat, diff.shape)", "np.unravel_index(flat, diff.shape[::-1])"),
    ("compare: relative to numpy, not torch", "parity/engine/compare.py", "rel = np.where(diff == 0, 0.0, diff / abs_b)", "rel = np.where(diff == 0, 0.0, diff / np.abs(a64))"),
    ("compare: the tolerance's rtol ignored", "parity/engine/compare.py", "diff > atol + rtol * abs_b", "diff > atol"),
    ("summary: worst step never moves", "parity/engine/compare.py", "if self.worst_step is None or comparison.max_abs > self.max_abs:", "if self.worst_step is None:"),
    ("record: recovered gradient sign", "parity/engine/record.py", '-(np.asarray(record[p], dtype=np.float64) - before[p].astype(np.float64)) / lr', '(np.asarray(record[p], dtype=np.float64) - before[p].astype(np.float64)) / lr'),
    ("loop: lockstep never reloads", "parity/engine/loop.py", "                torch.load(numpy_before)\n", "                pass\n"),
    ("numpy_net: sigmoid derivative", "numpy_net/activations.py", "return activation * (1 - activation)", "return activation * (1 + activation)"),
    ("numpy_net: tanh derivative", "numpy_net/activations.py", "return 1 - activation**2", "return 1 - activation"),
    ("numpy_net: bias gradient averaged", "numpy_net/network.py", 'grads[f"b{layer}"] = delta.sum(axis=0)', 'grads[f"b{layer}"] = delta.mean(axis=0)'),
    ("numpy_net: mse scale over rows", "numpy_net/losses.py", '"mse": lambda size: 1.0 / size', '"mse": lambda size: 2.0 / size'),
    ("numpy_net: momentum first step dampened", "numpy_net/optimizers.py", "self.buffers[name] = g.copy()", "self.buffers[name] = (1 - self.dampening) * g"),
    ("numpy_net: Adam without the second bias correction", "numpy_net/optimizers.py", "bias_correction2_sqrt = (1 - beta2**self.t) ** 0.5", "bias_correction2_sqrt = 1.0"),
    ("batches: the same order every epoch", "parity/engine/batches.py", "np.random.default_rng([self.seed, epoch])", "np.random.default_rng([self.seed, 0])"),
    ("diagnosis: ratio tolerance x10", "parity/tolerance/diagnosis.py", 'RATIO_TOLERANCE = {"float32": 1e-2', 'RATIO_TOLERANCE = {"float32": 1e-1'),
    ("diagnosis: match tolerance x10", "parity/tolerance/diagnosis.py", 'MATCH_TOLERANCE = {"float32": 1e-4', 'MATCH_TOLERANCE = {"float32": 1e-3'),
    ("oracle: same-mathematics threshold x10", "parity/tolerance/diagnosis.py", "SAME_MATHEMATICS = 1e-9", "SAME_MATHEMATICS = 1e-8"),
    ("oracle: float32 rounding factor x10", "parity/tolerance/diagnosis.py", "ROUNDING_FACTOR, ROUNDING_ULPS = 4, 8", "ROUNDING_FACTOR, ROUNDING_ULPS = 40, 8"),
    ("rules: float64 rounding-noise threshold x10", "parity/diagnosis/rules/numerics.py", "FLOAT64_NOISE = 1e-12", "FLOAT64_NOISE = 1e-11"),
    ("rules: a hypothesis that predicts the correct value counts", "parity/diagnosis/evidence.py", "relative_gap(predicted, reference) > 10 * self.match_tolerance", "True"),
    ("family: no verification run", "parity/diagnosis/diagnose.py", "return run_steps(setup.remake(config, side, candidate.member.transposed)).passed", "return True"),
    ("family: a member need not stand out", "parity/diagnosis/family.py", "BETTER_BY = 20", "BETTER_BY = 0"),
    ("discovery: no transposed weights", "parity/programs/discovery.py", "        if columns == size and rows != columns:\n", "        if False:\n"),
    ("programs: writes never in place", "parity/programs/locations.py", "current.flags.writeable:", "current.flags.writeable and False:"),
]


def run_suite(copy: Path) -> tuple[bool, float]:
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(copy)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"], cwd=copy, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode != 0, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("only", nargs="?", default="", help="run only the mutations whose name holds this")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if args.only in m[0]]
    if args.list:
        for name, path, _, _ in chosen:
            print(f"{name:<60} {path}")
        return 0
    with tempfile.TemporaryDirectory(prefix="parity-mutants-") as folder:
        copy = Path(folder) / "repo"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis"))
        killed = 0
        for name, path, original, mutated in chosen:
            target = copy / path
            source = target.read_text()
            if original not in source:
                print(f"{'STALE':<9} {name}: the original text is no longer in {path}")
                continue
            target.write_text(source.replace(original, mutated, 1))
            try:
                caught, seconds = run_suite(copy)
            finally:
                target.write_text(source)
            killed += caught
            print(f"{'killed' if caught else 'SURVIVED':<9} {name} ({seconds:.0f} s)", flush=True)
        print(f"\nmutation score: {killed} of {len(chosen)} killed")
        return 0 if killed == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
