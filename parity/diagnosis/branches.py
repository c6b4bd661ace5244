"""A NumPy gradient that is the port's except on the entries one branch of a piecewise function takes: the
entries where it parts are those where one of the NumPy program's comparisons holds (|x| < β in a smooth L1, x > 0
in a ReLU, |x| > k in a clip), and there it is the port's times one factor, or something else. The derivative of
that branch is written otherwise.

    mine[i] = theirs[i]  where not c[i]          mine[i] ≠ theirs[i]  only where c[i]   (c a comparison's mask)
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.ratios import ratio_meaning, written_form
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

COMPARISONS = {"less", "less_equal", "greater", "greater_equal", "equal", "not_equal"}
CLOSE = 1e-5  # relative to the gradient's largest entry


def branch_apart(values: list[Value], trace: Trace, other: Trace, name: Callable[[Value], str]) -> str:
    """The first departing value that parts from one of the port's gradients of its size only inside one of the
    NumPy program's comparison masks, said with the mask and the factor there (if one)."""
    masks = [v for v in trace.values if v.op in COMPARISONS and 0 < np.count_nonzero(v.array) < v.array.size]
    for mine in (v for v in values if v.op not in COMPARISONS and not np.isin(v.array, (0.0, 1.0)).all()):
        for theirs in (g for g in port_gradients(other) if g.array.size == mine.array.size and np.any(g.array)):
            a, b = mine.array.reshape(-1), theirs.array.reshape(-1)
            differ = np.abs(a - b) > CLOSE * max(float(np.abs(b).max()), 1e-30)
            if not differ.any() or differ.all() or _term_added(mine, b, trace):
                continue
            for mask, holds in ((m, h) for m in masks if m.array.size == a.size for h in (True, False)):
                inside = (mask.array.reshape(-1) != 0) == holds  # the branch where it holds, or the other one
                live = inside & ((a != 0) | (b != 0))  # the branch's entries that carry a gradient at all
                outside = ~inside & (b != 0)  # the other branch agrees where it carries a gradient: not a gate's zeros
                if np.any(differ & ~inside) or differ.sum() < 0.5 * live.sum() or outside.sum() < max(3, 0.2 * (~inside).sum()):
                    continue
                said = (f"The NumPy program's {describe(mine)} is {name(theirs)} except at {int(differ.sum())} entries, "
                        f"all where its {describe(mask)} {'holds' if holds else 'does not hold'} ({int(inside.sum())} entries)")
                factor = _factor(a[differ], b[differ], trace) or _value_factor(a, b, differ, trace, mine.index)
                if not holds and not factor:
                    continue  # the branch where a comparison fails is read only with a factor measured there: a mask's
                    # zeros (a support's outside) part from a gradient in many ways a factor does not show
                if not factor and (term := _one_constant(a[differ] - b[differ])) is not None:
                    return (f"{said}, and there it is the port's {'plus' if term > 0 else 'less'} {abs(term):.6g} at every one of them: a term of the gradient "
                            "that is one constant on that branch (an L1 penalty's λ·sign(x), a hinge's slope), left out "
                            "there or with another weight (its 1/n, its λ), not a branch's derivative.")
                return f"{said}: the derivative of that branch of the piecewise function is written otherwise{factor}, the other branch's is right."
    return ""


def _one_constant(difference: np.ndarray) -> float | None:
    """The one number every entry of a difference is (a constant term's), None where they differ."""
    k = float(np.median(difference))
    return k if difference.size >= 3 and k != 0 and np.max(np.abs(difference - k)) <= 1e-4 * abs(k) else None


def _term_added(mine: Value, theirs: np.ndarray, trace: Trace) -> bool:
    """A sum one of whose terms is the port's gradient: what parts is the other term, added, not a branch's derivative."""
    if mine.op not in ("add", "subtract"):
        return False
    scale = CLOSE * max(float(np.abs(theirs).max()), 1e-30)
    return any(isinstance(i, int) and trace.values[i].array.size == theirs.size
               and np.all(np.abs(trace.values[i].array.reshape(-1) - theirs) <= scale) for i in mine.inputs)


def _factor(a: np.ndarray, b: np.ndarray, trace: Trace) -> str:
    nonzero = b != 0
    if not nonzero.any():
        return ""
    ratios = a[nonzero] / b[nonzero]
    k = float(np.median(ratios))
    if k == 0 or np.max(np.abs(ratios - k)) > 1e-4 * abs(k):
        return ""
    said = ratio_meaning(k, 1)
    found = written_form(k, trace.values)
    forms = {"n": "the number", "1/n": "one over the number", "n²": "the square of the number", "1/n²": "one over the square of the number"}
    where = f", {forms[found[2]]} {found[1]:g} the program writes" if found else ""
    return f" (there it is {k:.6g} times the port's{where}{f': {said[1]}' if said else ''})"


def _value_factor(a: np.ndarray, b: np.ndarray, differ: np.ndarray, trace: Trace, before: int) -> str:
    """The ratio on the branch's entries one of the program's own values there, or one over it (y/λ - 1 where y - λ
    belongs: dλ/dη = λ left out): a factor of the chain rule left out or applied on that branch."""
    live = differ & (b != 0)
    if live.sum() < 3:
        return ""
    ratios = a[live] / b[live]
    for value in (v for v in trace.values[:before] if v.array.size == a.size and v.op not in ("X", "y")):
        entries = value.array.reshape(-1)[live]
        if np.ptp(entries) == 0 or np.any(entries == 0):
            continue
        for k, words in ((entries, "times"), (1 / entries, "divided by")):
            if np.allclose(ratios, k, rtol=1e-4, atol=0):
                return (f" (there it is the port's {words} its {describe(value)}, entry by entry: a factor of the chain rule "
                        f"{'applied there again' if words == 'times' else 'left out there'}: a derivative through the op that "
                        "makes that value, as exp's is exp itself, or a share or weight the branch carries)")
    return ""


def branches_exchanged(departing: list[Value], trace: Trace, other: Trace, tolerance: float) -> str:
    """A departing np.where(c, a, b) of the NumPy program that is, with its two branches exchanged, one of the port's
    values: the branches taken the other way round on one side (a comparison's sense flipped, y > 0 for y == 0)."""
    for mine in (v for v in departing[:40] if v.op == "where" and len(v.inputs) == 3):
        c, a, b = (trace.values[i].array if isinstance(i, int) else i for i in mine.inputs)
        if any(isinstance(x, str) for x in (c, a, b)):
            continue
        swapped = np.broadcast_to(np.where(np.asarray(c) != 0, b, a), mine.array.shape)
        if np.allclose(swapped, mine.array, rtol=1e-9, atol=0):
            continue  # the branches agree where they are taken: exchanging them shows nothing
        theirs = next((v for v in other.values if v.array.shape == mine.array.shape and agrees(swapped, v.array, tolerance)
                       and not agrees(mine.array, v.array, tolerance)), None)
        if theirs is not None:
            return (f"The NumPy program's {describe(mine)}, with its two branches exchanged (np.where(c, b, a) for "
                    f"np.where(c, a, b)), is the port's {describe(theirs)}: the two take the branches the other way round "
                    "(a comparison's sense flipped on one side, y > 0 where y == 0 belongs, or the branches written in the "
                    "other order).")
    return ""
