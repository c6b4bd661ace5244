"""Each tensor's update measured by a norm, on each side, over the steps: a law that holds on one side only.

An optimizer that scales each tensor's step by a norm leaves that norm's mark on every update it makes:

    trust ratio (LAMB, LARS)    ‖Δ_p‖ / ‖w_p‖ is one number for every tensor at a step (lr_t)
    a cap on the update's L2    ‖Δ_p‖ is one number for the tensors it binds (lr·d)
    a cap on the update's RMS   ‖Δ_p‖ / √n_p is one number for the tensors it binds (Adafactor's clip)

Where one side's updates follow such a law at every step read and the other side's do not, the two scale each
tensor's step by another norm. Nothing is modelled: the laws are read off both sides' own updates.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from parity.diagnosis.replays import lockstep

SAME = 1e-5  # relative: two tensors' norms one number
STEPS = 4  # steps read from the failing one
LAWS: dict[str, tuple[Callable[[np.ndarray, np.ndarray], float], str]] = {
    "trust": (lambda update, before: float(np.linalg.norm(update) / np.linalg.norm(before)),
              "‖Δ‖ / ‖w‖ is one number for every tensor it scales at each step (the weight matrices, where the biases are left "
              "out of it): a trust ratio ‖w‖ / ‖step‖ scales each layer's step "
              "(LAMB, LARS)"),
    "norm": (lambda update, before: float(np.linalg.norm(update)),
             "‖Δ‖, the update's L2 norm, is one number for the tensors it binds: the update is capped by its L2 norm"),
    "rms": (lambda update, before: float(np.linalg.norm(update) / np.sqrt(update.size)),
            "‖Δ‖ / √n, the update's RMS, is one number for the tensors it binds: the update is capped by its root mean "
            "square (Adafactor's clipping)"),
    "relative norm": (lambda update, before: float(np.linalg.norm(update) / _rms(before)),
                      "‖Δ‖ / RMS(w), the update's L2 norm over the weight's scale, is one number for the tensors it binds: "
                      "the update is capped by its L2 norm, then scaled by the weight's RMS (a relative step)"),
    "relative rms": (lambda update, before: float(_rms(update) / _rms(before)),
                     "RMS(Δ) / RMS(w) is one number for the tensors it binds: the update is capped by its root mean square, "
                     "then scaled by the weight's RMS (Adafactor's clipping and relative step)"),
}
RELATIVE = ("trust", "relative norm", "relative rms")  # laws read on tensors whose weight is not all zeros


def _rms(array: np.ndarray) -> float:
    return float(np.sqrt(np.mean(array * array)))


def update_norm_law(setup: Any, built: Any, step: int) -> tuple[str, str | None] | None:
    """(said, the side whose updates break a trust ratio's law the other's keep), or None. A trust ratio's law holds
    whatever norm the direction has, ‖Δ‖ = lr·‖w‖, so the side that breaks it took its ratio from another vector than
    the step it applies; a cap says no side (either may be meant)."""
    updates: dict[str, list[list[tuple[np.ndarray, np.ndarray]]]] = {"numpy": [], "torch": []}
    for t, mine, theirs, _ in lockstep(setup, built, step + STEPS - 1):
        if t < step:
            continue
        for side, record in (("numpy", mine), ("torch", theirs)):
            updates[side].append([(np.asarray(record[f"{p.name}.update"], np.float64),
                                   np.asarray(record[p.name], np.float64) - np.asarray(record[f"{p.name}.update"], np.float64))
                                  for p in built.pairs])
    held = {name: {side: _holds(_matrices(steps) if name == "trust" else steps, measure, every=name == "trust",
                                weighed=name in RELATIVE) for side, steps in updates.items()} for name, (measure, _) in LAWS.items()}
    apart = [name for name, sides in held.items() if sides["numpy"] != sides["torch"]]
    if not apart:
        return None
    first = apart[0]
    keeps, breaks = ("NumPy program", "torch") if held[first]["numpy"] else ("port", "numpy")
    other = next((name for name in apart[1:] if held[name]["numpy" if breaks == "numpy" else "torch"]), None)
    theirs = (f"; the other program's keep another: {LAWS[other][1]}" if other else
              f" (the other side's {'trust ratio taken from another norm' if first == 'trust' else 'cap taken on another norm, or none'})")
    return (f"Read over steps {step} to {step + STEPS - 1}, the {keeps}'s updates keep a law the other program's do not: "
            f"{LAWS[first][1]}. The two programs scale each tensor's step by another norm{theirs}.",
            breaks if first == "trust" else None)


def _matrices(steps: list[list[tuple[np.ndarray, np.ndarray]]]) -> list[list[tuple[np.ndarray, np.ndarray]]]:
    """The weight matrices' updates alone, where there are two or more: LAMB and LARS leave biases out of the ratio."""
    kept = [[(u, w) for u, w in tensors if u.ndim >= 2] for tensors in steps]
    return kept if kept and all(len(tensors) >= 2 for tensors in kept) else steps


def _holds(steps: list[list[tuple[np.ndarray, np.ndarray]]], measure: Callable, every: bool, weighed: bool) -> bool:
    """Whether at every step read, the tensors that move share the measure's value: all of them (`every`: a trust ratio,
    tensors with a weight of norm 0 left out), or at least two at the largest value (a cap)."""
    for tensors in steps:
        values = [measure(u, w) for u, w in tensors if np.any(u) and (not weighed or np.any(w))]
        if len(values) < 2:
            return False
        values = np.array(values)
        top = values.max()
        at_top = np.abs(values - top) <= SAME * top
        if (every and not at_top.all()) or at_top.sum() < 2:
            return False
    return bool(steps)
