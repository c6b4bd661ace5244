"""The NumPy program's gradients before its own clipping, read from its trace: one factor times back-propagation's
for every parameter. A clipping cuts both programs' gradients to the bound wherever both clip, so a gradient of
another size (a mean's count left out, a factor of 2) shows only at the steps where one side's norm falls under the
bound; a clipping read by stepping again would explain those steps too, and wrongly.

    g_numpy(t) = k · g_raw(t)      before the clipping, one k for every parameter
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.backward_again import raw_gradients
from parity.diagnosis.finding import Finding
from parity.diagnosis.missing_terms import aligned
from parity.diagnosis.mean_counts import features_meaning
from parity.diagnosis.mean_counts import count_meaning
from parity.diagnosis.ratios import constant_ratio, ratio_meaning
from parity.diagnosis.replays import traces


def scaled_before_clipping(setup: Any, built: Any, step: int, tolerance: float) -> Finding | None:
    try:
        raw = raw_gradients(setup, built, step)
        numpy_trace = traces(setup, built, step)[0]
    except Exception:  # noqa: BLE001 - a program that cannot be stepped or traced again here: nothing read
        return None
    factors = {}
    for name, gradient in raw.items():
        theirs = np.asarray(gradient, np.float64)
        if theirs.size < 2 or not np.any(theirs):
            continue
        ratios = [k for v in numpy_trace.values if (k := _ratio(v.array, theirs)) is not None]
        if ratios:  # the earliest value of the program's that is the gradient up to one factor, unless the program also
            # makes the gradient itself (a count divided out at the end: h.T @ dz / n)
            factors[name] = next((k for k in ratios if abs(k - 1) <= 1e-6), ratios[0])
    ks = list(factors.values())
    if len(ks) < 2 or any(abs(k - ks[0]) > 1e-6 * abs(ks[0]) for k in ks) or abs(ks[0] - 1) <= 1e-3:
        return None
    k = ks[0]
    y = numpy_trace.values[1].array if len(numpy_trace.values) > 1 and numpy_trace.values[1].op == "y" else None
    rows = numpy_trace.values[0].array.shape[0] if numpy_trace.values and numpy_trace.values[0].array.ndim else 0
    meaning = (y is not None and count_meaning(k, y.shape)) or (rows and ratio_meaning(k, rows)) or \
        features_meaning(k, numpy_trace.values[0].array.shape)
    return Finding("loss-scale", f"At step {step} the NumPy program's gradients, before its clipping, are {k:.6g} times "
                   f"back-propagation's for every parameter ({', '.join(factors)}){f': {meaning[1]}' if meaning else ''}. "
                   "Its clipping cuts them back to the bound wherever both programs clip, so the two agree there and part "
                   "at the steps where the port's gradients fall under the bound: the gradients' size differs, not the "
                   "clipping.", {"step": step, "stage": "backward", "factor": k, "side": "numpy"},
                   "Give the loss's gradient the factor its derivative has (a mean over every element divides by all of them).",
                   0.8)


def _ratio(array: np.ndarray, theirs: np.ndarray) -> float | None:
    mine = aligned(array, theirs)
    return None if mine is None else constant_ratio(mine, theirs)
