"""Comparing a step of the two sides by the run's rule, and summarising each tensor over a run.

What one comparison measures is in measure.py, the rule itself (its
tolerances, the float64 reference, the direction of updates) in
parity.tolerance; here they are applied step by step, and summarised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np

from parity.engine.device_record import fetch, gradients_on_host, host, on_device
from parity.engine.measure import Comparison, Pair, compare, compare_many
from parity.tolerance import ELEMENTWISE, FLOAT64_REFERENCE, direction_problem, is_forward, judge_against_reference, rounding_of_zero

# a step's float64 references: (NumPy program's record, torch program's record), or why none could be taken
References = Callable[[], "tuple[Mapping, Mapping] | str"]

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
    allowed: float = 0.0  # the largest allowance applied at the worst step
    rule: str = ELEMENTWISE  # the rule that judged the worst step
    reference_steps: int = 0  # steps that passed only by the float64 reference
    float64_gap: float = 0.0  # the largest difference of the two programs in float64, over the steps referenced
    precision: float | None = None  # the largest ratio of the NumPy side's float32 error to torch's, where referenced
    note: str | None = None  # what the float64 reference last noted

    @property
    def passed(self) -> bool:
        return self.failed_steps == 0

    def add(self, step: int, comparison: Comparison) -> None:
        self.compared_steps += 1
        if self.worst_step is None or comparison.max_abs > self.max_abs:
            self.max_abs, self.worst_step, self.worst_index = comparison.max_abs, step, comparison.index
            self.histogram, self.allowed, self.rule = comparison.histogram, comparison.allowed, comparison.rule
        self.max_rel = max(self.max_rel, comparison.max_rel)
        self.used = max(self.used, comparison.used)
        self.min_atol, self.min_rtol = max(self.min_atol, comparison.min_atol), max(self.min_rtol, comparison.min_rtol)
        if comparison.float64_gap is not None:
            self.reference_steps += comparison.passed
            self.float64_gap = max(self.float64_gap, comparison.float64_gap)
            if comparison.precision is not None:  # the ratio furthest from 1, either way
                self.precision = max(self.precision or 1.0, comparison.precision, key=_from_one)
            self.note = comparison.note or self.note
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
            "rule": c.rule,
            "float64_gap": c.float64_gap,
            "note": c.note,
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
        return "; ".join(part for part in (text, c.problem, c.note) if part)


class RunComparison:
    """Compares records step by step and keeps only summaries and the first mismatch. reference: whether a tensor
    failing the element-wise rule is judged again against the float64 reference (parity.tolerance)."""

    def __init__(self, names: tuple[str, ...], rtol: float, atol: float, dtype: str, reference: bool = False) -> None:
        self.names, self.rtol, self.atol, self.dtype, self.reference = names, rtol, atol, dtype, reference
        self.tensors = {name: TensorSummary() for name in names}
        self.first_failure: Mismatch | None = None
        self.steps = 0
        self.references_taken = 0  # steps at which a float64 reference was taken
        self.last: dict[str, Comparison] = {}  # the latest step's comparisons
        self.starts: tuple[Mapping, Mapping] = ({}, {})  # each side's record of the step before: its state at this start

    def measure(self, numpy_record: dict, torch_record: dict) -> dict[str, Comparison]:
        """A step's comparisons, for add(), with the error histograms of each tensor's new worst step."""
        return self.compare_step(numpy_record, torch_record, histograms=True)

    def add(self, step: int, numpy_record: dict, torch_record: dict, references: References | None = None,
            measured: dict[str, Comparison] | None = None) -> Mismatch | None:
        """Compare one step (or take measure()'s comparisons of it); returns the run's first mismatch if it happened
        at this step. references(): the step's float64 references, asked for only where a tensor fails the
        element-wise rule."""
        self.steps = step
        new_failure = None
        self.last = measured if measured is not None else self.measure(numpy_record, torch_record)
        if references is not None and self.reference:
            self._judge_by_reference(numpy_record, torch_record, references)
        for name, comparison in self.last.items():
            self.tensors[name].add(step, comparison)
            if not comparison.passed and self.first_failure is None:
                self.first_failure = new_failure = Mismatch(step, name, comparison)
        # copies where they live (a device's tensors stay there until a reference asks): a state updated in place
        # by the next step is not this step's start
        self.starts = tuple({k: v.clone() if hasattr(v, "clone") else np.array(v, copy=True)
                             for k, v in on_device(record).items() if _is_state(k)} for record in (numpy_record, torch_record))
        return new_failure

    def _judge_by_reference(self, numpy_record: dict, torch_record: dict, references: References) -> None:
        failing = [name for name, c in self.last.items() if not c.passed and c.problem is None]
        if not failing:
            return
        found = references()
        self.references_taken += 1
        if isinstance(found, str):
            for name in failing:
                self.last[name] = replace(self.last[name], note=f"no float64 reference could be taken ({found})")
            return
        numpy64, torch64 = found
        for record in (torch_record, torch64):
            fetch(record, [*failing, *(name for name in record if name.endswith(".grad"))])
        gradients = gradients_on_host(torch_record)
        gradients64 = gradients_on_host(torch64)
        for name in failing:
            if name not in torch64:
                continue
            values = [numpy_record[name], host(torch_record[name]), numpy64.get(name), host(torch64[name]), _carried(name, self.starts)]
            zero = _rounding_on_both_sides(rounding_of_zero(name, gradients, gradients64, self.dtype), values, self.rtol,
                                           self.atol, rounding_of_zero(name, gradients_on_host(numpy_record), None, self.dtype))
            kept = np.flatnonzero(~zero) if zero is not None and zero.any() and np.shape(values[0]) == zero.shape else None
            if kept is not None:  # a zero gradient's rounding, normalised by the optimizer: those elements are not judged
                values = [None if v is None or np.shape(v) != zero.shape else np.asarray(v).reshape(-1)[kept] for v in values]
            j = judge_against_reference(*values[:4], self.rtol, self.atol, self.dtype, is_forward(name),
                                        is_forward(name) and name != "loss", values[4])
            if kept is not None and j.index and len(kept):
                j = replace(j, index=tuple(int(i) for i in np.unravel_index(kept[j.index[0]], zero.shape)))
            c = replace(self.last[name], float64_gap=j.gap, precision=j.precision, allowed=j.allowed, rule=FLOAT64_REFERENCE)
            self.last[name] = replace(c, mismatched=0, used=j.used) if j.passed else replace(c, note=j.problem)

    def compare_step(self, numpy_record: dict, torch_record: dict, names: tuple[str, ...] | None = None,
                     histograms: bool = False) -> dict[str, Comparison]:
        """Every tensor of one step, compared by the element-wise rule and the direction of updates; histograms:
        with the errors by decade of each tensor whose worst step this is so far."""
        names = names or self.names
        pairs = []
        torch_values = on_device(torch_record)  # a device record's tensors are compared where they are
        absent = {name: _absent(name, numpy_record, torch_values) for name in names}
        absent = {name: problem for name, problem in absent.items() if problem}
        names = tuple(name for name in names if name not in absent)
        for name in names:
            summary = self.tensors.get(name)
            above = (summary.max_abs if summary.worst_step is not None else -1.0) if histograms and summary else None
            pairs.append(Pair(numpy_record[name], torch_values[name], above))
        found = dict(zip(names, compare_many(pairs, self.rtol, self.atol, self.dtype)))
        found.update({name: Comparison(float("inf"), float("inf"), (), float("nan"), float("nan"), 1, 1, problem,
                                       float("inf"), float("inf"), float("inf")) for name, problem in absent.items()})
        largest = max((float(np.abs(host(torch_record[n])).max(initial=0.0)) for n in names if n.endswith(".update")), default=0.0)
        for name, comparison in found.items():
            if name.endswith(".update") and comparison.passed:
                weight = numpy_record.get(name[: -len(".update")])
                problem = direction_problem(numpy_record[name], host(torch_record[name]),
                                            weight if weight is not None else 0.0, self.dtype, largest)
                if problem:  # asked again without the elements whose gradient is a zero's rounding (read only then)
                    gradients = gradients_on_host(torch_record)
                    problem = direction_problem(numpy_record[name], host(torch_record[name]), weight if weight is not None
                                                else 0.0, self.dtype, largest, rounding_of_zero(name, gradients, None, self.dtype))
                if problem:
                    found[name] = replace(comparison, mismatched=comparison.size, problem=problem, used=float("inf"),
                                          min_atol=float("inf"), min_rtol=float("inf"))
        return found


def _carried(name: str, starts: tuple[Mapping, Mapping]) -> np.ndarray | None:
    """An optimizer state's difference at the step's start (each side keeps its own), where both sides recorded it."""
    if not _is_state(name) or any(name not in record for record in starts):
        return None
    mine, theirs = (np.asarray(host(record[name]), np.float64) for record in starts)
    return mine - theirs if mine.shape == theirs.shape else None


def _is_state(name: str) -> bool:
    kind = name.partition(".")[2]
    return bool(kind) and kind not in ("grad", "update")


def _absent(name: str, numpy_record: Mapping, torch_record: Mapping) -> str | None:
    """Why a tensor of the run is missing from a side's record (a layer without the bias the other side has), or None."""
    missing = [side for side, record in (("NumPy", numpy_record), ("torch", torch_record)) if name not in record]
    if not missing:
        return None
    if len(missing) == 2:
        return f"neither side records {name}"
    return f"the {missing[0]} side has no {name}: that parameter or tensor does not exist there (a layer built without its bias?)"


def _from_one(ratio: float) -> float:
    """How far a ratio is from 1, either way; 0 (an error that underflowed against the other's) is furthest."""
    return max(ratio, 1 / ratio) if ratio > 0 else float("inf")


def _rounding_on_both_sides(zero: np.ndarray | None, values: list, rtol: float, atol: float,
                            numpy_zero: np.ndarray | None = None) -> np.ndarray | None:
    """The port's zero-gradient elements (rounding_of_zero) where the NumPy program's gradient is zero too: by its
    own recorded gradient where it keeps one, else where its run's value and its float64 step's part (a rounding
    normalised differs with the precision). Where the NumPy program's gradient is real, the port's zero is a
    difference of the programs (a padding_idx, a row never updated): judged, not left out."""
    if zero is not None and numpy_zero is not None and numpy_zero.shape == zero.shape:
        return zero & numpy_zero
    numpy, numpy64 = values[0], values[2]
    if zero is None or numpy64 is None or np.shape(numpy) != zero.shape or np.shape(numpy64) != zero.shape:
        return zero
    a, a64 = np.asarray(numpy, np.float64), np.asarray(numpy64, np.float64)
    with np.errstate(invalid="ignore"):
        consistent = np.abs(a - a64) <= atol + rtol * np.abs(a64)
    return zero & ~(consistent & (np.abs(a64) > atol))

