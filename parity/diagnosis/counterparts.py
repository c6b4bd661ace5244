"""Where the forward passes part and the first ops past the shared value say nothing, the values each side makes
next are often the same quantity computed otherwise (attention weights, a pooled feature, a prediction). The NumPy
value and the port's of its shape are read entry by entry, and the pattern of their difference is said:

    the same entries, axes exchanged      a reshape or view laying the entries out in another order
    zeros on one side only                an entry masked on one side, or masked with a fill that still weighs it
    one number per row apart              a per-row shift (k·log of a row's count) or a per-row factor
    the same rows in another order        halves interleaved where the other side lays them in blocks
    unit norm over other axes             rows normalised on one side, the whole array on the other
    one side's (n,) the other's (n, n)    an index that pairs every row with every label, where each row takes its own
      diagonal
    one factor on each label's entries    a weight per class on one side (α_t: α on the positives, 1 - α on the
                                          negatives) where the other weighs every entry alike
"""

from __future__ import annotations

import re

from itertools import permutations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees, describe
from parity.diagnosis.written_readings import roots

FIRST = 24  # the departing NumPy values read, in the order computed
MOST_ROWS = 1024  # rows matched pairwise for an order
MASK_FILL = 1e6  # a number this far below zero is a mask's fill (-1e9 standing for -inf)


def counterpart_apart(departing: list[Value], after: list[Value], trace: Trace, tolerance: float,
                      start: tuple[Value, Value] | None = None) -> str:
    """The first departing NumPy value and port value of its shape whose difference has one of the patterns; `start`,
    the shared value and the port's twin of it, where the two hold it in other layouts (channels last and first)."""
    for mine in departing[:FIRST]:
        if said := _diagonal_of(mine, after, tolerance):
            return said
        if mine.array.ndim >= 2 and (said := next(filter(None, (_filled_otherwise(mine, theirs, tolerance) for theirs in after
                                                                 if theirs.array.shape == mine.array.shape)), "")):
            return said
        if mine.array.ndim < 2 or mine.array.size < 4 or not np.all(np.isfinite(mine.array)):
            continue
        for theirs in (v for v in after if v.array.shape == mine.array.shape and np.all(np.isfinite(v.array))):
            if agrees(mine.array, theirs.array, tolerance):
                continue
            if said := _joined_otherwise(mine, theirs, trace, tolerance) or _exchanged(mine, theirs, tolerance, start) or \
                    _rows_reordered(mine, theirs, tolerance) or \
                    _unit_over(mine, theirs) or _zeros_one_side(mine, theirs, tolerance) or _per_row(mine, theirs, trace, tolerance):
                return said
    return ""


def weighted_by_label(departing: list[Value], after: list[Value], trace: Trace, tolerance: float) -> str:
    """The first departing NumPy value that is a port value weighted per label (`_weighted_by_label`)."""
    return next((said for mine in departing[:FIRST] if (said := _weighted_by_label(mine, after, trace, tolerance))), "")


def _weighted_by_label(mine: Value, after: list[Value], trace: Trace, tolerance: float) -> str:
    """A NumPy value that is the port's of its shape times one number on the entries where a 0/1 array made from y is
    1 and another where it is 0: a weight per class on one side (a focal loss's α_t), one weight on the other."""
    if mine.array.size < 4 or not np.all(np.isfinite(mine.array)):
        return ""
    labels = [v for v in trace.values[:mine.index] if v.array.shape == mine.array.shape and "y" in roots(trace, v.index)
              and np.all((v.array == 0) | (v.array == 1)) and 0 < v.array.sum() < v.array.size]
    for theirs in (v for v in after if v.array.shape == mine.array.shape and np.all(np.abs(v.array) > 1e-12)):
        ratio = mine.array / theirs.array
        for label in labels[-4:]:
            on, off = ratio[label.array == 1], ratio[label.array == 0]
            a, b = float(np.median(on)), float(np.median(off))
            if min(abs(a), abs(b)) < 1e-3 * max(abs(a), abs(b)):
                continue  # a weight of 0 on one label is a product with the labels (a target's term), no class weight
            if abs(a - b) > 1e-3 * max(abs(a), abs(b)) and np.allclose(on, a, rtol=tolerance * 10, atol=0) and \
                    np.allclose(off, b, rtol=tolerance * 10, atol=0):
                return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} times {a:.4g} where its "
                        f"{describe(label)} (made from y) is 1 and {b:.4g} where it is 0: a weight per class on one side "
                        "(a focal loss's α_t, α on the positives and 1 - α on the negatives; a class weight) where the "
                        "other weighs every entry alike.")
    return ""


