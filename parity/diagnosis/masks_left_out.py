"""A departing NumPy gradient that is one of the port's gradients except where the port's is exactly 0: a mask of
the forward pass (padding, dropout, a clamp, a ReLU's) whose derivative the NumPy backward pass leaves out. The
port's gradient is compared as it lies and in the NumPy program's layout (its axes permuted, reshaped)."""

from __future__ import annotations

from itertools import permutations

import numpy as np
import torch

from parity.diagnosis.agreements import carried
from parity.diagnosis.carried_down import meets_again
from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_match import zero_one
from parity.diagnosis.value_trace import Trace, Value, agrees, describe


STEPS = {"sign", "round", "heaviside", "floor", "ceil", "ge", "gt", "le", "lt", "greater", "greater_equal", "less", "less_equal"}
MASKING = {"relu", "threshold", "clamp", "hardtanh", "where", "masked_fill", "dropout", "leaky_relu", "relu6", "elu"}


def mask_left_out(values: list[Value], other: Trace, tolerance: float, name, trace: Trace | None = None) -> str:
    """A departing NumPy value that is one of the port's gradients of its size (as the port lays it out, or with its
    axes in the NumPy program's order: channels last) except at entries where the port's is zero and its own is not:
    a mask of the forward pass (padding, dropout, a clamp, a ReLU's) whose derivative, 0 there, the NumPy backward
    pass leaves out."""
    gradients = port_gradients(other)
    masked_later = {i for v in values if v.op.startswith("setitem") for i in v.inputs if isinstance(i, int)}
    for mine in (v for v in values[:6] if v.index not in masked_later):  # dZ[~mask] = 0 written after: the mask applied
        a = mine.array
        for theirs in (g for g in gradients if g.array.size == a.size and a.ndim >= 2 and g.array.ndim >= 2):
            for b, laid in arrangements(theirs.array, a.shape):
                zeroed = (b == 0) & (np.abs(a) > tolerance * max(float(np.abs(a).max()), 1e-30))
                kept = ~zeroed
                if not 0 < zeroed.sum() < 0.9 * zeroed.size or not np.any(b[kept]):
                    continue
                if agrees(a[kept], b[kept], tolerance) and (trace is None or meets_again(
                        trace, mine.index, np.where(zeroed, 0.0, a), other, tolerance) is not False):  # so masked, the
                    # program meets the port after it (not a term that is zero there on the port's side alone)
                    said = (f"The NumPy program's {describe(mine)} is {name(theirs)}{laid}{',' if laid else ''} except at "
                            f"{int(zeroed.sum())} of its {zeroed.size} entries, where the port's is exactly 0 and the NumPy "
                            "program's is not: ")
                    if picked := _picked_by(theirs, other):
                        return said + (f"the port's {picked} takes some entries of that value only (one per row: a taken "
                                       "action's, a target class's), so the gradient reaches those alone, where the NumPy "
                                       "program writes it into every entry (the gather's backward, a scatter into the entries "
                                       "taken, left out).")
                    if pooled := _pooled_by(theirs, other):
                        return said + (f"the port's {pooled} passes each window's gradient to the window's largest entry "
                                       "alone (0 at the others), where the NumPy program gives it to every entry of the "
                                       "window: the max's routing to its argmax left out of the pooling's backward (an "
                                       "average pool's backward written for a max pool).")
                    return said + ("a mask of the forward pass (padded elements, a dropout mask, a clamp, a ReLU's) that "
                                   "the NumPy backward pass does not apply (its derivative, 0 at the masked entries, left out).")
                if scale := _one_scale(a[kept], b[kept], tolerance):
                    return (f"The NumPy program's {describe(mine)} is {name(theirs)}{laid}{',' if laid else ''} divided by "
                            f"{scale:.6g} on the entries the port keeps, and not 0 at the {int(zeroed.sum())} of its "
                            f"{zeroed.size} entries where the port's is exactly 0: a scaled mask of the forward pass (an "
                            f"inverted dropout's mask / keep, 1 / keep = {scale:.6g}) that the NumPy backward pass does not "
                            "apply (the mask and its scale both left out of the derivative).")
    return ""


