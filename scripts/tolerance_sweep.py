"""Correct float32 runs of the kit against itself across the family: the tolerance rule must pass every one.

    python3 scripts/tolerance_sweep.py              # about 150 configurations, 150 steps each
    python3 scripts/tolerance_sweep.py --quick      # 30 of them, 20 steps each
    python3 scripts/tolerance_sweep.py --json sweep.json

Each configuration draws (seeded) a hidden activation (sigmoid, tanh, relu),
a depth (1 or 2 hidden layers), an optimizer (all five), a loss (all eight,
with the output unit it takes), full batches or mini-batches, and 3,000 to
50,000 rows, and runs the kit's NumPy network against its torch twin in
float32 at the default tolerances. It prints one line per run: the verdict,
the tensors that needed the float64 reference and on how many steps, the
largest float64 difference of the two programs, and `precision`: how many
times further from float64 each side's float32 values were than the other's
(the largest over tensors and steps, on the forward pass, where
parity.tolerance.table's NUMPY_PRECISION and TORCH_PRECISION judge it, and
over every tensor, where they do not).
The last line counts false FAILs; it must be 0.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time

import numpy_net
from numpy_net.spec import LOSS_OUTPUTS
from parity import RunConfig
from parity.engine.loop import run_steps
from parity.engine.setup import prepare
from parity.tolerance import is_forward

ROWS = (3000, 5000, 10000, 20000, 50000)
LEARNING_RATES = {"sum": 0.5, "mean": 0.5, "adam": 0.01}


def configurations(count: int, steps: int, seed: int = 0) -> list[RunConfig]:
    draw = random.Random(seed)
    found = []
    while len(found) < count:
        loss = numpy_net.LOSSES[len(found) % len(numpy_net.LOSSES)]
        optimizer = numpy_net.OPTIMIZERS[(len(found) // len(numpy_net.LOSSES)) % len(numpy_net.OPTIMIZERS)]
        output = LOSS_OUTPUTS.get(loss, ("sigmoid", "linear"))[0] if loss in LOSS_OUTPUTS else draw.choice(("sigmoid", "linear"))
        rows = draw.choice(ROWS)
        batch = draw.choice((None, 256, 1000))
        summed = loss in ("sse", "half-sse", "bce-sum", "ce-sum")
        lr = LEARNING_RATES["adam"] if optimizer == "adam" else 0.5 / (batch or rows) if summed else 0.5
        classes = 3 if output == "softmax" else 1
        found.append(RunConfig(
            data=f"random:{rows},{draw.choice((2, 8, 16))},{classes}", hidden=draw.choice(((8,), (16,), (16, 8), (32, 16))),
            hidden_activation=draw.choice(numpy_net.HIDDEN_ACTIVATIONS), output_activation=output, loss=loss,
            optimizer=optimizer, lr=lr, batch_size=batch, shuffle=batch is not None and draw.random() < 0.5,
            steps=steps, seed=draw.randrange(1000)))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 configurations, 20 steps each")
    parser.add_argument("--json", help="write every run's figures here")
    args = parser.parse_args()
    runs = configurations(30, 20) if args.quick else configurations(150, 150)
    false_fails, rows = 0, []
    for number, config in enumerate(runs, 1):
        started = time.perf_counter()
        result = run_steps(prepare(config))
        seconds = time.perf_counter() - started
        referenced = {name: s.reference_steps for name, s in result.tensors.items() if s.reference_steps}
        gap = max((s.float64_gap for s in result.tensors.values()), default=0.0)
        # as the rule judges them: NumPy's precision on the forward pass, torch's on the activations and output
        forward = [s.precision for n, s in result.tensors.items() if s.precision is not None and is_forward(n)]
        activations = [s.precision for n, s in result.tensors.items() if s.precision is not None and is_forward(n) and n != "loss"]
        ratios = [s.precision for s in result.tensors.values() if s.precision is not None]
        precision, torch_worse = max(ratios, default=1.0), 1 / min(ratios, default=1.0)
        forward_numpy, forward_torch = max(forward, default=1.0), 1 / min(activations, default=1.0)
        diverged = result.verdict == "diverged"
        false_fails += result.verdict == "fail"
        verdict = ("PASS" if result.passed else "DIVERGED on both sides alike (not judged)" if diverged
                   else f"FALSE FAIL {result.first_failure.describe() if result.first_failure else result.divergence}")
        print(f"{number:3} {config.data:>20} {config.describe_network():>28} {config.loss:>8} {config.optimizer:>12} "
              f"batch {config.batch_size or 'full':>5}  {verdict}  references {result.references}/{config.steps} "
              f"f64 gap {gap:.2g} precision numpy {precision:.3g} torch {torch_worse:.3g}, forward numpy {forward_numpy:.3g} "
              f"torch {forward_torch:.3g} ({seconds:.1f} s)  {referenced}", flush=True)
        rows.append({"config": config.to_dict(), "passed": result.passed, "references": result.references,
                     "float64_gap": gap, "numpy_precision": precision, "torch_precision": torch_worse,
                     "forward_numpy_precision": forward_numpy, "forward_torch_precision": forward_torch, "referenced": referenced, "seconds": seconds})
    judged = [r for r in rows if r["references"]]
    print(f"{false_fails} false FAIL in {len(runs)} correct float32 runs; {len(judged)} took the float64 reference; "
          f"largest precision ratios, forward pass: NumPy {max((r['forward_numpy_precision'] for r in rows), default=1):.3g}, "
          f"torch {max((r['forward_torch_precision'] for r in rows), default=1):.3g}; every tensor: NumPy "
          f"{max((r['numpy_precision'] for r in rows), default=1):.3g}, torch {max((r['torch_precision'] for r in rows), default=1):.3g}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=1)
    return 1 if false_fails else 0


if __name__ == "__main__":
    sys.exit(main())
