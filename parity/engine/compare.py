"""Comparing one tensor of the two sides, and summarising it over a run.

The torch twin is the reference: a NumPy value a passes against the torch
value b when |a - b| <= atol + rtol * |b|, element by element, the rule of
torch.testing.assert_close. A shape or dtype that differs fails outright:
a float64 array leaking into a float32 run can agree in value and still be
a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

    @property
    def passed(self) -> bool:
        return self.mismatched == 0 and self.problem is None


def compare(numpy_value: np.ndarray, torch_value: np.ndarray, rtol: float, atol: float, dtype: str) -> Comparison:
    a, b = np.asarray(numpy_value), np.asarray(torch_value)
    if a.shape != b.shape:
        return Comparison(
            max_abs=float("inf"), max_rel=float("inf"), index=(), numpy_value=float("nan"),
            torch_value=float("nan"), mismatched=b.size, size=b.size,
            problem=f"shape {a.shape} on the NumPy side, {b.shape} on the torch side",
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
    allowed = abs_b * rtol
    allowed += atol
    mismatched = int(np.count_nonzero(diff > allowed))
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(diff, abs_b, out=allowed)  # 0 / 0 is NaN, which fmax passes over: no difference, no relative one
    max_rel = float(np.fmax.reduce(allowed))
    return Comparison(
        max_abs=float(diff.flat[flat]),
        max_rel=0.0 if np.isnan(max_rel) else max_rel,
        index=tuple(int(i) for i in np.unravel_index(flat, shape)) if shape else (),
        numpy_value=float(a.flat[flat]),
        torch_value=float(b.flat[flat]),
        mismatched=mismatched,
        size=int(b.size),
        problem=problem,
    )


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

    @property
    def passed(self) -> bool:
        return self.failed_steps == 0

    def add(self, step: int, comparison: Comparison) -> None:
        self.compared_steps += 1
        if self.worst_step is None or comparison.max_abs > self.max_abs:
            self.max_abs, self.worst_step, self.worst_index = comparison.max_abs, step, comparison.index
        self.max_rel = max(self.max_rel, comparison.max_rel)
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


class RunComparison:
    """Compares records step by step and keeps only summaries and the first mismatch."""

    def __init__(self, names: tuple[str, ...], rtol: float, atol: float, dtype: str) -> None:
        self.names, self.rtol, self.atol, self.dtype = names, rtol, atol, dtype
        self.tensors = {name: TensorSummary() for name in names}
        self.first_failure: Mismatch | None = None
        self.steps = 0

    def add(self, step: int, numpy_record: dict, torch_record: dict) -> Mismatch | None:
        """Compare one step; returns the run's first mismatch if it happened at this step."""
        self.steps = step
        new_failure = None
        for name in self.names:
            comparison = compare(numpy_record[name], torch_record[name], self.rtol, self.atol, self.dtype)
            self.tensors[name].add(step, comparison)
            if not comparison.passed and self.first_failure is None:
                self.first_failure = new_failure = Mismatch(step, name, comparison)
        return new_failure
