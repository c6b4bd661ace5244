"""A decoupled weight decay applied on the other side of the step: one program shrinks the weights before its
optimizer's step (torch's AdamW: w ← w(1 - c) - lr·u), the other after it (w ← (w - lr·u)(1 - c)), c = lr·wd.

With Δ each side's update and w the shared weights, the one that shrinks after its step makes

    Δ_after = (1 - c)·Δ_before - c²·w

so over every parameter, Δ_numpy = α·Δ_port + β·w with β = -(1 - α)² (the NumPy program shrinks after) or, read the
other way, Δ_port = α·Δ_numpy + β·w (the port shrinks after). A factor alone (β = 0) is not this; c² is small, so
the fit must hold far better than a factor alone does.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import relative_gap

BETTER = 100  # the two-term fit leaves at most this fraction of a factor alone's residual
HOLDS = 1e-2  # β = -(1 - α)² within this, relative


def decay_order(context) -> tuple[str, str] | None:
    """(said, the side that shrinks after its step: "numpy" or "torch"), or None."""
    names = [k.removesuffix(".update") for k in context.numpy_record if k.endswith(".update") and k in context.torch_record
             and k.removesuffix(".update") in context.numpy_before]
    if not names:
        return None
    flat = [np.concatenate([np.ravel(np.asarray(source[f"{n}{suffix}"], np.float64)) for n in names])
            for source, suffix in ((context.numpy_record, ".update"), (context.torch_record, ".update"), (context.numpy_before, ""))]
    numpy_update, port_update, weights = flat
    for after, before, who, other, side in ((numpy_update, port_update, "the NumPy program", "the port", "numpy"),
                                            (port_update, numpy_update, "the port", "the NumPy program", "torch")):
        if (c := _shrink_after(after, before, weights)) is not None:
            return (f"Every update of {who} is (1 - c) times {other}'s minus c²·w, with c = {c:.6g} over every parameter: "
                    f"{who} shrinks the weights by (1 - c) after its step, w ← (w - lr·u)(1 - c), where {other} shrinks "
                    "them before it, w ← w(1 - c) - lr·u (decoupled weight decay, c = lr·weight_decay, as torch's AdamW "
                    "applies it to the old weights)."), side
    return None


def _shrink_after(after: np.ndarray, before: np.ndarray, weights: np.ndarray) -> float | None:
    if not np.any(before) or not np.any(weights):
        return None
    alone = float(np.vdot(after, before) / np.vdot(before, before))
    (alpha, beta), *_ = np.linalg.lstsq(np.stack([before, weights], axis=1), after, rcond=None)
    c = 1.0 - alpha
    two_terms, one_term = relative_gap(alpha * before + beta * weights, after), relative_gap(alone * before, after)
    if not 0 < c < 0.5 or two_terms * BETTER > one_term or abs(beta + c * c) > HOLDS * c * c:
        return None
    return float(c)