def _diagonal_of(mine: Value, after: list[Value], tolerance: float) -> str:
    """A NumPy (n,) value that is the diagonal of a port (n, n) value: the port indexes with one array (x[:, idx]),
    pairing every row with every row's label, where the NumPy program pairs each row with its own (x[arange(n), idx])."""
    n = mine.array.size
    if mine.array.ndim != 1 or n < 4 or not np.all(np.isfinite(mine.array)) or np.ptp(mine.array) == 0:
        return ""
    for theirs in after:
        square = theirs.array
        if square.shape == (n, n) and agrees(mine.array, np.diagonal(square), tolerance) and \
                not agrees(np.broadcast_to(mine.array, (n, n)), square, tolerance):
            return (f"The NumPy program's {describe(mine)} is the diagonal of the port's {describe(theirs)}: the port "
                    f"pairs every one of the {n} rows with every row's index (x[:, idx], an (n, n) result that then "
                    "broadcasts through the loss), where the NumPy program pairs each row with its own "
                    "(x[arange(n), idx]).")
    return ""


JOINS = {"concatenate": None, "hstack": 1, "vstack": 0, "column_stack": 1}  # a join's axis, where its name says it


def _joined_otherwise(mine: Value, theirs: Value, trace: Trace, tolerance: float) -> str:
    """The NumPy program's join of some parts, where the port's value is the same parts joined in another order
    (torch.cat([e, u]) against np.concatenate([u, e]): the channels a skip connection brings, first on one side)."""
    op = mine.op.removesuffix(" (in place)")
    parts = [trace.values[i] for i in mine.inputs if isinstance(i, int)]
    if op not in JOINS or len(parts) < 2 or len(parts) > 4 or len(parts) != len(mine.inputs):
        return ""
    found = re.search(r"axis=(-?\d+)", mine.detail)
    axis = int(found.group(1)) if found else JOINS[op] or 0
    for order in permutations(range(len(parts))):
        if order == tuple(range(len(parts))):
            continue
        try:
            joined = np.concatenate([parts[k].array for k in order], axis=axis)
        except ValueError:
            return ""
        if joined.shape == theirs.array.shape and agrees(joined, theirs.array, tolerance):
            listed = ", ".join(describe(p) for p in parts)
            return (f"The port's {describe(theirs)} joins the NumPy program's parts of its {describe(mine)} ({listed}) along "
                    f"axis {axis} in another order ({', '.join(str(k + 1) for k in order)}): the same parts joined in "
                    "another order on one side (a skip connection's channels first where they come last), which the "
                    "layer after it reads as other inputs.")
    return ""


def _exchanged(mine: Value, theirs: Value, tolerance: float, start: tuple[Value, Value] | None) -> str:
    """Axes exchanged, unless the shared value itself is held in other axis orders: a layout kept throughout."""
    a, b = mine.array, theirs.array
    if start is not None and start[0].array.shape != start[1].array.shape:
        return ""  # channels last against channels first from the start: their values are laid out otherwise throughout
    for order in permutations(range(1, a.ndim)):
        axes = (0, *order)
        if axes != tuple(range(a.ndim)) and b.transpose(axes).shape == a.shape and agrees(a, b.transpose(axes), tolerance):
            moved = [k for k in range(a.ndim) if axes[k] != k]
            return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} with axes "
                    f"{', '.join(map(str, moved))} exchanged: the same entries laid out in another order (a view or "
                    "reshape to one axis order and a transpose on one side, where the other reads the entries as they lie).")
    rows_a, rows_b = a.reshape(len(a), -1), b.reshape(len(b), -1)
    if np.all(np.ptp(rows_a, axis=1) > 0) and agrees(np.sort(rows_a, axis=1), np.sort(rows_b, axis=1), tolerance):
        return (f"Each row of the NumPy program's {describe(mine)} holds the same numbers as the port's {describe(theirs)}, "
                "in another order: the entries laid out otherwise on one side (flat columns read as (C, L) on one side "
                "and (L, C) on the other, a reshape in another axis order).")
    return ""


