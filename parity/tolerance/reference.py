"""Rule (2): a tensor that failed the element-wise rule, judged by both programs stepped in float64.

    a - b  =  (a - a64)  -  (b - b64)  +  (a64 - b64)

The last term is the programs' own difference: it must pass the run's
tolerance. The first two are each side's float32 rounding of this step. On
the forward pass (the activations, the output, the loss: smooth functions
of the parameters, which no optimizer state reaches) neither may be far
larger than the other's (NUMPY_PRECISION, TORCH_PRECISION in table.py),
which is how a formula that loses digits in float32, or TF32 on the torch
side, still fails. Past the forward pass the ratio is reported, not judged:
a ReLU's kink that rounding moves across, or an optimizer state that keeps
each side's own earlier rounding, make it swing either way in correct runs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parity.tolerance.table import FAITHFUL, NUMPY_PRECISION, TORCH_PRECISION


@dataclass(frozen=True)
class Judgement:
    """One tensor at one step, against its float64 reference."""

    passed: bool
    gap: float  # max |a64 - b64|: the programs' own difference
    used: float  # the largest share of the tolerance that difference takes
    allowed: float  # atol + rtol * max |b64|: the largest allowance applied
    mismatched: int  # elements whose float64 difference is outside the tolerance
    index: tuple[int, ...]  # where the float64 difference is greatest
    precision: float  # rms |a - a64| / rms |b - b64|, each counted from one ulp: the NumPy side's error over torch's
    problem: str | None = None  # why it failed, where it did


def is_forward(name: str) -> bool:
    """A tensor of the forward pass: the hidden activations, the output, the loss."""
    return name.startswith(("hidden", "output")) or name == "loss"


def judge_against_reference(numpy, torch, numpy64, torch64, rtol: float, atol: float, dtype: str,
                            forward: bool = True, torch_precision: bool | None = None, carried=None) -> Judgement:
    """numpy, torch: the run's values; numpy64, torch64: each program stepped once in float64 from the step's start;
    forward: a tensor of the forward pass, whose precision on either side is judged; torch_precision: whether the
    torch side's is (default: as forward). A NumPy program that does not step in float64 (it fixes its own dtype) is
    measured against torch's float64. carried: for an optimizer state each side keeps as its own (its float64 copy
    starts from it), the two sides' difference at the step's start, which the programs' own difference may hold up
    to a factor c in [0, 1] (a sum carries all of it, a moving average β of it)."""
    a, b = np.asarray(numpy, dtype=np.float64), np.asarray(torch, dtype=np.float64)
    b64 = np.asarray(torch64, dtype=np.float64)
    own = numpy64 is not None and np.asarray(numpy64).dtype == np.float64 and np.shape(numpy64) == b64.shape
    a64 = np.asarray(numpy64, dtype=np.float64) if own else b64
    if a.shape != b64.shape or b.shape != b64.shape:
        return Judgement(False, float("inf"), float("inf"), atol, int(a.size), (), 1.0, "its float64 reference has another shape")
    allowance = atol + rtol * np.abs(b64)
    with np.errstate(invalid="ignore", over="ignore"):
        gap = np.abs(a64 - b64 - carried_part(a64 - b64, carried))
    gap = np.where(np.isfinite(gap), gap, np.inf)
    mismatched = int(np.count_nonzero(gap > allowance))
    worst = int(gap.argmax()) if gap.size else 0
    index = tuple(int(i) for i in np.unravel_index(worst, gap.shape)) if gap.ndim and gap.size else ()
    floor = float(np.finfo(dtype).eps) * _rms(b64)
    precision = max(_rms(a - a64), floor) / max(_rms(b - b64), floor) if floor > 0 else 1.0
    judged = dict(gap=float(gap.max(initial=0.0)), used=float((gap / allowance).max(initial=0.0)),
                  allowed=float(allowance.max(initial=atol)), mismatched=mismatched, index=index, precision=precision)
    where = f" at [{', '.join(map(str, index))}]" if index else ""
    if mismatched:
        return Judgement(False, **judged, problem=(
            f"the difference persists in float64 (both programs stepped in float64 from the same start part by "
            f"{judged['gap']:.3g}{where}; {mismatched} elements beyond the tolerance): not rounding"))
    if not forward:
        if not np.isfinite(precision) or not 1 / FAITHFUL <= precision <= FAITHFUL:
            side = "NumPy" if precision > 1 else "torch"
            return Judgement(False, **judged, problem=(
                f"the {side} side's {dtype} values are {max(precision, 1 / precision):.3g} times further from its own "
                f"float64 step than the other side's: no rounding does that, so its float64 copy is not the program "
                f"that ran (state the copy cannot carry?) and proves nothing: not taken as rounding"))
        return Judgement(True, **judged)
    if not np.isfinite(precision) or precision > NUMPY_PRECISION:
        return Judgement(False, **judged, problem=(
            f"the NumPy side's {dtype} values are {precision:.3g} times further from float64 than torch's: it loses digits "
            f"that torch keeps (in float64 the two programs agree)"))
    if precision < 1 / TORCH_PRECISION and (forward if torch_precision is None else torch_precision):
        return Judgement(False, **judged, problem=(
            f"the torch side's {dtype} values are {1 / precision:.3g} times further from float64 than NumPy's: it computes "
            f"below {dtype} precision (TF32, a half-precision kernel; in float64 the two programs agree)"))
    return Judgement(True, **judged)


def carried_part(difference: np.ndarray, carried) -> np.ndarray | float:
    """c·carried, c in [0, 1] fitted to the difference by least squares; 0 where nothing is carried. Capped at 1, it
    takes away no more than the start's own difference, which passed at the step before."""
    if carried is None or np.shape(carried) != np.shape(difference):
        return 0.0
    carried = np.asarray(carried, np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        size = float(np.sum(carried * carried))
        c = float(np.sum(difference * carried)) / size if size > 0 else 0.0
    return min(max(c, 0.0), 1.0) * carried if np.isfinite(c) else 0.0


def _rms(values: np.ndarray) -> float:
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.sqrt(np.mean(np.square(values)))) if values.size else 0.0