PICKS = {"gather", "index_select", "take_along_dim", "getitem"}


def _picked_by(gradient: Value, other: Trace) -> str:
    """The port's op that takes a few entries of the value this gradient is at (a gather along its last axis), said
    as its op: its backward scatters into the entries taken and leaves the rest 0."""
    if gradient.op != "grad" or not gradient.inputs or not isinstance(gradient.inputs[0], int):
        return ""
    value = other.values[gradient.inputs[0]]
    users = [other.values[u] for u in value.users if other.values[u].op != "grad"]
    pick = next((u for u in users if u.op in PICKS and u.array.size < value.array.size), None)
    return f"{pick.op} ({describe(pick)})" if pick is not None and all(u.op in PICKS for u in users) else ""


def _pooled_by(gradient: Value, other: Trace) -> str:
    """The port's max-pooling op that reads the value this gradient is at: its backward routes to each window's max."""
    if gradient.op != "grad" or not gradient.inputs or not isinstance(gradient.inputs[0], int):
        return ""
    users = [other.values[u] for u in other.values[gradient.inputs[0]].users if other.values[u].op != "grad"]
    pool = next((u for u in users if "max_pool" in u.op), None)
    return f"{pool.op} ({describe(pool)})" if pool is not None else ""


def beside_masked(numpy_trace: Trace, torch_trace: Trace, region: list[int]) -> list[Value]:
    """For each size of a port gradient that is 0 at some of its entries (a masked loss's logits), largest first, the
    last NumPy values of the region's first ops of that size: where the targets are read by an index the trace does not
    follow, the delta is found by its size (past the forward's values; a softmax's rows, summing to 1, set aside)."""
    sizes = sorted({g.array.size for g in port_gradients(torch_trace) if g.array.ndim >= 2 and 0 < np.mean(g.array == 0) < 0.9},
                   reverse=True)
    values = [v for v in (numpy_trace.values[i] for i in region[:160]) if v.array.ndim >= 2
              and not np.any(np.isclose(v.array.sum(axis=-1), 1.0))]
    return [v for size in sizes[:2] for v in [v for v in values if v.array.size == size][-3:]]


def arrangements(array: np.ndarray, shape: tuple[int, ...]):
    """The array as it lies, then with its axes permuted (at most 4 of them) and reshaped to `shape`: the same
    numbers in another program's layout, with words for the order."""
    if array.shape == shape:
        yield array, ""
    if array.ndim > 4:
        return
    for order in permutations(range(array.ndim)):
        if order != tuple(range(array.ndim)) or array.shape != shape:
            moved = np.transpose(array, order)
            if order == tuple(range(array.ndim)):
                yield moved.reshape(shape), f" reshaped to {shape}"
            else:
                yield moved.reshape(shape), f" with its axes in the order {order}" + (
                    f", reshaped to {shape}" if moved.shape != shape else "")


def _one_scale(mine: np.ndarray, theirs: np.ndarray, tolerance: float) -> float | None:
    """One factor above 1 between the kept entries that are not 0: an inverted dropout's 1 / keep (keep < 1)."""
    seen = np.abs(mine) > tolerance * max(float(np.abs(mine).max()), 1e-30)
    if seen.sum() < 3:
        return None
    ratio = theirs[seen] / mine[seen]
    scale = float(np.median(ratio))
    if scale <= 1 + 1e-3 or np.ptp(ratio) > 1e-4 * abs(scale) + tolerance:
        return None
    return scale if agrees(mine * scale, theirs, tolerance) else None