def _rows_reordered(mine: Value, theirs: Value, tolerance: float) -> str:
    """Every row of the NumPy value one row of the port's, in another order: the rows stacked otherwise (two halves
    interleaved by stack-and-reshape where concatenate lays them in blocks)."""
    a, b = mine.array.reshape(len(mine.array), -1), theirs.array.reshape(len(theirs.array), -1)
    if not 4 <= len(a) <= MOST_ROWS or len(np.unique(a, axis=0)) < len(a):
        return ""  # rows repeated: no order to read
    scale = max(float(np.abs(b).max()), 1e-30)
    apart = np.abs(a[:, None, :] - b[None, :, :]).max(axis=2)
    order = apart.argmin(axis=1)
    if not np.all(apart[np.arange(len(a)), order] <= tolerance * scale) or len(set(order.tolist())) < len(a) or \
            np.array_equal(order, np.arange(len(a))):
        return ""
    halves = np.concatenate([np.arange(len(a) // 2) * 2, np.arange(len(a) // 2) * 2 + 1])  # a0, b0, a1, b1, …
    interleaved = len(a) % 2 == 0 and np.array_equal(order, halves)
    blocks = len(a) % 2 == 0 and np.array_equal(np.argsort(order), halves)
    how = (": the NumPy program lays the two halves in blocks (concatenate: a0, a1, …, b0, b1, …), the port interleaves "
           "them (a0, b0, a1, b1, …: a stack along a new axis 1, then a reshape)" if interleaved else
           ": the port lays the two halves in blocks (concatenate), the NumPy program interleaves them (a stack along a "
           "new axis 1, then a reshape)" if blocks else "")
    return (f"The NumPy program's {describe(mine)} holds the port's {describe(theirs)} rows in another order (its row i "
            f"is the port's row {', '.join(map(str, order[:6].tolist()))}, … for i = 0, 1, …){how}.")


def _unit_over(mine: Value, theirs: Value) -> str:
    """Each side's value of unit L2 norm over other axes: rows normalised on one side, the whole array (or each
    column) on the other (x / x.norm() where F.normalize(x, dim=1) was meant)."""
    def units(array: np.ndarray) -> list[str]:
        flat = array.reshape(len(array), -1)
        norms = {"each row": np.linalg.norm(flat, axis=1), "each column": np.linalg.norm(flat, axis=0),
                 "the whole array": np.array([np.linalg.norm(flat)])}
        return [where for where, n in norms.items() if np.allclose(n, 1.0, rtol=1e-4, atol=0)]
    numpy_units, port_units = units(mine.array), units(theirs.array)
    if not numpy_units or not port_units or set(numpy_units) & set(port_units):
        return ""
    return (f"The NumPy program's {describe(mine)} has unit L2 norm over {numpy_units[0]}, the port's {describe(theirs)} "
            f"over {port_units[0]}: the two programs normalise over other axes (a norm of the whole batch where one per "
            "row was meant, or the axis of the norm otherwise).")


def _filled_otherwise(mine: Value, theirs: Value, tolerance: float) -> str:
    """Entries -inf on one side (left out of a softmax) where the other holds one finite fill (0: masked by a product
    with the mask, which a softmax still weighs by exp(0) = 1), every other entry the same."""
    for a, b, side, other in ((mine.array, theirs.array, "the NumPy program's", "the port's"),
                              (theirs.array, mine.array, "the port's", "the NumPy program's")):
        masked = np.isneginf(a)
        if not masked.any() or not np.all(np.isfinite(b)) or np.ptp(b[masked]) > 0 or not np.all(np.isfinite(a[~masked])):
            continue
        scale = max(float(np.abs(b).max()), 1e-30)
        if np.all(np.abs(a[~masked] - b[~masked]) <= tolerance * scale):
            named = (describe(mine), describe(theirs)) if side.startswith("the NumPy") else (describe(theirs), describe(mine))
            return (f"Where they part, {side} {named[0]} is -inf on {int(masked.sum())} of {masked.size} entries, where "
                    f"{other} {named[1]} holds {float(b[masked][0]):g} (every other entry the same): those entries are "
                    f"left out of a softmax on one side and kept on the other with the value {float(b[masked][0]):g} "
                    "(masked by a product with the mask, or masked_fill with 0, where -inf belongs).")
    return ""


def _zeros_one_side(mine: Value, theirs: Value, tolerance: float) -> str:
    """Only where the rows with no such zero agree throughout (one quantity, a mask apart on some rows), not two
    values of a shape that never meet (a stable softmax's z - max, 0 on every row, against z)."""
    scale = max(float(np.abs(theirs.array).max()), 1e-30)
    same = (np.abs(mine.array - theirs.array) <= tolerance * scale).reshape(len(mine.array), -1)
    for zeros, other, side, rest in ((mine.array == 0, theirs.array == 0, "the NumPy program's", "the port's"),
                                     (theirs.array == 0, mine.array == 0, "the port's", "the NumPy program's")):
        only = zeros & ~other
        filled = (theirs.array if side.startswith("the NumPy") else mine.array)[only]
        if only.any() and np.all(filled <= -MASK_FILL):
            continue  # the other side holds a mask's fill there (-1e9, -inf), whose exp is this 0: one mask on both
        clean = ~only.reshape(len(only), -1).any(axis=1)
        shared = mine.array.reshape(len(mine.array), -1)[clean]
        if only.any() and not (other & ~zeros).any() and clean.any() and same[clean].all() and np.any(shared != 0):  # rows
            # that agree only where both are 0 (a target of zeros against a max(z, 0)) are no quantity shared
            named = (describe(mine), describe(theirs)) if side.startswith("the NumPy") else (describe(theirs), describe(mine))
            return (f"Where they part, {side} {named[0]} is 0 on {int(only.sum())} of {only.size} entries where {rest} "
                    f"{named[1]} is not ({rest} is 0 nowhere {side} is not): those entries are masked on one side only, "
                    "or masked on the other with a fill that still gives them weight (masked_fill with 0 before a softmax, "
                    "where -inf belongs).")
    return ""


def _per_row(mine: Value, theirs: Value, trace: Trace, tolerance: float) -> str:
    a, b = mine.array.reshape(len(mine.array), -1), theirs.array.reshape(len(theirs.array), -1)
    if a.shape[1] < 2:
        return ""
    scale = max(float(np.abs(b).max()), 1e-30)
    shift = a - b
    if np.all(np.ptp(shift, axis=1) <= tolerance * scale) and np.ptp(shift[:, 0]) > tolerance * scale and \
            ((counted := _log_count(shift[:, 0], trace)) or np.any(np.abs(shift[:, 0]) <= tolerance * scale)):
        # some rows the same, or a law for the shift: not a stable softmax's z - max against z
        return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} plus one number per row (in "
                f"[{shift[:, 0].min():.4g}, {shift[:, 0].max():.4g}]){counted}: a per-row shift "
                "on one side.")
    nonzero = (np.abs(b) > tolerance * scale) & (np.abs(a) > tolerance * scale)
    if not np.all(nonzero.sum(axis=1) >= 2) or not np.array_equal(nonzero, (a != 0) | (b != 0)):
        return ""
    factor = np.where(nonzero, a / np.where(nonzero, b, 1.0), np.nan)
    per_row = np.nanmean(factor, axis=1)
    if np.nanmax(np.abs(factor - per_row[:, None])) > 1e-5 * max(float(np.abs(per_row).max()), 1e-30) or \
            np.ptp(per_row) <= 1e-5 * float(np.abs(per_row).max()) or not np.any(np.abs(per_row - 1) <= 1e-5):
        # some rows the same: one quantity normalised otherwise on the rest, not exp(z) against its softmax
        return ""
    sums = [np.allclose(x.sum(axis=1), 1.0, rtol=0, atol=1e-5) for x in (a, b)]
    summed = ("; the port's rows sum to 1, the NumPy program's do not: normalised over other entries (a sum taken "
              "before a mask, or over padding)" if sums == [False, True] else "; the NumPy program's rows sum to 1, "
              "the port's do not: normalised over other entries (a sum taken before a mask, or over padding)"
              if sums == [True, False] else "")
    return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} times one number per row (in "
            f"[{per_row.min():.4g}, {per_row.max():.4g}]){summed}.")


def _log_count(shift: np.ndarray, trace: Trace) -> str:
    """The per-row shift as k·log(c), c a row's count of a 0/1 array of the NumPy program (a mask's real entries)."""
    for value in trace.values:
        array = value.array
        if array.ndim < 1 or len(array) != len(shift) or array.size == len(shift) or not np.all((array == 0) | (array == 1)):
            continue
        counts = array.reshape(len(array), -1).sum(axis=1)
        if np.all(counts > 1) and np.ptp(counts) > 0:
            k = float(np.dot(shift, np.log(counts)) / np.dot(np.log(counts), np.log(counts)))
            if np.allclose(shift, k * np.log(counts), rtol=1e-4, atol=1e-6):
                return (f", {k:.4g}·log of each row's count of the 0/1 {describe(value)} ({int(counts.min())} to "
                        f"{int(counts.max())}): a log of a count on one side only, a log-sum-exp against a log-mean-exp")
    return ""
