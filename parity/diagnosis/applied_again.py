"""Ops one program applies to the value both agree on and the other does not: measured by calling the port's next
call again with the value both agree on (or the NumPy program's value) in place of the one it was given.

The port's op past a few ops of its own (a linear head after one more pass through a shared block), called on the value
both programs agree on, gives the NumPy program's value: the ops between are the port's alone. The port's op just past
the agreed value, called on a value the NumPy program makes from it, gives another of the NumPy program's values: the
ops between are the NumPy program's alone. Where those ops repeat the ones that made the agreed value, with the same
weights, the block is applied once more (a depth, a loop's count one higher)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from parity.diagnosis.calls import called_again, numpy_twin, signature
from parity.diagnosis.op_words import op_text
from parity.diagnosis.value_laws import downstream
from parity.diagnosis.value_trace import Trace, Value, describe

AHEAD = 16  # values past the agreed one searched for the call that takes the extra ops' result
MOST_OPS = 12  # extra ops said as such at most (more is another program, not an op more)


def applied_again(frontier: Value, twin: Value, departing: list[Value], traces: tuple[Trace, Trace], tolerance: float) -> str:
    """The ops one side applies between the value both agree on and an op both apply, measured, said; "" where none."""
    numpy_trace, torch_trace = traces
    return _port_extra(twin, departing, torch_trace, numpy_trace, tolerance) or \
        _numpy_extra(frontier, twin, departing, torch_trace, numpy_trace, tolerance)


ONCE_MORE = "applied once more"


def again_said(said: Any, frontier: Value, twin: Value, departing: list[Value], traces: tuple[Trace, Trace],
               tolerance: float) -> tuple | None:
    """The reading as a forward finding: a block applied once more (the same ops, the same weights) at 0.8; ops on one
    side only at 0.75, since the other program may apply them elsewhere (a mask after the softmax, not before)."""
    words = applied_again(frontier, twin, departing, traces, tolerance)
    return said("forward", words, "Apply the same ops in both programs (the same depth, the same layers).",
                0.8 if ONCE_MORE in words else 0.75)


def _port_extra(twin: Value, departing: list[Value], torch_trace: Trace, numpy_trace: Trace, tolerance: float) -> str:
    after = downstream(torch_trace, twin, AHEAD)
    made = {v.index for v in after}
    for later in after:
        if later.index not in torch_trace.called:
            continue
        for given in (torch_trace.values[i] for i in later.inputs if isinstance(i, int) and i in made):
            if given.array.shape != twin.array.shape:
                continue
            result = _given_instead(torch_trace.called[later.index], given.array, twin.array)
            if result is None or (meant := numpy_twin(departing, result, tolerance)) is None:
                continue
            extra = _path(torch_trace, twin, given)
            if extra and len(extra) <= MOST_OPS:
                return _said("The port", extra, torch_trace, twin, later, meant, "the value both agree on")
    return ""


def _numpy_extra(frontier: Value, twin: Value, departing: list[Value], torch_trace: Trace, numpy_trace: Trace,
                 tolerance: float) -> str:
    nexts = [torch_trace.values[i] for i in twin.users if i in torch_trace.called and torch_trace.values[i].op != "grad"]
    made = [v for v in departing[:AHEAD] if v.array.shape == frontier.array.shape and v.index > frontier.index]
    for first in nexts[:3]:
        for given in made:
            result = _given_instead(torch_trace.called[first.index], twin.array, given.array)
            if result is None or (meant := numpy_twin(departing, result, tolerance)) is None or meant.index <= given.index:
                continue
            extra = _path(numpy_trace, frontier, given)
            if extra and len(extra) <= MOST_OPS:
                return _said("The NumPy program", extra, numpy_trace, frontier, first, meant, f"its {describe(given)}")
    return ""


def _given_instead(call: tuple, held: np.ndarray, instead: np.ndarray) -> np.ndarray | None:
    """The call made again with its tensor argument equal to `held` replaced by `instead`; None where none is."""
    func, args, kwargs = call
    try:
        bound = signature(func).bind(*args, **kwargs)
    except (TypeError, ValueError):
        return None
    bound.apply_defaults()
    arguments = dict(bound.arguments)
    key = next((k for k, v in arguments.items() if torch.is_tensor(v) and tuple(v.shape) == held.shape
                and np.array_equal(v.detach().double().cpu().numpy(), held)), None)
    if key is None:
        return None
    current = arguments[key]
    return called_again(func, {**arguments, key: torch.as_tensor(instead).to(current.dtype)})


def _path(trace: Trace, start: Value, end: Value) -> list[Value]:
    """The ops from `start` to `end` along the inputs that lead back to `start`, in order (start left out)."""
    path, current = [], end
    while current.index != start.index:
        path.append(current)
        back = [i for i in current.inputs if isinstance(i, int) and _leads_to(trace, i, start.index)]
        if not back or len(path) > MOST_OPS:
            return []
        current = trace.values[max(back)]
    return path[::-1]


def _leads_to(trace: Trace, index: int, start: int) -> bool:
    seen, queue = set(), [index]
    while queue:
        i = queue.pop()
        if i == start:
            return True
        if i in seen or i < start:
            continue
        seen.add(i)
        queue += [j for j in trace.values[i].inputs if isinstance(j, int)]
    return False


def _said(who: str, extra: list[Value], trace: Trace, start: Value, call: Value, meant: Value, given: str) -> str:
    ops = "; ".join(op_text(v, trace) for v in extra)
    again = _repeats(trace, start, extra)
    name = call.op
    why = (f"the same {len(extra)} ops that made that value, {ONCE_MORE} (a block or layer one time too many: a "
           "depth, a loop's count or a list of layers one longer)" if again else
           "ops on one side only here (an activation, a layer or a step left in or left out, or applied at another place "
           "by the other program: a mask after the softmax where it belongs before)")
    other = "the port" if who == "The NumPy program" else "the NumPy program"
    return (f"{who} applies {ops} to the value both agree on, where {other} goes on from it: the port's own {name}, "
            f"called again with {given} in place of the value it was given, gives the NumPy program's {describe(meant)}. "
            f"These are {why}.")


def _repeats(trace: Trace, start: Value, extra: list[Value]) -> bool:
    """Whether the ops that made `start`, from an earlier value of its shape, are the ops of `extra` with the same
    weights (the matrices each op takes unseen)."""
    earlier = [v for v in trace.values[max(0, start.index - 4 * MOST_OPS):start.index][::-1]
               if v.array.shape == start.array.shape and v.op != "grad"]
    for origin in earlier:
        before = _path(trace, origin, start) if _leads_to(trace, start.index, origin.index) else []
        if len(before) == len(extra):
            return all(a.op == b.op and _same_weights(a, b) for a, b in zip(before, extra))
        if len(before) > len(extra):
            return False
    return False


def _same_weights(a: Value, b: Value) -> bool:
    mine, theirs = _weights(a), _weights(b)
    return len(mine) == len(theirs) and all(x.shape == y.shape and np.array_equal(x, y) for x, y in zip(mine, theirs))


def _weights(value: Value) -> list[Any]:
    return [value.unseen[k] for k in sorted(value.unseen)]
