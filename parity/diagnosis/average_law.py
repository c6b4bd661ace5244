"""A squared-gradient average (RMSprop's, AdaGrad's sum) read from the NumPy program's own updates, beside a port whose
optimizer keeps one: with the port's gradients g_t (the derivative at the shared start of each step), the NumPy
program's update u_t = -lr·g_t/(√v_t + ε) gives √v_t = lr·|g_t|/|u_t| - ε, and v_t = a·v_(t-1) + b·g_t² is fitted
over every parameter and step. A law other than the port's (α, 1 - α) is said: an average that never decays (a = 1,
the '- v' of v += (1 - α)(g² - v) lost), the two weights swapped, no (1 - α).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.adam_moments import recurrence
from parity.diagnosis.finding import Finding

AHEAD = 2
FITS = 1e-3  # the law reproduces the averages read from the updates within this


def average_law_finding(setup: Any, built: Any, step: int) -> Finding | None:
    numpy_side, torch_side = built.make_sides()
    optimizer = getattr(torch_side, "names", {}).get("optimizer")
    group = next(iter(getattr(optimizer, "param_groups", [])), {})
    kind = type(optimizer).__name__
    if kind not in ("RMSprop", "Adagrad") or group.get("momentum") or group.get("centered") or group.get("weight_decay"):
        return None
    a_port, b_port = (group["alpha"], 1 - group["alpha"]) if kind == "RMSprop" else (1.0, 1.0)
    lr, eps = float(group["lr"]), float(group["eps"])
    seen, squares = [], []
    for t in range(1, step + AHEAD + 1):
        rows = setup.rows(t)
        start = numpy_side.params()
        numpy_side.step(rows), torch_side.step(rows)
        grads = torch_side.gradients() or {}
        after = numpy_side.params()
        if not grads:
            return None
        with np.errstate(all="ignore"):
            seen.append({n: (lr * np.abs(grads[n]) / np.abs(after[n] - start[n]) - eps) ** 2 for n in grads})
        squares.append({n: np.asarray(grads[n], np.float64) ** 2 for n in grads})
        torch_side.load(after)
    fitted = _fit(seen, squares)
    if fitted is None or (abs(fitted[0] - a_port) <= 1e-3 and abs(fitted[1] - b_port) <= 1e-3 * max(b_port, 1e-3)):
        return None
    a, b = fitted
    why = (" It never decays (a = 1): a sum like AdaGrad's, the '- v' of v += (1 - α)(g² - v) lost, or v += (1 - α)·g²."
           if abs(a - 1) <= 1e-3 and kind == "RMSprop" else
           " The two weights are swapped." if abs(a - b_port) <= 1e-3 and abs(b - a_port) <= 1e-3 else
           " The new square enters without its weight (1 - α)." if abs(b - 1) <= 1e-3 and kind == "RMSprop" else "")
    if not why and not all(_written(x) for x in (a, b)):
        return None  # constants no program writes (0.9865): the gradients scaled otherwise (a clipping) as likely
    return Finding("optimizer-variant", f"The NumPy program's squared-gradient average, read from its updates and the port's "
                   f"gradients through step {step + AHEAD}, is v = {a:.4g}·v + {b:.4g}·g², where the port's {kind} keeps "
                   f"v = {a_port:g}·v + {b_port:g}·g².{why}", {"side": "numpy", "law": [a, b], "optimizer": kind},
                   f"Keep v as the port's {kind} does: v = {a_port:g}·v + {b_port:g}·g².", 0.9)


def _fit(seen: list[dict], squares: list[dict]) -> tuple[float, float] | None:
    return recurrence(seen, squares, list(seen[0]), FITS)  # the law Adam's moments are read with


def _written(x: float) -> bool:
    """A constant as people write it: two significant figures, or one minus such a number (0.999)."""
    return any(abs(y - float(f"{y:.2g}")) <= 1e-3 * max(abs(y), 1e-3) for y in (x, 1 - x))
