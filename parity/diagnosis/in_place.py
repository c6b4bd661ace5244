"""A port that writes in place into a view of its batch: x0 = X[:, :2]; x0.mul_(a).add_(b) makes x0 the noised
input, so every later read of x0 (a target built from it) sees the new values, and the batch itself is changed for
the steps after. The NumPy program's x0 * a + b leaves x0 as it was. Read from the port's trace: an in-place op
(its name ends in '_') on a slice or view of X or y, whose result the port reads more than once."""

from __future__ import annotations

from parity.diagnosis.value_trace import Trace, Value, describe

VIEWS = ("getitem", "view", "reshape", "narrow", "select", "unsqueeze", "squeeze", "t", "transpose", "X", "y")


def written_in_place(torch_ops: list[Value], trace: Trace) -> str:
    for op in torch_ops[:4]:
        if not op.op.endswith("_") or op.op.startswith("_") or not op.inputs or not isinstance(op.inputs[0], int):
            continue
        source = trace.values[op.inputs[0]]
        root = _batch_root(source, trace)
        if root is None:
            continue
        last = op
        while (following := next((trace.values[u] for u in last.users if trace.values[u].op.endswith("_")
                                  and trace.values[u].inputs[:1] == (last.index,)), None)) is not None:
            last = following  # x0.mul_(a).add_(b): the same tensor written twice
        readers = [trace.values[u] for u in last.users if trace.values[u].op != "grad"]
        if len(readers) < 2:
            continue
        return (f"The port's {op.op} writes in place into {describe(source)}, a view of its batch {root}: the tensor, and "
                f"{root} itself, hold the new values from then on, and the port reads them {len(readers)} times after "
                f"({', '.join(sorted({r.op for r in readers}))}), where the NumPy program reads the values before the "
                f"write ({op.op[:-1]} meant, out of place: a new tensor, x0.{op.op[:-1]}(...) or x0 * ..., not "
                f"x0.{op.op}(...)).")
    return ""


def _batch_root(value: Value, trace: Trace) -> str | None:
    """X or y where the value is one of them or a view of one, a few views deep."""
    for _ in range(4):
        if value.op in ("X", "y"):
            return value.op
        if value.op not in VIEWS or not value.inputs or not isinstance(value.inputs[0], int):
            return None
        value = trace.values[value.inputs[0]]
    return None
