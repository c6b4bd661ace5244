"""An update that divides by the optimizer's accumulator as it stood before this step's square went in: Adagrad's
s_t = s_{t-1} + g² and RMSprop's s_t = α·s_{t-1} + (1 - α)·g², the division taken by √s_{t-1}.

    port    -lr·g / (√s_t + ε)          NumPy   -lr·g / (√s_{t-1} + ε)      (s_{t-1} read back from the port's s_t and g)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import relative_gap


def stale_state(torch_names: dict, context, parameter: str) -> str | None:
    """Said where the NumPy program's update is the port's rule taken with the state before this step's square."""
    optimizer = torch_names.get("optimizer")
    group = next(iter(getattr(optimizer, "param_groups", None) or []), {})
    kind = {"Adagrad": "sum", "RMSprop": "square_avg"}.get(type(optimizer).__name__)
    grad, state = context.torch_record.get(f"{parameter}.grad"), context.torch_record.get(f"{parameter}.{kind}")
    if kind is None or grad is None or state is None or group.get("momentum") or group.get("centered") or group.get("lr_decay"):
        return None
    g, s = np.asarray(grad, np.float64), np.asarray(state, np.float64)
    alpha = float(group.get("alpha", 1.0)) if kind == "square_avg" else 1.0
    before = (s - (1 - alpha) * g * g) / alpha if kind == "square_avg" else s - g * g
    stale = -float(group["lr"]) * g / (np.sqrt(np.maximum(before, 0.0)) + float(group.get("eps", 0.0)))
    mine, theirs = (np.asarray(r[f"{parameter}.update"], np.float64) for r in (context.numpy_record, context.torch_record))
    if not np.all(np.isfinite(stale)) or relative_gap(mine, stale) > 1e-4 or relative_gap(theirs, stale) <= 1e-3:
        return None
    return (f"The NumPy program's update of {parameter} is {type(optimizer).__name__}'s rule taken with the {kind} as it "
            f"stood before this step's squared gradient was added (s_(t-1)): it divides before it accumulates, where "
            f"the port's optimizer adds g² first and divides by the new {kind}.")
