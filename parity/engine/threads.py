"""The thread pools of a run: NumPy's BLAS and torch's held to a share of the cores for the run and restored after,
and the two sides of a step stepped at once where that pays.

A run alternates NumPy's BLAS and torch's threads on the same cores. OpenBLAS's idle threads spin after each call
(about 0.1 s, unless OPENBLAS_THREAD_TIMEOUT was set before NumPy loaded), and torch's threads then wait for the
cores: a lockstep step of 1024x64, hidden 256 took 17 ms where NumPy and torch were imported before the kit, 3 to 5
ms where the kit came first. threadpoolctl changes the pools after NumPy has loaded, so the import order no longer
matters: NumPy's BLAS gets half the cores, torch the other half, and a BLAS limited to one thread has no idle worker
to spin. The same limits hold whether or not the sides step at once, so that the numbers a run produces do not
depend on it (torch's reductions can round differently with another thread count).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait

import numpy as np
import torch
from threadpoolctl import ThreadpoolController

from parity.engine.record import Record
from parity.engine.setup import Setup
from parity.engine.sides import Side

# Rows of a step times the parameters: above this the two sides step at once. Below it a side's step is mostly
# Python holding the GIL, and two threads only take turns on it: at XOR (4 x 21) the run took 0.39 against 0.34 ms
# a step; at 1024x64, hidden 256 (1024 x 16,897) 3.6 against 4.9 ms (scripts/step_breakdown.py, docs/measurements.md).
CONCURRENT_WORK = 200_000

# None: by CONCURRENT_WORK; True or False forces it (tests, and the bench's comparison of the two).
concurrency: bool | None = None


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def shares(available: int) -> tuple[int, int]:
    """The threads NumPy's BLAS and torch get during a run: half the cores each, NumPy the smaller half."""
    blas = max(1, available // 2)
    return blas, max(1, available - blas)


@functools.cache
def _controller() -> ThreadpoolController:
    """The thread pools loaded in this process, found once: finding them walks every loaded library (about a ms)."""
    return ThreadpoolController()


@contextlib.contextmanager
def run_threads() -> Iterator[None]:
    """Hold NumPy's BLAS and torch's intra-op pool to their shares (never above what they were) for the run; restore
    both after, whatever ends it."""
    blas_share, torch_share = shares(cores())
    controller = _controller().select(user_api="blas")
    blas_now = min((pool.num_threads for pool in controller.lib_controllers), default=blas_share)
    torch_before = torch.get_num_threads()
    with controller.limit(limits=min(blas_now, blas_share)):
        torch.set_num_threads(min(torch_before, torch_share))
        try:
            yield
        finally:
            torch.set_num_threads(torch_before)


def at_once(setup: Setup, numpy: Side, torch_side: Side) -> bool:
    """Whether the two sides of this run step at once: the kit's own sides (a user's two programs may share state
    between them, and the kit's NumPy, guarded from the user's rebinding by parity.pristine, is one namespace for
    every thread), both in this process (a side that holds processes has close()), the torch side on the CPU (a
    GPU's stream and device are per thread), and enough work a step to pay for it."""
    if concurrency is not None:
        return concurrency
    if setup.user_sides or setup.written is not None:
        return False
    if hasattr(numpy, "close") or hasattr(torch_side, "close") or not str(setup.environment.get("device", "cpu")).startswith("cpu"):
        return False
    rows = np.shape(setup.data.X[setup.rows(1)])[0]
    return rows * sum(int(np.size(value)) for value in setup.init.values()) >= CONCURRENT_WORK


class Stepper:
    """Steps the two sides of a step: one after the other, or the torch side in a second thread while the NumPy side
    runs in this one (NumPy's and torch's kernels release the GIL). The thread is made inside run_threads() and sets
    the run's share of torch's threads itself: MKL keeps a count per thread, and a worker left at its default sums a
    matrix product in other pieces than the main thread would (the report would differ in the last bits)."""

    def __init__(self, concurrent: bool) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="parity-torch-side", initializer=torch.set_num_threads,
                                       initargs=(torch.get_num_threads(),)) if concurrent else None

    def step(self, numpy: Side, torch_side: Side, rows) -> tuple[Record, Record]:
        if self.pool is None:
            return numpy.step(rows), torch_side.step(rows)
        pending: Future = self.pool.submit(torch_side.step, rows)
        try:
            numpy_record = numpy.step(rows)
        except BaseException:
            wait([pending])  # the torch side's step ends before the error leaves: nothing runs on behind the caller
            raise
        return numpy_record, pending.result()

    def __enter__(self) -> Stepper:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)
