"""Where a parity step's time goes: each part of a lockstep (or free) run timed inside the run, against the twins alone.

    python3 scripts/step_breakdown.py                                   # XOR
    python3 scripts/step_breakdown.py --data random:1024,64 --hidden 256 --steps 200
    python3 scripts/step_breakdown.py --data random:1024,64 --hidden 256 --check-every 10
    python3 scripts/step_breakdown.py --data random:8192,784,10 --hidden 1024 --steps 4 --dtype float64

Prints, in ms a step, the best of three runs: the whole run; each side's step
(twin and record) and the twin inside it; the comparison, the NaN/Inf check of
an unchecked step, the lockstep load and the rest of the loop. Then each twin
stepped alone, alone after a 16 MiB sweep of memory (its caches flushed, as
the other side's step and the comparison flush them in a run), and the two
in turn in one loop. Each part is timed by a wrapper (about a microsecond a
call), so at XOR the parts read a little high.
"""

from __future__ import annotations

import argparse
import collections
import time
from typing import Callable

from parity.allocator import keep_freed_memory  # first: importing parity sets OPENBLAS_THREAD_TIMEOUT before NumPy loads

keep_freed_memory()  # as the `parity` command does

import numpy as np  # noqa: E402
from parity import RunConfig  # noqa: E402  (after the allocator is tuned)
from parity.benchmark import per_step  # noqa: E402
from parity.engine import loop  # noqa: E402
from parity.engine.compare import RunComparison  # noqa: E402
from parity.engine.setup import prepare  # noqa: E402

spent: collections.Counter = collections.Counter()


def timed(owner: object, name: str, part: str) -> None:
    """Replace owner.name by a wrapper that adds its seconds to spent[part]."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[part] += time.perf_counter() - started

    setattr(owner, name, wrapper)


def instrumented(setup) -> None:
    make_sides = setup.make_sides

    def sides():
        numpy, torch = make_sides()
        timed(numpy, "step", "NumPy side"), timed(torch, "step", "torch side"), timed(torch, "load", "lockstep load")
        timed(numpy.trainer, "step", "NumPy twin, in the run"), timed(torch.trainer, "step", "torch twin, in the run")
        return numpy, torch

    setup.make_sides = sides
    timed(RunComparison, "measure", "comparison"), timed(RunComparison, "add", "summaries and second look")
    timed(loop.Divergence, "find", "NaN/Inf check, unchecked steps")  # a classmethod, called on the class: stays bound


def best_per_step(action: Callable[[], object], steps: int) -> float:
    """ms a step, the benchmark's best of five."""
    return per_step(action, steps, repeats=5) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="xor")
    parser.add_argument("--hidden", type=int, default=4)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--dtype", default="float32", choices=("float32", "float64"))
    parser.add_argument("--mode", default="lockstep", choices=("lockstep", "free"))
    parser.add_argument("--check-every", type=int, default=1)
    args = parser.parse_args()
    config = RunConfig(data=args.data, hidden=args.hidden, steps=args.steps, dtype=args.dtype, mode=args.mode,
                       check_every=args.check_every, lr=0.001, device="cpu")
    setup = prepare(config)
    numpy, torch = setup.make_sides()  # the twins alone, before the wrappers
    instrumented(setup)
    loop.run_steps(setup)
    runs = []
    for _ in range(3):
        spent.clear()
        started = time.perf_counter()
        loop.run_steps(setup)
        runs.append((time.perf_counter() - started, dict(spent)))
    total, parts = min(runs, key=lambda run: run[0])
    per_step = {part: seconds / args.steps * 1e3 for part, seconds in parts.items()}
    outside = {"NumPy side", "torch side", "comparison", "summaries and second look", "NaN/Inf check, unchecked steps", "lockstep load"}
    per_step["the rest of the loop"] = total / args.steps * 1e3 - sum(v for k, v in per_step.items() if k in outside)
    print(f"{args.data}, hidden {args.hidden}, {args.dtype}, {args.mode}, --check-every {args.check_every}, {args.steps} steps")
    print(f"  {'parity run':<38} {total / args.steps * 1e3:9.3f} ms a step")
    for part, ms in sorted(per_step.items(), key=lambda item: -item[1]):
        print(f"  {part:<38} {ms:9.3f}")
    sweep = np.ones(4 * 2**20, np.float32)  # 16 MiB
    numpy_step = lambda: numpy.trainer.step(numpy.X, numpy.y)  # noqa: E731
    torch_step = lambda: torch.trainer.step(torch.X, torch.y)  # noqa: E731
    alone = {"NumPy twin": best_per_step(numpy_step, args.steps), "torch twin": best_per_step(torch_step, args.steps)}
    swept = best_per_step(sweep.sum, args.steps)
    for name, step in (("NumPy twin", numpy_step), ("torch twin", torch_step)):
        flushed = best_per_step(lambda: (sweep.sum(), step()), args.steps) - swept
        print(f"  {name + ' alone':<38} {alone[name]:9.3f}   after a 16 MiB sweep {flushed:.3f}")
    in_turn = best_per_step(lambda: (numpy_step(), torch_step()), args.steps)
    print(f"  {'the two twins in turn':<38} {in_turn:9.3f}   ({in_turn / sum(alone.values()):.2f}x the two alone; "
          f"the run {total / args.steps * 1e3 / sum(alone.values()):.2f}x)")


if __name__ == "__main__":
    main()
