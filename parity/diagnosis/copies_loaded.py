"""A copy of the weights an optimizer keeps (Lookahead's slow weights, an average to be swapped in) loaded into the
weights on one side only: both sides' copies agree after the step, one side's weights are that copy, the other's are
not.

    slow ← slow + α·(p - slow);  p ← slow       the second assignment made on one side alone
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.value_trace import agrees

COPY_AGREES = 1e-5  # relative to the largest entry: two float32 copies of one array


def copy_not_loaded(parameter: str, numpy_record: dict, torch_record: dict, step: int) -> Finding | None:
    mine, theirs = numpy_record.get(parameter), torch_record.get(parameter)
    if mine is None or theirs is None:
        return None
    for name in sorted(set(numpy_record) & set(torch_record)):
        kept, state = name.partition(".")[::2]
        if kept != parameter or state in ("grad", "update") or np.shape(numpy_record[name]) != np.shape(mine):
            continue
        copies = np.asarray(numpy_record[name], np.float64), np.asarray(torch_record[name], np.float64)
        if not np.any(copies[0]) or not agrees(*copies, COPY_AGREES):
            continue
        for loaded, weights, other, side in ((mine, theirs, "port", "torch"), (theirs, mine, "NumPy program", "numpy")):
            if agrees(loaded, copies[0], COPY_AGREES) and not agrees(weights, copies[0], COPY_AGREES):
                return Finding("copy-not-loaded", f"After step {step} both programs hold the same {state} of {parameter} "
                               f"(a copy of the weights the optimizer keeps), and one side's {parameter} is that copy, "
                               f"the {other}'s is not: the {other} never loads its {state} into its weights (Lookahead's "
                               f"synchronisation p ← slow, an average swapped in for the weights).",
                               {"step": step, "parameter": parameter, "stage": "update", "side": side, "state": state},
                               f"Copy the {state} into the {other}'s weights where the other program does.", 0.85)
    return None

