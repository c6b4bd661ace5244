"""Comparing a step of the two sides by the run's rule, and summarising each tensor over a run.

What one comparison measures is in measure.py; here are the run's rule (its
tolerances and allowances, the direction of updates) and the summaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np

from parity.engine.device_record import on_device
from parity.engine.largest import largest, largest_column_sum
from parity.engine.magnitudes import REDUCTION_ERRORS, SummedTerms, random_rounding
from parity.engine.measure import Comparison, Pair, compare, compare_many
from parity.engine.second_look import RoundingBounds
from parity.engine.state_allowance import StateBounds

__all__ = ["Comparison", "compare", "RunComparison", "TensorSummary", "Mismatch", "minimum_tolerance"]


def minimum_tolerance(tensors: dict[str, TensorSummary]) -> tuple[float, float]:
    """The least --atol (with the run's rtol) and the least --rtol (with its atol) that pass every compared step
    of every tensor, given explicitly; inf where no tolerance would (a shape, a dtype, an update the wrong way)."""
    return max((s.min_atol for s in tensors.values()), default=0.0), max((s.min_rtol for s in tensors.values()), default=0.0)


@dataclass
class TensorSummary:
    """One tensor over a whole run, updated step by step in O(1) memory."""

    max_abs: float = 0.0
    max_rel: float = 0.0
    worst_step: int | None = None
    worst_index: tuple[int, ...] = ()
    failed_steps: int = 0
    first_failed_step: int | None = None
    problem: str | None = None
    compared_steps: int = 0
    used: float = 0.0  # the largest share of the tolerance taken, over the run
    min_atol: float = 0.0  # the least --atol (at the run's rtol) that passes every step
    min_rtol: float = 0.0  # the least --rtol (at the run's atol) that passes every step
    histogram: dict[str, int] | None = None  # the errors at the worst step, by decade
    unsettled_steps: int = 0  # passed only within what a sum in any order may carry (second_look.py)

    @property
    def passed(self) -> bool:
        return self.failed_steps == 0

    def add(self, step: int, comparison: Comparison) -> None:
        self.compared_steps += 1
        if self.worst_step is None or comparison.max_abs > self.max_abs:
            self.max_abs, self.worst_step, self.worst_index = comparison.max_abs, step, comparison.index
            self.histogram = comparison.histogram
        self.max_rel = max(self.max_rel, comparison.max_rel)
        self.used = max(self.used, comparison.used)
        self.min_atol, self.min_rtol = max(self.min_atol, comparison.min_atol), max(self.min_rtol, comparison.min_rtol)
        self.unsettled_steps += comparison.passed and comparison.unsettled
        if not comparison.passed:
            self.failed_steps += 1
            if self.first_failed_step is None:
                self.first_failed_step, self.problem = step, comparison.problem


@dataclass(frozen=True)
class Mismatch:
    """The first (step, tensor) whose numbers part."""

    step: int
    tensor: str
    comparison: Comparison = field(repr=False)

    def to_dict(self) -> dict:
        c = self.comparison
        return {
            "step": self.step,
            "tensor": self.tensor,
            "index": list(c.index),
            "numpy": c.numpy_value,
            "torch": c.torch_value,
            "abs_diff": c.max_abs,
            "rel_diff": c.max_rel,
            "mismatched": c.mismatched,
            "size": c.size,
            "problem": c.problem,
        }

    def describe(self) -> str:
        c = self.comparison
        where = f"{self.tensor}[{', '.join(map(str, c.index))}]" if c.index else self.tensor
        if c.problem and c.problem.startswith("shape"):
            return f"step {self.step}, {self.tensor}: {c.problem}"
        text = (
            f"step {self.step}, {where}: numpy {c.numpy_value:.9g} vs torch {c.torch_value:.9g} "
            f"(abs diff {c.max_abs:.3g}, rel diff {c.max_rel:.3g}; {c.mismatched} of {c.size} elements off)"
        )
        return f"{text}; {c.problem}" if c.problem else text


def reduction_allowance(names: tuple[str, ...], rows: int, dtype: str) -> dict[str, float]:
    """For each tensor summed over the batch (gradients, the loss, optimizer state, the parameters they update),
    REDUCTION_ERRORS · eps · √rows; 0 for the forward activations, which are not."""
    allowance = random_rounding(rows, dtype)
    return {name: 0.0 if name.startswith(("hidden", "output")) else allowance for name in names}


UPDATE_ULPS = 4  # an update this many ulps of its weight or more is a real move, not rounding


def _direction(comparison: Comparison, numpy_record: dict, torch_record: dict, name: str, dtype: str) -> Comparison:
    """However small the learning rate: a tensor torch clearly moved must move on the NumPy side, and the same way.
    Within the tolerance, a NumPy side that never moves (or ascends) would pass whenever lr · grad < atol."""
    a, b = np.asarray(numpy_record[name], dtype=np.float64), np.asarray(torch_record[name], dtype=np.float64)
    weight = float(np.abs(torch_record[name[: -len(".update")]]).max(initial=0.0))
    moved = float(np.abs(b).max(initial=0.0))
    if moved <= UPDATE_ULPS * float(np.finfo(dtype).eps) * weight:
        return comparison  # torch's own step is at the level of rounding: no direction to check
    if not np.any(a):
        problem = f"the NumPy side does not move it; torch moves it by up to {moved:.3g}"
    elif np.vdot(a, b) < -0.5 * np.linalg.norm(a) * np.linalg.norm(b):
        problem = "the NumPy side moves it against torch's update (up the gradient)"
    else:
        return comparison
    return replace(comparison, mismatched=comparison.size, problem=problem, used=float("inf"), min_atol=float("inf"), min_rtol=float("inf"))

# The largest slope of each activation: a rounding error in z moves f(z) by at most this much.
SLOPES = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0, "linear": 1.0, "softmax": 0.25}


def forward_allowances(record: dict, input_scale: float, activations: tuple[str, str], layers: int, dtype: str) -> dict[str, float]:
    """The float rounding each forward tensor may carry, by name: f(a @ W + b) rounds z to about eps · Σ|a||W| + |b|,
    which for large inputs or weights is far more than eps · |f(z)|; and z carries the rounding of the layer before
    through |W|, which large weights multiply. Bounds from O(parameters) numbers, per step; of a record's tensors on
    their device, 0-d tensors there."""
    eps = float(np.finfo(dtype).eps)
    found, carried, scale = {}, 0.0, input_scale  # the data, shared by both sides, carries no rounding
    for layer in range(1, layers + 1):
        name = "output" if layer == layers else ("hidden" if layers == 2 else f"hidden{layer}")
        W, b = record[f"W{layer}"], record.get(f"b{layer}")
        column = largest_column_sum(W)
        dz = REDUCTION_ERRORS * eps * (scale * column + (largest(b) if b is not None else 0.0)) + carried * column
        found[name] = dz * SLOPES[activations[1] if layer == layers else activations[0]]
        if layer < layers:
            if name not in record:
                break  # a check records no hidden layers: nothing to scale the next layer's allowance by
            scale = largest(record[name])
            carried = found[name] + eps * scale
    return found


class RunComparison:
    """Compares records step by step and keeps only summaries and the first mismatch."""

    def __init__(self, names: tuple[str, ...], rtol: float, atol: float, dtype: str, reduction: dict[str, float] | None = None,
                 forward: tuple[float, tuple[str, str], int] | None = None, state: StateBounds | None = None,
                 rounding: RoundingBounds | None = None) -> None:
        self.names, self.rtol, self.atol, self.dtype = names, rtol, atol, dtype
        self.reduction = reduction or {}
        self.state = state  # what the optimizer's state may have summed so far, stepped by observe()
        # the second look's bounds for a summed tensor failing the cheap rule: random roundings, then any order
        self.tiers = (rounding, rounding.in_any_order()) if rounding is not None else ()
        self.forward = forward  # (max |X|, (hidden, output) activation, layers): the forward tensors' allowance
        self.tensors = {name: TensorSummary() for name in names}
        self.first_failure: Mismatch | None = None
        self.steps = 0
        self.last: dict[str, Comparison] = {}  # the latest step's comparisons

    def observe(self, torch_record: dict) -> None:
        """Every step, compared or not: the optimizer state's bound sums every step's gradients."""
        if self.state is not None:
            self.state.step(on_device(torch_record))

    def measure(self, numpy_record: dict, torch_record: dict) -> dict[str, Comparison]:
        """A step's comparisons, for add(), with the error histograms of each tensor's new worst step."""
        return self.compare_step(numpy_record, torch_record, histograms=True)

    def add(self, step: int, numpy_record: dict, torch_record: dict, magnitudes: Callable[[bool], SummedTerms] | None = None,
            measured: dict[str, Comparison] | None = None) -> Mismatch | None:
        """Compare one step (or take measure()'s comparisons of it); returns the run's first mismatch if it happened
        at this step. magnitudes(with_loss): Σ|terms| of this step's sums (magnitudes.summed_terms), asked for only
        where a summed tensor fails the cheap rule."""
        self.steps = step
        new_failure = None
        self.last = measured if measured is not None else self.measure(numpy_record, torch_record)
        if magnitudes is not None and self.tiers:
            self._second_look(numpy_record, torch_record, magnitudes)
        for name, comparison in self.last.items():
            self.tensors[name].add(step, comparison)
            if not comparison.passed and self.first_failure is None:
                self.first_failure = new_failure = Mismatch(step, name, comparison)
        return new_failure

    def _second_look(self, numpy_record: dict, torch_record: dict, magnitudes: Callable[[bool], SummedTerms]) -> None:
        """A summed tensor failing the cheap rule, R · max|tensor|, is judged again element by element against the
        rounding its sums may carry (second_look.py), on top of the cheap rule's allowance: first what random
        roundings reach, then what a sum in any order may; passing only the second leaves it unsettled."""
        failing = [name for name, c in self.last.items() if not c.passed and c.problem is None and self.reduction.get(name)]
        if not failing:
            return
        terms = magnitudes("loss" in failing)
        for name in failing:
            torch_value = np.asarray(torch_record[name], np.float64)
            b, difference = np.abs(torch_value), np.abs(np.asarray(numpy_record[name], np.float64) - torch_value)
            allowed = self.atol + self.reduction[name] * float(b.max(initial=0.0)) + self.rtol * b  # the cheap rule's
            for tier in self.tiers:
                bound = tier.bound(name, terms, numpy_record, torch_record)
                if bound is None:
                    break
                used = float((difference / (allowed + bound)).max(initial=0.0))
                if used <= 1:
                    self.last[name] = replace(self.last[name], mismatched=0, used=used, unsettled=tier.any_order)
                    break

    def compare_step(self, numpy_record: dict, torch_record: dict, names: tuple[str, ...] | None = None,
                     histograms: bool = False) -> dict[str, Comparison]:
        """Every tensor of one step, compared by the run's rule (tolerances, allowances, direction of updates);
        histograms: with the errors by decade of each tensor whose worst step this is so far."""
        names = names or self.names
        pairs = []
        torch_values = on_device(torch_record)  # a device record's tensors are compared where they are
        forward = forward_allowances(torch_values, *self.forward, self.dtype) if self.forward and "W1" in torch_values else {}
        for name in names:
            extra = 0.0
            if name.startswith(("hidden", "output")):
                extra = forward.get(name, 0.0)
            elif self.state is not None:
                extra = self.state.extra_atol(name, self.reduction.get(name, 0.0), torch_values)
            summary = self.tensors.get(name)
            above = (summary.max_abs if summary.worst_step is not None else -1.0) if histograms and summary else None
            pairs.append(Pair(numpy_record[name], torch_values[name], self.reduction.get(name, 0.0), extra, above))
        found = dict(zip(names, compare_many(pairs, self.rtol, self.atol, self.dtype)))
        for name, comparison in found.items():
            if name.endswith(".update") and comparison.passed:
                found[name] = _direction(comparison, numpy_record, torch_record, name, self.dtype)
        return found
