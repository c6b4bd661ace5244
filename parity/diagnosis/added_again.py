"""A gradient the NumPy program adds in again: the value its backward pass agrees with the port's at is taken into
a sum once, where it agrees, and the same value is added into a later sum of the loop too, past where the programs
part. One pass's term is added at every pass (an output's gradient added at every time step of a many-to-one
recurrence, a layer's gradient accumulated again in a loop).

    dh = 0 + d_out   (agrees)        dh = dh_next + d_out   (the same d_out again: an extra term)
"""

from __future__ import annotations

from parity.diagnosis.value_trace import Trace, Value, describe

SUMS = ("add", "subtract")


def added_again(frontier: Value, first: Value, trace: Trace) -> str:
    """Said where the frontier is the first of several sums that take one value in, the later ones past `first`."""
    for source in (trace.values[i] for i in frontier.inputs if isinstance(i, int)):
        sums = [trace.values[u] for u in dict.fromkeys(source.users) if _accumulates(trace.values[u], frontier)]
        later = [s for s in sums if s.index > first.index]
        if len(sums) < 2 or sums[0] is not frontier or not later:
            continue
        return (f"The NumPy program adds its {describe(source)} into {len(sums)} sums, the same value each time: the first, "
                f"{describe(frontier)}, is the port's gradient; a later one, {describe(later[0])}, past where the programs "
                f"part, adds it again.{AGAIN}")
    for source in (trace.values[i] for i in first.inputs if isinstance(i, int)) if first.op in SUMS else ():
        sums = [trace.values[u] for u in dict.fromkeys(source.users) if _accumulates(trace.values[u], first)]
        if len(sums) >= 2 and first in sums[1:]:  # the departing sum takes in a value an earlier sum took already
            return (f"The NumPy program adds its {describe(source)} into {len(sums)} sums, the same value each time, and "
                    f"the programs part at a later one, {describe(first)}, which adds it again.{AGAIN}")
    return ""


def _accumulates(value: Value, like: Value) -> bool:
    """A sum of the program's values, of the shape given: no constant but a start at 0 (1 - p is a complement, no total)."""
    return value.op in SUMS and value.array.shape == like.array.shape and not any(isinstance(i, float) and i for i in value.inputs)


AGAIN = (" One pass's gradient term is added at every pass of the loop (an output's gradient added at every time step "
         "where only one step's output is read), an extra term the forward pass never made.")
