"""A layer's values divided by one number per row (or per column), read from its numbers: a norm of the row (F.normalize),
a softmax's denominator summed over another axis (the batch axis, everything, the rows' sums broadcast without
keepdims), or e^(max z) (a stable form half written). And in a NumPy backward pass, a normalisation's derivative
taken with its denominator held constant (x / s(x) differentiated as 1 / s, the path through s left out).
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import few, fit_ratio, relative_gap
from parity.diagnosis.value_trace import Trace, Value, describe


def softmax_denominator(z: np.ndarray, received: np.ndarray, tolerance: float) -> str | None:
    """e^z over a sum taken otherwise than each row's own: over the batch axis, over everything, or each row's sums
    broadcast along the last axis (e.sum(axis=1) without keepdims=True, which runs where the rows equal the classes)."""
    e = np.exp(z - z.max())
    sums = {"the sum of each column, over the batch axis (axis=0), where each row's own belongs": e.sum(axis=0, keepdims=True),
            "the sum of the whole batch, every row and class (no axis)": e.sum()}
    for words, total in sums.items():
        if relative_gap(received, e / total) <= tolerance:
            return f"e^z divided by {words}"
    if z.ndim == 2 and z.shape[0] == z.shape[1]:
        for shifted in (e, np.exp(z - z.max(axis=1, keepdims=True))):
            if relative_gap(received, shifted / shifted.sum(axis=1)[None, :]) <= tolerance:
                return ("e^z divided by the rows' sums broadcast along the last axis, e.sum(axis=1) without keepdims=True: "
                        "column j divided by row j's sum (it runs only because the batch has as many rows as classes)")
    return None


UNEXPLAINED_FACTORS = "scaled by its own factor"

NORMS = {"L2 norm (F.normalize(h, dim={axis}), a cosine classifier's features)": lambda a, axis: np.linalg.norm(a, axis=axis),
         "L1 norm (F.normalize(h, p=1, dim={axis}))": lambda a, axis: np.abs(a).sum(axis=axis),
         "largest absolute value": lambda a, axis: np.abs(a).max(axis=axis),
         "sum": lambda a, axis: a.sum(axis=axis)}


def rows_scaled(expected: np.ndarray, received: np.ndarray, run: str, tolerance: float, z: np.ndarray) -> str | None:
    """The run's activation with each row (or each column) divided by its own number: a normalisation, named where that
    number is a norm of the row (or column)."""
    if received.shape != expected.shape or received.ndim != 2 or min(received.shape) < 2:
        return None
    for axis, what, dim in ((1, "row", 1), (0, "column", 0)):
        lines = expected if axis == 1 else expected.T
        seen = received if axis == 1 else received.T
        factors = []
        for e, r in zip(lines, seen):
            fit = fit_ratio(r, e) if np.any(e) else ((0.0, 0.0) if not np.any(r) else None)
            if fit is None or fit[1] > tolerance:
                factors = []
                break
            factors.append(fit[0])
        if not factors or np.ptp(factors) <= tolerance * max(np.abs(factors)):
            continue
        factors = np.array(factors)
        for words, norm in NORMS.items():
            with np.errstate(all="ignore"):
                divisor = norm(expected, axis)
            used = divisor != 0
            if np.any(used) and relative_gap(factors[used], 1 / divisor[used]) <= max(tolerance, 1e-6):
                return f"{run}(z) with each {what} divided by its {words.format(axis=dim)}"
        shift = np.exp(-z.max(axis=1)) if axis == 1 else None
        for factor, words in ((shift, "the numerator's exponent shifted by the row's max, exp(z - max), the denominator's "
                               "not (Σ e^z): a stable form half written"), (1 / shift if shift is not None else None,
                               "the denominator's exponents shifted by the row's max, the numerator's not")):
            if factor is not None and np.all(np.isfinite(factor)) and relative_gap(factors, factor) <= max(tolerance, 1e-6):
                return f"{run}(z) with each row {'divided' if factor is shift else 'multiplied'} by e^(max z) of the row: {words}"
        if axis == 1 and run == "softmax":
            total = np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1)
            if relative_gap(factors, total / (1 + total)) <= max(tolerance, 1e-6):
                return (f"{run}(z) with each row scaled by S/(1 + S), S = Σ e^(z - max): the log-sum-exp taken as "
                        "log(1 + Σ e^(z - max)), np.log1p where np.log belongs, as if one more class with the row's max "
                        "logit were summed: each row's probabilities sum to less than 1")
        sums = f"; each {what} sums to that factor instead of 1" if axis == 1 and run == "softmax" else ""
        return f"{run}(z) with each {what} {UNEXPLAINED_FACTORS} ({few(factors)}{sums}): a normalisation the run's model does not have"
    return None


def pinned_column(logits: np.ndarray, q: np.ndarray, tolerance: float) -> str:
    """Probabilities q that are the softmax of the logits with one column k replaced by a constant c (a reference
    class's logit pinned at 0 in the forward pass while its weights still train): log q - z is one number per row
    across every column but k, and log q_k less that number is c on every row."""
    if q.ndim != 2 or q.shape[1] < 3 or np.any(q <= 0) or np.abs(q.sum(axis=1) - 1).max() > tolerance:
        return ""
    gap = np.log(q) - logits
    for k in range(q.shape[1]):
        others = np.delete(gap, k, axis=1)
        if np.ptp(others, axis=1).max() > tolerance:
            continue
        pinned = np.log(q[:, k]) - others[:, 0]
        if np.ptp(pinned) <= tolerance * max(1.0, float(np.abs(pinned).max())) and np.ptp(logits[:, k]) > tolerance:
            constant = float(pinned.mean()) if abs(float(pinned.mean())) > tolerance else 0.0
            return (f"the softmax of the logits with column {k}'s replaced by the constant {constant:.4g} on "
                    f"every row: class {k}'s logit pinned (a reference or baseline category fixed at 0 in the forward "
                    f"pass) while its weights W[:, {k}] and bias b[{k}] are still updated")
    return ""


NORMALISING = {"normalize", "layer_norm", "batch_norm", "group_norm", "instance_norm", "rms_norm", "div", "truediv"}


def denominator_held(first: Value, frontier: Value, twin: Value, trace: Trace, other: Trace) -> str:
    """The NumPy program's first departing value is the shared gradient at the port's normalisation (x / s(x): an L2
    normalize, a layer norm) divided by one of its own forward values: the quotient's derivative taken as 1 / s, the
    denominator held constant, its own path (-q·(q·dq) / s for x / ‖x‖, the variance's term of a layer norm) left out."""
    if first.op.removesuffix(" (in place)") not in ("divide", "true_divide") or len(first.inputs) != 2 or \
            first.inputs[0] != frontier.index or not isinstance(first.inputs[1], int):
        return ""
    normalised = other.values[twin.inputs[0]] if twin.op == "grad" and twin.inputs and isinstance(twin.inputs[0], int) else None
    if normalised is None or normalised.op.removesuffix("_") not in NORMALISING:
        return ""
    if any(trace.values[u].op.removesuffix(" (in place)") in ("subtract", "add") for u in first.users):
        return ""  # a term taken off after it: the quotient rule written in two parts (dq / s - q·(q·dq) / s)
    denominator = trace.values[first.inputs[1]]
    return (f"The NumPy program's {describe(first)} is the gradient at the port's {describe(normalised)} divided by its "
            f"own {describe(denominator)}: the derivative of x / s(x) taken as 1 / s, the denominator held constant; the "
            f"path through s itself (for x / ‖x‖ the projection -q·(q·dq) / ‖x‖; for a layer norm the variance's term) "
            "is left out.")
