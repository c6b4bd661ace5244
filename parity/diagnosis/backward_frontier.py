"""Where the NumPy backward pass goes on from the gradients it shares with the port: the last shared gradient whose
first use is the first value that parts, past what a recurrence or a loop makes of it.

In a loop over time steps the NumPy program sums a step's terms into each weight's gradient (dW += dz.T @ h), which
the port never has one by one, and meets the head's gradient at step t with dh_next, already parted where a later
step slipped: neither is where the programs part."""

from __future__ import annotations

from parity.diagnosis.agreements import summed_term
from parity.diagnosis.value_trace import Trace, Value, uses

JOINS = ("concatenate", "stack", "hstack", "vstack", "column_stack")


def backward_frontier(fed: list[int], region: list[int], trace: Trace) -> Value:
    """The last shared gradient the NumPy program goes on from whose first use meets no value already parted (in a
    recurrence the head's gradient at step t meets dh_next, wrong from a later step's slip), and is an op of its own
    before one that joins it to others: gates' gradients concatenated, the gate whose own derivative parts comes first."""
    def first_use(index: int) -> Value | None:
        return first_made(trace.values[index], region, trace)
    own = [i for i in fed if (use := first_use(i)) is not None and use.op not in JOINS]
    tainted = _downstream_of(fed, region, trace)
    clean = [i for i in own if not any(isinstance(j, int) and j != i and j in tainted for j in first_use(i).inputs)]
    apart = [i for i in clean if not summed_term(trace, first_use(i))]  # a step's term of dW += h.T @ dz: no port value
    return trace.values[(apart or clean or own or fed)[-1]]


def first_made(frontier: Value, region: list[int], trace: Trace) -> Value | None:
    """The first value of the region made from the frontier, past the terms a loop sums into a weight's gradient
    (dW += dz.T @ h, db += dz.sum(0): the port never has a step's term) where the frontier has another use."""
    made = [trace.values[i] for i in region if uses(trace.values[i], frontier)]
    return next((v for v in made if not summed_term(trace, v)), made[0] if made else None)


def _downstream_of(fed: list[int], region: list[int], trace: Trace) -> set[int]:
    """The region's values made from a shared gradient: where one of them meets a shared gradient (dh + dh_next), the
    programs parted before that op (a later time step's slip carried back), not at it."""
    inside, seen, stack = set(region), set(), list(fed)
    while stack:
        for user in trace.values[stack.pop()].users:
            if user in inside and user not in seen:
                seen.add(user)
                stack.append(user)
    return seen
