"""Findings that hold on either side, measured from the two records: a port's bugs as much as a NumPy program's.

Each names the side it measured: a parameter one side never moves while the
other does; a difference of updates proportional to the parameter itself
(weight decay on one side); updates that are this step's plus the last
step's (gradients never zeroed, under plain SGD).
"""

from __future__ import annotations

import numpy as np

import numpy_net

from parity.diagnosis.evidence import Evidence, relative_gap
from parity.diagnosis.port_trace import trace_port
from parity.diagnosis.finding import Finding

SIDES = {"numpy": "NumPy", "torch": "torch"}
MIN_ELEMENTS = 8  # elements a proportionality must hold over before it says anything


def not_updated(e: Evidence) -> Finding | None:
    """Some parameters one side leaves exactly where they were while the other side moves them."""
    for side, other in (("torch", "numpy"), ("numpy", "torch")):
        still = [p for p in e.params() if e.failed(p) and not np.any(e.update(side, p)) and np.any(e.update(other, p))]
        moving = [p for p in e.params() if np.any(e.update(side, p))]
        if still and moving:  # some move: the step ran, these parameters were left out of it
            cause = ("left out of the optimizer's parameters, created with requires_grad=False, or cut off from the loss by a "
                     ".detach()" if side == "torch" else "left out of the update loop, or updated on a copy")
            borrowed = _borrowed(e, still) if side == "torch" else None
            cause = borrowed or cause
            return Finding(
                "not-updated",
                f"The {SIDES[side]} side never moves {', '.join(still)} at step {e.step}, while it moves "
                f"{', '.join(moving)} and the {SIDES[other]} side moves them all: {cause}.",
                {"side": side, "still": still, "step": e.step},
                f"Update {', '.join(still)} on the {SIDES[side]} side as the others are.",
                0.95 if side == "torch" else 0.85,  # on the NumPy side a rule that says why (a bias gradient) fits better
            )
    return None


def rows_not_moved(e: Evidence) -> Finding | None:
    """Some rows of a matrix one side leaves exactly where they were while the other moves them: a lazy (sparse)
    update that steps only the rows the batch touched, where torch.optim moves every row on its state."""
    if e.step < 2:
        return None  # at the first step no optimizer state moves a row
    reference: dict = {}  # the run's model's gradients, computed once where a reading needs them
    for side, other in (("numpy", "torch"), ("torch", "numpy")):
        for p in (p for p in e.params() if e.failed(p) and np.ndim(e.before[p]) == 2):
            mine, theirs = (e.update(s, p).reshape(len(e.before[p]), -1) for s in (side, other))
            rows = np.flatnonzero(~mine.any(axis=1) & theirs.any(axis=1))
            if not 0 < rows.size < len(mine) or not mine.any():
                continue
            reference = reference or numpy_net.backward(e.before, e.X, e.forward(e.before), e.y, e.loss, e.hidden_activation)
            if np.any(reference[p].reshape(len(mine), -1)[rows]):
                continue  # rows the run's model gives a gradient are no lazy update: a gradient differs
            why = " rows whose gradient in the run's model is 0 at this step (the batch does not touch them),"
            return Finding("not-updated", f"The {SIDES[side]} side leaves {rows.size} of {len(mine)} rows of {p} unmoved at "
                           f"step {e.step} ({rows.tolist()[:6]}),{why} while the {SIDES[other]} side moves them: a lazy "
                           "(sparse) update that steps only the rows the batch touched, where torch.optim's step moves every "
                           "row on its momentum or moments.", {"side": side, "parameter": p, "rows": rows.tolist()[:6],
                                                               "step": e.step},
                           "Step every row (a dense optimizer), or use torch.optim.SparseAdam on both sides.", 0.85)
    return None


def _borrowed(e: Evidence, still: list[str]) -> str | None:
    """A port that uses another layer's parameter where a still one belongs: read from its traced operations."""
    try:
        trace = trace_port(e._setup.replay(e.step)[1], e._setup.rows(e.step))
    except Exception:  # a port that cannot be traced: the cause stays the usual list
        return None
    for layer, used in (trace.layer_params if trace is not None else {}).items():
        own = f"b{layer}"
        other = next((u for u in used if u.startswith("b") and u != own), None)
        if own in still and other:
            return (f"layer {layer}'s operation adds {other}, layer {other[1:]}'s bias, in place of its own {own} (a copy-paste "
                    f"slip such as F.linear(h, fc{layer}.weight, fc{other[1:]}.bias)), so {own} is never used")
    return None


