"""Gradients clipped together by one global norm: where some gradients differ, the norm they enter differs, and every
other gradient is scaled by one factor too. The first gradient to fail (an output bias, say) is then only scaled;
the slip lies in the gradients that part otherwise, and those are read instead.

    bo.grad = r · the port's, as are most      →   one factor r from the clipping
    W_hd.grad parts otherwise                  →   read W_hd's backward pass (written_backward)
"""

from __future__ import annotations

from typing import Any

from parity.diagnosis.finding import Finding
from parity.diagnosis.ratios import clipping_norms, constant_ratio
from parity.diagnosis.written_backward import written_backward

SAME = 1e-4  # two gradients' ratios one factor


def clipped_together(setup: Any, built: Any, name: str, numpy_record: dict, torch_record: dict, step: int) -> Finding | None:
    parameters = [k.removesuffix(".grad") for k in numpy_record if k.endswith(".grad") and k in torch_record]
    ratios = {p: constant_ratio(numpy_record[f"{p}.grad"], torch_record[f"{p}.grad"]) for p in parameters}
    r = ratios.get(name.removesuffix(".grad"))
    if r is None or abs(r - 1) <= SAME or len(parameters) < 2:
        return None
    scaled = [p for p, q in ratios.items() if q is not None and abs(q - r) <= SAME * abs(r)]
    apart = [p for p in parameters if p not in scaled]
    where = {"step": step, "stage": "backward"}
    if not apart:
        grads = {p: numpy_record[f"{p}.grad"] for p in parameters}
        norms = clipping_norms(grads, r)
        how = (f": the NumPy side clips by {norms[0]}, where the port takes {norms[1]}" if norms else
               ": the gradients are scaled on one side before they are kept (clipping by a norm computed otherwise, a scale)")
        return Finding("clipping", f"Every parameter's gradient is {r:.6g} times the port's at step {step}: one factor for "
                       f"all{how}.", {**where, "ratio": r}, "Clip the gradients by the same norm in both programs.",
                       0.9 if norms else 0.7)
    first = apart[0]
    said = (f"{name} is {r:.6g} times the port's, as are the gradients of {', '.join(scaled)}: one factor, as clipping by "
            f"a global norm gives when the norm itself differs; the gradients of {', '.join(apart)} part otherwise, and "
            f"the slip lies there.")
    if first in numpy_record and (read := written_backward(setup, built, step, first, numpy_record[first],
                                                           torch_record.get(f"{first}.grad"), torch_record.get(first))):
        return Finding(read.name, f"{said} {read.explanation}", {**read.evidence, "scaled": scaled}, read.fix, read.score)
    return Finding("backward", said, {**where, "apart": apart}, f"Compare the backward passes of {', '.join(apart)}.", 0.6)
