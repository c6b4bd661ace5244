"""Comparing one tensor of the two sides, and summarising it over a run.

The torch twin is the reference: a NumPy value a passes against the torch
value b when |a - b| <= atol + rtol * |b|, element by element, the rule of
torch.testing.assert_close. A shape or dtype that differs fails outright:
a float64 array leaking into a float32 run can agree in value and still be
a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np


@dataclass(frozen=True)
class Comparison:
    """One tensor at one step."""

    max_abs: float
    max_rel: float
    index: tuple[int, ...]  # of the element with the greatest absolute difference
    numpy_value: float
    torch_value: float
    mismatched: int  # elements outside tolerance
    size: int
    problem: str | None = None  # shape or dtype disagreement
    used: float = 0.0  # the largest share of its tolerance an element takes (1 = at the limit)
    # the least --atol (at the run's rtol) and --rtol (at its atol) that pass it, given explicitly (no allowances)
    min_atol: float = 0.0
    min_rtol: float = 0.0
    histogram: dict[str, int] | None = None  # errors by decade, where asked for (see error_histogram)

    @property
    def passed(self) -> bool:
        return self.mismatched == 0 and self.problem is None


def compare(numpy_value: np.ndarray, torch_value: np.ndarray, rtol: float, atol: float, dtype: str,
            reduction: float = 0.0, extra_atol: float = 0.0, histogram_above: float | None = None) -> Comparison:
    """reduction: an allowance, relative to the tensor's largest entry, for a tensor summed over many terms;
    extra_atol: an absolute allowance, for a forward tensor whose inputs and weights are large;
    histogram_above: count the errors by decade when the largest exceeds this (a run's new worst step)."""
    a, b = np.asarray(numpy_value), np.asarray(torch_value)
    if a.shape != b.shape:
        return Comparison(
            max_abs=float("inf"), max_rel=float("inf"), index=(), numpy_value=float("nan"),
            torch_value=float("nan"), mismatched=b.size, size=b.size,
            problem=f"shape {a.shape} on the NumPy side, {b.shape} on the torch side",
            used=float("inf"), min_atol=float("inf"), min_rtol=float("inf"),
        )
    problem = None
    if a.dtype != dtype or b.dtype != dtype:
        problem = f"dtype {a.dtype} on the NumPy side, {b.dtype} on the torch side, in a {dtype} run"
    if not b.size:
        return Comparison(0.0, 0.0, (), float("nan"), float("nan"), 0, 0, problem)
    # In the arrays' own dtype where they share one: the difference of two nearly equal floats is exact in it.
    # Flat views (no copy for contiguous arrays), so that a 0-d loss is an array too.
    shape, a, b = b.shape, a.reshape(-1), b.reshape(-1)
    common = a.dtype if a.dtype == b.dtype and a.dtype.kind == "f" else np.float64
    diff = np.subtract(a, b, dtype=common)
    np.abs(diff, out=diff)
    flat = int(diff.argmax())  # the first NaN, where there is one
    if not np.isfinite(diff.flat[flat]):
        # NaN or Inf on either side is never close, and a NaN must not hide the worst element.
        diff = np.where(np.isfinite(diff), diff, np.inf)
        flat = int(diff.argmax())
    abs_b = np.abs(b, dtype=common)
    allowance = atol + extra_atol + (reduction * float(abs_b.max()) if reduction else 0.0)
    mismatched, used, max_rel, min_atol, min_rtol = _measures(diff, abs_b, rtol, atol, allowance)
    if problem:  # a dtype that differs fails whatever the tolerance
        used = min_atol = min_rtol = float("inf")
    worst = float(diff.flat[flat])
    histogram = error_histogram(diff) if histogram_above is not None and worst > histogram_above else None
    return Comparison(
        max_abs=worst,
        max_rel=max_rel,
        index=tuple(int(i) for i in np.unravel_index(flat, shape)) if shape else (),
        numpy_value=float(a.flat[flat]),
        torch_value=float(b.flat[flat]),
        mismatched=mismatched,
        size=int(b.size),
        problem=problem,
        used=used,
        min_atol=min_atol,
        min_rtol=min_rtol,
        histogram=histogram,
    )


def _measures(diff: np.ndarray, abs_b: np.ndarray, rtol: float, atol: float, allowance: float) -> tuple[int, float, float, float, float]:
    """Elements off, share of the tolerance used, max relative error, and the least atol and rtol that pass,
    from |a - b| and |b|; allowance is atol plus the run's allowances. 0 / 0 is NaN, which fmax passes over."""
    # One scratch array, reused: a few arrays the size of a tensor per step, no more, so that memory the
    # allocator hands back to the system is not faulted in again at every step.
    work = np.multiply(abs_b, rtol)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # x / tiny is Inf: no rtol is enough
        np.subtract(diff, work, out=work)  # diff - rtol |b|
        mismatched = int(np.count_nonzero(work > allowance))
        min_atol = max(float(work.max()), 0.0)
        np.multiply(abs_b, rtol, out=work)
        work += allowance
        used = float(np.fmax.reduce(np.divide(diff, work, out=work)))
        max_rel = float(np.fmax.reduce(np.divide(diff, abs_b, out=work)))
        np.subtract(diff, atol, out=work)
        min_rtol = max(float(np.fmax.reduce(np.divide(work, abs_b, out=work))), 0.0)
    return mismatched, _number(used), _number(max_rel), min_atol, _number(min_rtol)


def _number(value: float) -> float:
    return 0.0 if np.isnan(value) else value


def minimum_tolerance(tensors: dict[str, TensorSummary]) -> tuple[float, float]:
    """The least --atol (with the run's rtol) and the least --rtol (with its atol) that pass every compared step
    of every tensor, given explicitly; inf where no tolerance would (a shape, a dtype, an update the wrong way)."""
    return max((s.min_atol for s in tensors.values()), default=0.0), max((s.min_rtol for s in tensors.values()), default=0.0)


def error_histogram(diff: np.ndarray) -> dict[str, int]:
    """|numpy - torch| counted by decade: {"0": exact, "1e-08": in [1e-8, 1e-7), ...}, only the decades that occur."""
    exact = int(np.count_nonzero(diff == 0))
    decades = np.clip(np.floor(np.log10(diff[diff > 0])), -324, 308).astype(np.int64)  # Inf counts in the top decade
    counts = {"0": exact} if exact else {}
    values, numbers = np.unique(decades, return_counts=True)
    counts.update({f"1e{int(v):+03d}": int(n) for v, n in zip(values, numbers)})
    return counts


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


# How many rounding errors a sum of n terms may carry, in units of eps·√n·(its largest entry): a float sum's
# error grows with what was summed, which an element-wise tolerance does not know.
REDUCTION_ERRORS = 2.0


def reduction_allowance(names: tuple[str, ...], rows: int, dtype: str) -> dict[str, float]:
    """For each tensor summed over the batch (gradients, the loss, optimizer state, the parameters they update),
    REDUCTION_ERRORS · eps · √rows; 0 for the forward activations, which are not."""
    allowance = REDUCTION_ERRORS * float(np.finfo(dtype).eps) * float(np.sqrt(rows))
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


def forward_allowance(name: str, record: dict, input_scale: float, activations: tuple[str, str], layers: int, dtype: str) -> float:
    """The float rounding a forward tensor may carry: f(a @ W + b) rounds z to about eps · Σ|a||W| + |b|, which
    for large inputs or weights is far more than eps · |f(z)|. A bound from O(parameters) numbers, per step."""
    layer = layers if name == "output" else (1 if name == "hidden" else int(name[len("hidden"):]))
    previous = "hidden" if layers == 2 else f"hidden{layer - 1}"
    if layer > 1 and previous not in record:
        return 0.0  # a check records no hidden layers: nothing to scale the output's allowance by
    scale = input_scale if layer == 1 else float(np.abs(record[previous]).max(initial=0.0))
    W, b = np.abs(record[f"W{layer}"]), record.get(f"b{layer}")
    z = scale * float(W.sum(axis=0).max(initial=0.0)) + (float(np.abs(b).max(initial=0.0)) if b is not None else 0.0)
    slope = SLOPES[activations[1] if name == "output" else activations[0]]
    return REDUCTION_ERRORS * float(np.finfo(dtype).eps) * z * slope


class RunComparison:
    """Compares records step by step and keeps only summaries and the first mismatch."""

    def __init__(self, names: tuple[str, ...], rtol: float, atol: float, dtype: str, reduction: dict[str, float] | None = None,
                 forward: tuple[float, tuple[str, str], int] | None = None) -> None:
        self.names, self.rtol, self.atol, self.dtype = names, rtol, atol, dtype
        self.reduction = reduction or {}
        self.forward = forward  # (max |X|, (hidden, output) activation, layers): the forward tensors' allowance
        self.tensors = {name: TensorSummary() for name in names}
        self.first_failure: Mismatch | None = None
        self.steps = 0
        self.last: dict[str, Comparison] = {}  # the latest step's comparisons

    def add(self, step: int, numpy_record: dict, torch_record: dict) -> Mismatch | None:
        """Compare one step; returns the run's first mismatch if it happened at this step."""
        self.steps = step
        new_failure = None
        self.last = self.compare_step(numpy_record, torch_record, histograms=True)
        for name, comparison in self.last.items():
            self.tensors[name].add(step, comparison)
            if not comparison.passed and self.first_failure is None:
                self.first_failure = new_failure = Mismatch(step, name, comparison)
        return new_failure

    def compare_step(self, numpy_record: dict, torch_record: dict, names: tuple[str, ...] | None = None,
                     histograms: bool = False) -> dict[str, Comparison]:
        """Every tensor of one step, compared by the run's rule (tolerances, allowances, direction of updates);
        histograms: with the errors by decade of each tensor whose worst step this is so far."""
        found = {}
        for name in names or self.names:
            extra = 0.0
            if self.forward and name.startswith(("hidden", "output")) and "W1" in torch_record:
                extra = forward_allowance(name, torch_record, self.forward[0], self.forward[1], self.forward[2], self.dtype)
            summary = self.tensors.get(name)
            above = (summary.max_abs if summary.worst_step is not None else -1.0) if histograms and summary else None
            comparison = compare(numpy_record[name], torch_record[name], self.rtol, self.atol, self.dtype,
                                 self.reduction.get(name, 0.0), extra, above)
            if name.endswith(".update") and comparison.passed:
                comparison = _direction(comparison, numpy_record, torch_record, name, self.dtype)
            found[name] = comparison
        return found