def weight_decay(e: Evidence) -> Finding | None:
    """The updates differ by one multiple of the parameter itself, in every failing parameter: λ·lr·θ on one side."""
    failing = [p for p in e.params() if e.failed(p) and np.any(e.before[p])]
    decayed = [p for p in e.params() if np.any(e.before[p])]
    # weight decay moves every parameter; one multiple of a handful of numbers fits anything
    if not failing or failing != decayed or sum(e.before[p].size for p in failing) < MIN_ELEMENTS:
        return None
    gap = np.concatenate([(e.update("numpy", p) - e.update("torch", p)).ravel() for p in failing])
    theta = np.concatenate([e.before[p].ravel() for p in failing])
    factor = float(np.vdot(gap, theta) / np.vdot(theta, theta))
    if factor == 0 or relative_gap(factor * theta, gap) > 10 * e.match_tolerance:
        return None
    side = "torch" if factor > 0 else "numpy"  # the side whose update shrinks the weights by more
    return Finding(
        "weight-decay",
        f"The updates differ by {abs(factor):.4g} times the parameters themselves at step {e.step}: weight decay "
        f"(lr x λ = {abs(factor):.4g}) on the {SIDES[side]} side only, or a larger one there.",
        {"side": side, "lr_times_decay": abs(factor), "tensors": failing},
        "Use the same weight decay on both sides (torch.optim's weight_decay=0 where the NumPy code has none).",
        0.93,
    )


def updates_accumulated(e: Evidence) -> Finding | None:
    """Under plain SGD: one side's update is the other's of this step plus the other's of the last step."""
    if e.config.optimizer != "sgd" or e.step < 2:
        return None
    for side, other in (("torch", "numpy"), ("numpy", "torch")):
        previous = e.failure.numpy_previous if other == "numpy" else e.failure.torch_previous
        names = [p for p in e.params() if f"{p}.update" in previous]
        if not names or not any(e.failed(p) for p in names):
            continue
        now = np.concatenate([e.update(side, p).ravel() for p in names])
        summed = np.concatenate([(e.update(other, p) + np.asarray(previous[f"{p}.update"], np.float64)).ravel() for p in names])
        if relative_gap(now, summed) <= 10 * e.match_tolerance:
            return Finding(
                "gradient-accumulation",
                f"The {SIDES[side]} side's update at step {e.step} is the other side's of this step plus its last step's: "
                "its gradients are summed over steps, never zeroed.",
                {"side": side, "step": e.step},
                "Call optimizer.zero_grad() every step." if side == "torch" else "Assign the gradients each step; do not add to them.",
                0.96,
            )
    return None


def one_element(e: Evidence) -> Finding | None:
    """Of every element of every parameter, one alone departs at this step: something writes into that element
    besides the optimizer's step."""
    failing = [name for name, c in e.comparisons.items() if not c.passed]
    updates = [name for name in failing if name.endswith(".update")]
    if not updates or any(not (n.endswith((".update", ".grad")) or n in e.params()) for n in failing):
        return None
    if sum(e.comparisons[n].mismatched for n in updates) != 1 or e.comparisons[updates[0]].size < 2:
        return None
    name, index = updates[0], tuple(e.comparisons[updates[0]].index)
    difference = float((e.numpy(name) - e.torch(name))[index])
    where = f"{name.removesuffix('.update')}[{', '.join(map(str, index))}]"
    sides = e._setup.user_sides
    side = SIDES.get(sides[0], "") if len(sides) == 1 else ""
    whose = f"the {side} side" if side else "one side"
    return Finding("one-element", f"Of every parameter's update at step {e.step}, one element alone departs: {where}, by "
                   f"{difference:.4g} (NumPy minus torch); every other element agrees. Something on {whose} writes into that "
                   "element besides the step: a gradient check that perturbs it and restores it from a view (row = W[i] "
                   "saved without .copy()), an index assignment, or an in-place edit of a slice.",
                   {"tensor": name, "index": list(index), "difference": difference, "step": e.step},
                   f"Find what writes {where} outside the update; keep copies (.copy()) of anything restored later.", 0.85)
