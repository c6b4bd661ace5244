"""A NumPy backward value that parts from the port's gradient only where one of the program's bounded values (a
clip, max(0, ·)) sits at its bound: the bound's derivative, 0 there, applied on one side and not on the other. Where
the NumPy program's value is the zero, the port lets the gradient through (a straight-through estimator written on the
unclamped value); where the port's is, the NumPy program takes the bound's gradient as if it never bit."""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.op_words import op_text
from parity.diagnosis.value_trace import Trace, Value, describe

BOUNDS = {"maximum", "minimum", "clip", "fmax", "fmin"}
PORT_BOUNDS = {"relu", "relu_", "clamp", "clamp_", "clip", "hardtanh", "relu6", "threshold", "maximum", "minimum"}
PORT_PASSES = "the port passes the gradient through where the bound's derivative is 0"  # a port-side reading's words


def where_bound(mine: Value, theirs: Value, trace: Trace, tolerance: float, name: Callable[[Value], str],
                port_trace: Trace | None = None) -> str:
    """The delta departs from the reference's gradient only at entries where one of the program's own bounded values
    (max(0, m - d), a clip) sits at its bound (two or more, the bound not nearly everywhere): the bound's derivative,
    0 there, is not applied."""
    scale = max(float(np.abs(theirs.array).max(initial=0.0)), 1e-30)
    off = np.abs(mine.array - theirs.array) > tolerance * scale
    if not off.any() or off.all():
        return ""
    for bounded in (v for v in trace.values[:mine.index] if v.op.removesuffix(" (in place)") in BOUNDS
                    and v.array.shape == mine.array.shape):
        numbers = [i for i in bounded.inputs if isinstance(i, float)]
        at_bound = np.isin(bounded.array, numbers) if numbers else np.zeros_like(off)
        if off.sum() >= 2 and not np.any(off & ~at_bound) and at_bound.mean() < 0.9:  # every departing entry at the bound
            if not np.any(mine.array[off]):  # the NumPy program's zero there, the port's not: the port lets it through
                if port_trace is not None and _after_a_bound(theirs, port_trace):
                    return ""  # a gradient taken after the port's own bound: its mask is applied below it, not skipped
                return (f"{name(theirs)[0].upper()}{name(theirs)[1:]} is the NumPy program's {describe(mine)} except at "
                        f"{int(off.sum())} of its {off.size} entries, each one where the NumPy program's "
                        f"{op_text(bounded, trace)} sits at its bound ({', '.join(f'{n:g}' for n in numbers)}) and its "
                        f"gradient is 0: {PORT_PASSES} (a straight-through estimator or surrogate written on the "
                        "unclamped value, x + (q(x) - x).detach() where clamp(x) belongs, or a clamp's mask left out).")
            return (f"The NumPy program's {describe(mine)} is {name(theirs)} except at {int(off.sum())} of its {off.size} "
                    f"entries, each one where its own {op_text(bounded, trace)} sits at its bound ({', '.join(f'{n:g}' for n in numbers)}): "
                    "there the bound's derivative, 0, is not applied (a hinge's or clip's gradient taken as if it never bit: "
                    "max(0, x)'s derivative is 1 only where x > 0).")
    return ""


def _after_a_bound(gradient: Value, port_trace: Trace, reach: int = 4) -> bool:
    """The port's value the gradient is taken at is made from one of its own bounds (a ReLU, a clamp) through a few
    elementwise ops (a dropout's mask and scale): back-propagation applies that bound's derivative further down, so the
    gradient there is no gradient let through it."""
    if gradient.op != "grad" or not gradient.inputs or not isinstance(gradient.inputs[0], int):
        return False
    value = port_trace.values[gradient.inputs[0]]
    for _ in range(reach):
        if value.op.removesuffix(" (in place)") in PORT_BOUNDS:
            return True
        same = [port_trace.values[i] for i in value.inputs if isinstance(i, int) and port_trace.values[i].array.shape == value.array.shape]
        if not same:
            return False
        value = same[0]
    return False


def clipped_on_one_side(mine: Value, theirs: Value, rows: int, name: Callable[[Value], str]) -> str:
    """The reference's gradient is the NumPy program's delta clipped to ±c (two or more entries beyond c, the rest
    equal): the NumPy derivative lacks the clip (a Huber loss's linear region, a gradient clipped by value); c said
    with the rows of a mean where c·rows is a round number (a δ over the batch)."""
    a, b = np.ravel(mine.array), np.ravel(theirs.array)
    c = float(np.abs(b).max(initial=0.0))
    beyond = np.abs(a) > c * (1 + 1e-4)
    inside = (np.abs(b) > 1e-6 * c) & (np.abs(b) < c * (1 - 1e-3))  # entries the clip lets through as they are
    if c == 0 or beyond.sum() < 2 or beyond.all() or inside.sum() < 2 or \
            not np.allclose(np.clip(a, -c, c), b, rtol=1e-4, atol=1e-6 * c):
        return ""  # every non-zero entry at ±c: one weight per entry (a loss's constant derivative), no clip shown
    whole = c * rows
    over = f" = {whole:.4g}/{rows}, a bound of {whole:.4g} over the mean's {rows} rows" if rows > 1 and abs(whole - round(whole, 2)) <= 1e-4 * whole else ""
    return (f"{name(theirs)[0].upper()}{name(theirs)[1:]} is the NumPy program's {describe(mine)} clipped to ±{c:.4g}{over}: "
            f"equal on {int((~beyond).sum())} of its {a.size} entries, and at ±{c:.4g} on the {int(beyond.sum())} where the "
            "NumPy program's lies beyond: the NumPy derivative lacks that clip (a Huber loss's linear region, where the "
            "derivative is ±δ, or a gradient clipped by value on the other side).")
