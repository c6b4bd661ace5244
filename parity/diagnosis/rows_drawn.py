"""Where two programs as written part before any value but the batch's rows: the rows each side draws, in their
order, and a NumPy generator re-created with the same seed each epoch."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.value_trace import Trace, Value, uses


def rows_only(numpy_trace: Trace, torch_trace: Trace, agreed: dict[int, Value], step: int, name: str,
              earlier: Trace | None = None) -> Finding | None:
    """The rows each side takes at the step, said where they differ, or None."""
    X = numpy_trace.values[0]
    mine = [v for v in numpy_trace.values if uses(v, X) and v.index not in agreed]
    theirs = [torch_trace.values[i] for i in agreed[X.index].users]
    order = row_order(mine, theirs, X)
    if order is None:
        return None
    text, fit = order[0], order[2]
    before = row_order([v for v in earlier.values if uses(v, earlier.values[0])], theirs, earlier.values[0]) if earlier else None
    if fit < 0.8 and before is not None and before[1]["numpy"] == order[1]["numpy"]:
        text, fit = (f"{text} The NumPy program takes the very rows it took at step {step - 1}: its order repeats from one "
                     "step (epoch) to the next, a generator re-created with the same seed each time where the port's goes on."), 0.8
    return Finding("data-order", f"At the shared start of step {step} the two programs part where they take the batch's rows, "
                   f"before the {name}. {text}", {"step": step, "stage": "data", "rows": order[1]},
                   "Draw and cut the batches alike on both sides (one generator kept, the same batch size and boundaries).", fit)


def rows_reading(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> tuple | None:
    found = row_order(numpy_ops, torch_ops, frontier)
    return found and ("data-order", found[0], "Draw and cut the batches alike on both sides (one generator kept for the "
                      "whole run, the same batch size and boundaries).", found[2])


def row_order(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> tuple[str, dict, float] | None:
    """Both sides index the data's rows and take other rows: the same rows in another order (the shuffles differ), the
    same order cut into batches of another size, or the same order from another offset; else other rows."""
    if frontier.op not in ("X", "y") or frontier.array.ndim != 2:
        return None
    mine = next((v for v in numpy_ops if v.op in ("getitem", "take")), None)
    theirs = next((v for v in torch_ops if v.op in ("getitem", "index_select")), None)
    if mine is None or theirs is None:
        return None
    a, b = _rows_of(mine.array, frontier.array), _rows_of(theirs.array, frontier.array)
    if a is None or b is None or a == b:
        return None
    shown = {"numpy": a[:8], "torch": b[:8]}
    head = f"Both sides draw rows of {frontier.op}: the NumPy program takes rows {shown['numpy']}…, the port {shown['torch']}…"
    if sorted(a) == sorted(b):
        return (f"{head}, the same rows in another order. Their shuffles differ: a seed, a generator re-created (re-seeded) "
                "where the other is kept, or a draw made on one side only.", shown, 0.8)
    if len(a) != len(b) and (a[:len(b)] == b or b[:len(a)] == a):
        return (f"{head}: the same order cut into batches of another size ({len(a)} rows on the NumPy side, {len(b)} in the "
                "port): a batch size, or a chunk size where a number of chunks belongs (torch.split(x, n) cuts chunks of n, "
                "np.array_split(x, n) n chunks).", shown, 0.8)
    shift = next((k for k in range(1, len(a) // 2 + 1) for x, y in ((a, b), (b, a)) if x[:len(x) - k] == y[k:len(x)]), None)
    if shift is not None:
        return (f"{head}: the same order, one batch starting {shift} row(s) from the other's: the batches are cut at "
                "other offsets (a slice order[i:i + B] where order[i * B:(i + 1) * B] belongs, or an index kept one behind).",
                shown, 0.8)
    return (f"{head}, other rows ({len(set(a) - set(b))} of {len(a)} not in the port's batch): their shuffles or their "
            "batches' boundaries differ.", shown, 0.6)


def _rows_of(batch: np.ndarray, data: np.ndarray) -> list[int] | None:
    """Which row of the data each row of the batch is (None where one is not a row of the data)."""
    if batch.ndim != 2 or batch.shape[1] != data.shape[1]:
        return None
    found = []
    for row in batch:
        match = np.flatnonzero(np.all(data == row, axis=1))
        if match.size == 0:
            return None
        found.append(int(match[0]))
    return found
