"""A NumPy update of one parameter made from the port's gradient of another: the gradient of the wrong parameter
fed to the optimizer (a scatter with another table's index, a name mixed up in a dict of gradients)."""

from __future__ import annotations

from parity.diagnosis.value_trace import Trace, Value, agrees


def another_parameters(twin: Value, parameter: str, trace: Trace, tolerance: float) -> str:
    """The NumPy program's update of one parameter made from the port's gradient of another, where the port's own
    gradient of it differs: a gradient scattered with the other's index, or a name mixed up."""
    other = twin.op.removesuffix(".grad")
    own = next((v for v in trace.values if v.op == f"{parameter}.grad" and v.detail == twin.detail), None)
    if not twin.op.endswith(".grad") or other == parameter or own is None or own.array.shape != twin.array.shape or \
            agrees(own.array, twin.array, tolerance):
        return ""
    return (f"The gradient it updates {parameter} with is the port's gradient of {other}, not its gradient of {parameter}, "
            f"which differs: {parameter} is stepped with another parameter's gradient (a gradient scattered with "
            f"{other}'s index, or the two names mixed up).")