def mask_on_one_side(first: Value, frontier: Value, trace: Trace, other: Trace) -> str:
    """The NumPy program's first departing value is the shared gradient times a 0/1 mask of its own (a comparison:
    |x| <= 1, z > 0), where the port takes a step of that value (a sign, a round, a comparison) and its gradient there is
    that gradient unmasked (a straight-through estimator that passes the gradient everywhere): a window applied on one
    side only. A port that masks there (its own ReLU, clamp or where), or reads the value otherwise, is no such case."""
    if first.op.removesuffix(" (in place)") not in ("multiply", "mul") or frontier.index not in first.inputs:
        return ""
    at = [other.values[g.inputs[0]] for g in port_gradients(other) if g.array.shape == frontier.array.shape and g.inputs
          and isinstance(g.inputs[0], int) and np.allclose(g.array, frontier.array, rtol=1e-6,
                                                           atol=1e-9 * float(np.abs(frontier.array).max(initial=1.0)))]
    users = {other.values[u].op.removesuffix("_") for v in at for u in v.users}
    if not at or users & MASKING or not users & STEPS:  # the port takes a step of that value (a sign, a round) and its
        return ""  # gradient there is the one it was given: an estimator passing it through, not a mask upstream
    mask = next((trace.values[i] for i in first.inputs if isinstance(i, int) and i != frontier.index), None)
    if mask is None or mask.array.shape != first.array.shape or not np.isin(mask.array, (0, 1)).all():
        return ""
    zeros = float(np.mean(mask.array == 0))
    if not 0.02 < zeros < 0.98:
        return ""
    return (f"The NumPy program multiplies the shared gradient by its {describe(mask)}, a 0/1 mask (0 on "
            f"{zeros:.0%} of the entries), where the port's chain goes on with that gradient "
            "unmasked: a mask applied on one side only (a straight-through estimator's window, |x| <= 1, on one side and "
            "the gradient passed everywhere on the other; a ReLU's or a clamp's mask).")


def mask_unused(departing: list[Value], trace: Trace, agreed: dict[int, Value], other: Trace) -> str:
    """A NumPy value that masks another with a 0/1 mask (padded steps left out of a loss) which the port makes too and
    never uses: the port goes on with every entry, the masked ones included. Measured: the same mask on both sides,
    and no op of the port's reads it."""
    for value in departing[:24]:
        if value.op.removesuffix(" (in place)") not in ("multiply", "where"):
            continue
        for index in (i for i in value.inputs if isinstance(i, int) and i in agreed):
            mask, theirs = trace.values[index].array, carried(agreed[index], other, 0.0)  # any(...) then .to(float)
            if not zero_one(mask) or not 0 < mask.mean() < 1:
                continue
            if any(other.values[u].op != "grad" for u in theirs.users) or handed_over(mask, other):
                continue  # the port applies it somewhere
            masked = [describe(trace.values[i]) for i in value.inputs if isinstance(i, int) and i != index]
            share = float(np.mean(mask == 0))
            return (f"The NumPy program masks {', '.join(masked) or 'a value'} with {describe(trace.values[index])} (0 at "
                    f"{share:.0%} of the entries); the port makes the same mask (its {describe(theirs)}) and never applies it: "
                    "it goes on with every entry, the masked ones (padded positions, left-out rows) included.")
    return ""


def handed_over(mask: np.ndarray, other: Trace) -> bool:
    """The mask, or its complement, handed to one of the port's calls that makes a value as large (masked_fill(s, m == 0,
    -inf)), not the mask again nor a count of it: applied, through a comparison the trace may hold no value for."""
    flat = np.ravel(mask) != 0
    for index, (_, args, kwargs) in other.called.items():
        made = other.values[index].array.ravel() if index < len(other.values) else np.zeros(0)
        if made.size < flat.size or made.size == flat.size and (np.array_equal(made != 0, flat) or np.array_equal(made != 0, ~flat)):
            continue  # a count of it, or the mask itself made again (.to(float), ~m): no value it is applied to
        for given in (a for a in (*args, *kwargs.values()) if torch.is_tensor(a) and a.numel() == flat.size):
            held = given.detach().cpu().numpy().ravel() != 0
            if np.array_equal(held, flat) or np.array_equal(held, ~flat):
                return True
    return False
