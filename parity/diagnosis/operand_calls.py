"""The port's functions that make the other operand where the two programs part, called again: a routing softmax
over the wrong dim feeds the product with the agreeing prediction vectors; the product is where the values part,
but the slip is a step back, in the softmax that made its other operand.

Each port value that feeds the port's first departing ops (up to a few ops back), has no NumPy twin, and was made
by a call the trace kept, is called again with one argument changed; a result that is a NumPy value is said.
"""

from __future__ import annotations

from parity.diagnosis.called_again import _recalled
from parity.diagnosis.calls import numpy_twin
from parity.diagnosis.value_trace import Trace, Value

BACK = 4  # ops back from the port's departing ops


def operand_recalled(torch_ops: list[Value], torch_trace: Trace, numpy_trace: Trace, tolerance: float) -> str:
    start = [*torch_ops[:3], *(torch_trace.values[u] for v in torch_ops[:3] for u in v.users[:3])]  # and one op on (a detach)
    start = [v for v in start if v.op != "grad"]
    feeding, frontier, seen = [], start, {v.index for v in start}
    for _ in range(BACK):
        frontier = [torch_trace.values[i] for v in frontier for i in v.inputs if isinstance(i, int) and i not in seen]
        seen.update(v.index for v in frontier)
        feeding += [v for v in frontier if v.index in torch_trace.called and v.op not in ("X", "y", "grad")
                    and numpy_twin(numpy_trace.values, v.array, tolerance) is None]
    if not feeding:
        return ""
    feeding.sort(key=lambda v: v.index)  # the earliest first: a slip shows before its effects are fed back (routing)
    return _recalled(feeding[:8], torch_trace.called, numpy_trace.values, tolerance, (), ((), numpy_trace, torch_trace),
                     kin=False)  # an argument changed, not another function: a value that feeds is too far off to swap
