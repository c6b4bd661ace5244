"""How closely correct float64 sides agree: the measurement behind the float64 default tolerances.

    python3 scripts/float64_agreement.py

Runs every member of the network family with every optimizer, larger data,
mini-batches and free mode, all correct, in float64, with zero tolerance,
and prints the worst absolute difference and the smallest rtol (at a given
atol) that would pass every run. The defaults in parity/config/config.py
keep a margin above that; data rounded to float32 on one side (a relative
error near 6e-8) must stay far outside them.
"""

from __future__ import annotations

import itertools

import numpy as np

import numpy_net
from parity import RunConfig
from parity.engine.setup import prepare


class Worst:
    """The worst element over every run: its absolute difference, and the rtol each atol would need."""

    ATOLS = (0.0, 1e-15, 1e-14, 1e-13, 1e-12)

    def __init__(self) -> None:
        self.abs, self.rtol = 0.0, {atol: 0.0 for atol in self.ATOLS}

    def add(self, a: np.ndarray, b: np.ndarray) -> None:
        diff = np.abs(a - b)
        self.abs = max(self.abs, float(diff.max(initial=0)))
        for atol in self.ATOLS:
            need = (diff - atol) / np.maximum(np.abs(b), 1e-300)
            self.rtol[atol] = max(self.rtol[atol], float(need.max(initial=0)))


def configs():
    for hidden, output, loss in itertools.product(numpy_net.HIDDEN_ACTIVATIONS, numpy_net.OUTPUT_ACTIVATIONS, numpy_net.LOSSES):
        if numpy_net.family_problem(hidden, output, loss, 3) is None:
            for optimizer in numpy_net.OPTIMIZERS:
                yield dict(data="random:24,4,3", hidden=(6, 5), hidden_activation=hidden, output_activation=output, loss=loss,
                           optimizer=optimizer, lr=0.01, steps=30)
    for optimizer in numpy_net.OPTIMIZERS:
        yield dict(data="random:2000,20", hidden=64, optimizer=optimizer, loss="sse", lr=0.001, steps=20)
        yield dict(data="random:512,16,4", hidden=32, optimizer=optimizer, loss="mse", batch_size=64, shuffle=True, lr=0.1, steps=40)
        yield dict(data="random:64,8", hidden=16, optimizer=optimizer, mode="free", lr=0.1, steps=200)


def main() -> None:
    worst, runs, diverged = Worst(), 0, 0
    for settings in configs():
        setup = prepare(RunConfig(dtype="float64", device="cpu", rtol=0, atol=0, **settings))
        numpy, torch = setup.make_sides()
        run = Worst()
        for step in range(1, setup.config.steps + 1):
            rows = setup.rows(step)
            a, b = numpy.step(rows), torch.step(rows)
            if max(float(np.abs(v).max(initial=0)) for v in b.values()) > 1e6:
                break  # a run blowing up says nothing about rounding
            for name in setup.names:
                run.add(np.asarray(a[name], dtype=np.float64), np.asarray(b[name], dtype=np.float64))
            if setup.config.mode == "lockstep":
                torch.load(numpy.params())
        else:
            worst.abs = max(worst.abs, run.abs)
            worst.rtol = {atol: max(worst.rtol[atol], run.rtol[atol]) for atol in worst.rtol}
            runs += 1
            continue
        diverged += 1
    print(f"{runs} correct float64 runs ({diverged} left out: they diverged): worst absolute difference {worst.abs:.3g}")
    for atol, rtol in worst.rtol.items():
        print(f"  with atol {atol:g}, every run passes from rtol {rtol:.3g}")


if __name__ == "__main__":
    main()
