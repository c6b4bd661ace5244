"""Where a learning rate moves, the two ways of writing heavy-ball momentum part: the rate outside the buffer
(torch.optim.SGD: v = μv + g, p -= lr·v) or folded into it (v = μv + lr·g, p -= v: the velocity keeps the earlier
rates). Each side's updates u_t are read against both laws, with the port's gradients g_t taken at the shared
starts and the rate lr_t read off the port's optimizer at each step:

    outside:  u_t / lr_t = μ · u_(t-1) / lr_(t-1) - g_t
    inside:   u_t        = μ · u_(t-1)            - lr_t · g_t
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.replays import lockstep

STEPS = 5  # steps read, from the first
HOLDS = 1e-4  # relative residual of a law that holds

LAWS = {"outside": "v = μ·v + g; p -= lr·v (the rate outside the velocity, as torch.optim.SGD)",
        "inside": "v = μ·v + lr·g; p -= v (the rate folded into the velocity, which keeps the earlier rates)"}


def momentum_form_finding(setup: Any, built: Any, step: int, parameter: str) -> Finding | None:
    """The law each side's updates of the parameter follow, where they follow different ones."""
    history = _history(setup, built, max(step + 2, STEPS), parameter)
    if history is None:
        return None
    rates, grads, updates = history
    if np.ptp(rates) <= 1e-12 * max(abs(rates).max(), 1e-30):
        return None  # one rate throughout: the two laws are one
    laws = {side: _law(rates, grads, u) for side, u in updates.items()}
    if None in laws.values() or laws["numpy"][0] == laws["torch"][0]:
        return None
    (mine, mu), (theirs, _) = laws["numpy"], laws["torch"]
    text = (f"The learning rate moves ({', '.join(f'{r:.4g}' for r in rates)}, read off the port's optimizer), and the "
            f"two programs write momentum (μ = {mu:.4g}) in the two ways that part when it does: the NumPy program's updates "
            f"of {parameter} follow {LAWS[mine]}, the port's {LAWS[theirs]} (each law fitted to the side's own updates "
            f"and the port's gradients, steps 1 to {len(rates)}).")
    return Finding("update-law", text, {"step": step, "parameter": parameter, "stage": "update", "numpy_law": mine,
                                        "torch_law": theirs, "side": "both"},
                   "Write momentum the same way in both programs (torch.optim.SGD keeps the rate outside the velocity).", 0.9)


def _law(rates: np.ndarray, grads: np.ndarray, updates: np.ndarray) -> tuple[str, float] | None:
    """The one law (with its μ) the updates follow, where exactly one holds."""
    held = []
    for name in LAWS:
        if name == "outside":
            now, before, driven = updates[1:] / rates[1:, None], updates[:-1] / rates[:-1, None], -grads[1:]
        else:
            now, before, driven = updates[1:], updates[:-1], -rates[1:, None] * grads[1:]
        target = (now - driven).ravel()
        mu = float(before.ravel() @ target / max(float(before.ravel() @ before.ravel()), 1e-300))
        residual = np.abs(target - mu * before.ravel()).max() / max(float(np.abs(now).max()), 1e-300)
        if residual <= HOLDS and 0.0 < mu < 1.0 + 1e-9:  # μ = 1 (a plain sum) in rounding either side of 1
            held.append((name, mu))
    return held[0] if len(held) == 1 else None


def _history(setup: Any, built: Any, steps: int, parameter: str):
    """lr_t, g_t and each side's u_t of the parameter at steps 1..steps, in lockstep from shared starts."""
    pair = next((p for p in built.pairs if p.name == parameter), None)
    if pair is None:
        return None
    rates, grads, updates = [], [], {"numpy": [], "torch": []}

    def rate_read(port: Any) -> nullcontext:  # the rate the port's step runs at, read as it begins
        rates.append(_rate(port, pair.torch))
        return nullcontext()

    for _, a, b, torch_side in lockstep(setup, built, steps, rate_read):
        gradient = (torch_side.gradients() or {}).get(parameter)
        if gradient is None or rates[-1] is None:
            return None
        grads.append(np.asarray(gradient, np.float64).ravel())
        updates["numpy"].append(np.asarray(a[f"{parameter}.update"], np.float64).ravel())
        updates["torch"].append(np.asarray(b[f"{parameter}.update"], np.float64).ravel())
    return np.array(rates), np.array(grads), {k: np.array(v) for k, v in updates.items()}


def _rate(port: Any, name: str) -> float | None:
    """The learning rate of the port's parameter group that holds the named parameter (the first group otherwise)."""
    groups = getattr(port.names.get("optimizer"), "param_groups", None)
    if not groups:
        return None
    tensor = dict(port.names["model"].named_parameters()).get(name)
    return float(next((g for g in groups if any(p is tensor for p in g["params"])), groups[0])["lr"])
