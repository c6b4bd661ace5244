"""Rows meeting rows they should not. A (n,) array against an (n, 1) one broadcasts into an (n, n) matrix, every row's
value meeting every other row's (a weight or a target of shape (n,) where (n, 1) was meant). And one row of the data
where the whole batch belongs: a loop over the rows (`for x, y in zip(X, y)`, to log each
row's error) rebinds the batch's name to each row in turn, and the vectorised step after it broadcasts the last row
against every row. Read from the traced values: an input that is one row of X or y (an iteration's y[i], or a smaller
view never noted) in a value with the batch's rows."""

from __future__ import annotations

import re

from parity.diagnosis.finding import Finding
from parity.diagnosis.value_trace import Trace, Value


def bound_part(trace: Trace, region: list[int]) -> str:
    """A part of X or y the program never indexed (a row an iteration bound to a name) broadcast against the batch's
    rows in a departing value: `for x, y in zip(X, y)` leaves y bound to the last row, and every row is then trained
    towards it."""
    for index in region:
        value = trace.values[index]
        for root, shape in _row_parts(trace, value):
            rows = root.array.shape[0] if root.array.ndim else 0
            if root.op in ("X", "y") and value.array.ndim and value.array.shape[0] == rows > 1 and (not shape or shape[0] != rows):
                return (f"The NumPy program's {value.op} takes one row of {root.op}, of shape {shape} where {root.op} is "
                        f"{root.array.shape}, as an iteration gives it (a loop variable: `for x, {root.op} in zip(X, y)` "
                        f"rebinds {root.op} to each row in turn and leaves it the last one), and broadcasts it against all "
                        f"{rows} rows.")
    return ""


def _row_parts(trace: Trace, value: Value) -> list[tuple[Value, tuple]]:
    """The inputs of a value that are one row of X or y: a smaller view never noted, or y[i] (an iteration's row)."""
    found = [(trace.values[value.inputs[k]], shape) for k, shape in value.parts]
    for source in value.inputs:
        row = trace.values[source] if isinstance(source, int) else None
        if row is not None and row.op == "getitem" and re.fullmatch(r"-?\d+", row.detail) and isinstance(row.inputs[0], int):
            found.append((trace.values[row.inputs[0]], row.array.shape))
    return found


def ancestors(trace: Trace, index: int) -> list[int]:
    """Every traced value a value is made from, itself included, in the order computed."""
    seen, stack = set(), [index]
    while stack:
        i = stack.pop()
        if i not in seen:
            seen.add(i)
            stack += [s for s in trace.values[i].inputs if isinstance(s, int)]
    return sorted(seen)


BROADCASTING_LOSSES = ("mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss")  # torch warns, then broadcasts inside


def outer_broadcast(trace: Trace, rows: int, in_losses: bool = False) -> str:
    """The first value of a program made (n, n) from an (n,) and an (n, 1) input, n the batch's rows (`in_losses`: or a
    loss of torch's that makes that matrix inside it, and reduces it)."""
    for value in trace.values:
        shapes = {trace.values[i].array.shape for i in value.inputs if isinstance(i, int)}
        inside = in_losses and value.op in BROADCASTING_LOSSES and "reduction='none'" not in value.detail
        if rows > 1 and (value.array.shape == (rows, rows) or inside) and {(rows,), (rows, 1)} <= shapes:
            return (f"{value.op} broadcasts an array of shape ({rows},) against one of shape ({rows}, 1) into a "
                    f"({rows}, {rows}) matrix{' inside it' if inside else ''}: every row's value meets every other row's "
                    "(an (n,) array, a weight or a target, where (n, 1) was meant, or the reverse), and a sum or mean over "
                    "it mixes the rows.")
    return ""


def broadcast_finding(numpy_trace: Trace, torch_trace: Trace, rows: int, step: int, name: str,
                      in_losses: bool = False) -> Finding | None:
    """A (n,) against (n, 1) broadcast to (n, n) on one side only (on both it is meant: a kernel, a pairwise distance);
    `in_losses`, inside a loss of torch's too (read after the port's own call, reshaped, is tried)."""
    broadcast = [(side, said) for side, trace in (("the port", torch_trace), ("the NumPy program", numpy_trace))
                 if (said := outer_broadcast(trace, rows, in_losses))]
    if len(broadcast) != 1:
        return None
    (side, said), = broadcast
    return Finding("target-broadcast", f"At the shared start of step {step}, before the {name}, {side}'s {said}",
                   {"step": step, "stage": "forward", "side": "torch" if side == "the port" else "numpy"},
                   "Give the array the shape (n, 1).", 0.85)
