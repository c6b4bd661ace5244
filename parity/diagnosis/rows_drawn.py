"""Where two programs as written part before any value but the batch's rows: the rows each side draws, in their
order, and a NumPy generator re-created with the same seed each epoch."""

from __future__ import annotations

from parity.diagnosis.finding import Finding
from parity.diagnosis.value_trace import Trace, Value, uses
from parity.diagnosis.written_readings import row_order


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
