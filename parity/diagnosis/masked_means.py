"""A loss averaged over a mask's entries on one side and over every entry on the other: the per-entry losses one
side computes, weighed by a 0/1 array the other side holds, give the other side's loss.

    numpy loss = Σ(ℓ·m) / Σm        port loss = mean(ℓ)          (ℓ the port's per-entry losses, m the NumPy mask)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, describe

MATCH = 1e-6  # relative gap of a loss recomputed this way to the side's own


def masked_mean_apart(numpy_trace: Trace, torch_trace: Trace, departing: list[Value]) -> str:
    """The port's per-entry losses averaged over the NumPy program's mask give the NumPy loss (or, averaged over all,
    where the NumPy program's are the plain mean): the mask kept on one side only, said with both counts."""
    losses = [v for v in departing if v.array.size == 1]
    port_scalars = [v for v in torch_trace.values if v.op != "grad" and v.array.size == 1]
    if not losses or not port_scalars:
        return ""
    numpy_loss, port_loss = float(losses[-1].array.ravel()[0]), float(port_scalars[-1].array.ravel()[0])
    masks = [v for v in numpy_trace.values if v.array.size > 1 and np.isin(v.array, (0.0, 1.0)).all() and 0 < v.array.sum() < v.array.size]
    entries = [v for v in torch_trace.values if v.op != "grad" and v.array.size > 1 and v.array.ndim <= 2
               and abs(float(v.array.mean()) - port_loss) <= MATCH * max(abs(port_loss), 1e-12)]
    for each in entries:
        for mask in (m for m in masks if m.array.size == each.array.size):
            m = mask.array.reshape(-1).astype(np.float64)
            kept = float(np.sum(each.array.reshape(-1) * m) / m.sum())
            if abs(kept - numpy_loss) <= MATCH * max(abs(numpy_loss), 1e-12):
                return (f"The port's loss is the mean of its {each.array.size} per-entry losses ({describe(each)}); the "
                        f"NumPy program's is those same losses averaged over the {int(m.sum())} entries its 0/1 "
                        f"{describe(mask)} keeps: the mask is left out of the port's mean (padded or unobserved entries "
                        "scored and counted), or applied on the NumPy side only.")
    return ""
