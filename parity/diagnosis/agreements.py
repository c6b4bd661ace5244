"""Which values of the two programs' traces agree: each NumPy value with the port's value equal to it (in its own
layout or transposed, a column against a vector, a stacking of the port's branches), and the port's last value equal
to the one where the two part."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees, axis_orders, describe, uses


def agreements(numpy_trace: Trace, torch_trace: Trace, tolerance: float) -> dict[int, Value]:
    """Each NumPy value (and each root) with the port's value equal to it: one number agrees with one number (a sum, a
    loss term), a column (n, 1) with an (n,), each in its own layout or transposed."""
    by_shape: dict[tuple, list[Value]] = {}
    by_step: dict[tuple, list[tuple[Value, int]]] = {}  # a value of three axes or more, one axis taken out
    for value in torch_trace.values:
        by_shape.setdefault(value.array.shape, []).append(value)
        if 1 in value.array.shape:  # a column (n, 1) is the same numbers as the NumPy program's (n,)
            by_shape.setdefault(_squeezed(value.array.shape), []).append(value)
        for axis in range(value.array.ndim if value.array.ndim >= 3 else 0):
            by_step.setdefault(value.array.shape[:axis] + value.array.shape[axis + 1:], []).append((value, axis))
    found = {}
    for value in numpy_trace.values:
        if value.op in ("X", "y"):
            found[value.index] = next((v for v in torch_trace.values if v.op == value.op), value)
            continue
        if value.array.size < 1:
            continue
        for axes in axis_orders(value.array.shape):  # as it is, transposed, or (a map) with its axes after the batch's moved
            seen = value.array.transpose(axes)
            near = by_shape.get(seen.shape, []) + (by_shape.get(_squeezed(seen.shape), []) if 1 in seen.shape else [])
            twin = next((v for v in near if v.array.size == seen.size and agrees(seen, v.array.reshape(seen.shape), tolerance)), None)
            if twin is not None:
                found[value.index] = twin
                break
        if value.index not in found and not _rows_of_data(value, numpy_trace) and \
                (twin := _stacked_twin(value.array, by_shape, tolerance) or value.op not in JOINING and _joined_twin(
                    value.array, by_shape, tolerance) or _step_of(value.array, by_step, tolerance)) is not None:
            found[value.index] = twin
    return found


MOST_STEPS = 64  # the indices of one axis a value is looked for at, at most


def _step_of(array: np.ndarray, by_step: dict[tuple, list[tuple[Value, int]]], tolerance: float) -> Value | None:
    """The port's value that the NumPy value is one time step of: a recurrence's step t, which the NumPy program keeps
    on its own (dh = dy[t] @ Wy.T) and the port as an index of one whole (the gradient at its stacked outputs)."""
    if array.ndim < 2 or array.size < 4 or not np.any(array):
        return None
    for value, axis in by_step.get(array.shape, []):
        for t in range(min(value.array.shape[axis], MOST_STEPS)):
            if agrees(array, np.take(value.array, t, axis=axis), tolerance):
                return value
    return None


def _rows_of_data(value: Value, trace: Trace) -> bool:
    """Rows taken from X or y as they are (a batch): batches of another size are another reading, no stacking."""
    return value.op == "getitem" and any(isinstance(i, int) and trace.values[i].op in ("X", "y") for i in value.inputs)


def _stacked_twin(array: np.ndarray, by_shape: dict[tuple, list[Value]], tolerance: float) -> Value | None:
    """The port's value that the NumPy value is a stacking of: branches run apart on the port's side and concatenated
    along the rows on the NumPy program's (a siamese pair, a triplet's anchor, positive and negative), or one (m, k, d)
    value of the port's whose k parts the NumPy program stacks as (k·m, d)."""
    if array.ndim < 1 or array.shape[0] < 4 or array.size < 4:
        return None
    for k in (2, 3):
        if array.shape[0] % k:
            continue
        m = array.shape[0] // k
        chunks = np.split(array, k)
        if (parts := _parts(chunks, by_shape, tolerance)) is not None:
            return parts[0]
        whole = next((v for v in by_shape.get((m, k, *array.shape[1:]), []) if
                      agrees(array, v.array.swapaxes(0, 1).reshape(array.shape), tolerance)), None)
        if whole is not None:
            return whole
    return None


JOINING = ("concatenate", "stack", "hstack", "vstack", "column_stack", "dstack")  # a join of the port's values is
# the port's only where the port joins them too: h_fwd and h_bwd joined, each the port's, at other time steps


def _joined_twin(array: np.ndarray, by_shape: dict[tuple, list[Value]], tolerance: float) -> Value | None:
    """The port's values that the NumPy value joins side by side: gates computed in one call on the NumPy program's
    side (sigmoid(a[:, :3H]) for i, f and o) and one by one on the port's, equal widths along the last axis."""
    if array.ndim < 2 or array.size < 4:
        return None
    for k in (2, 3, 4):
        if array.shape[-1] % k == 0 and (parts := _parts(np.split(array, k, axis=-1), by_shape, tolerance)) is not None:
            return parts[0]
    return None


def _parts(chunks: list[np.ndarray], by_shape: dict[tuple, list[Value]], tolerance: float) -> list[Value] | None:
    """One port value for each chunk, each another (None where a chunk has none)."""
    parts = [next((v for v in by_shape.get(chunk.shape, []) if v.array.shape == chunk.shape and agrees(chunk, v.array, tolerance)), None)
             for chunk in chunks]
    return parts if all(p is not None for p in parts) and len({p.index for p in parts}) == len(chunks) else None


RESHAPING = ("view", "reshape", "squeeze", "unsqueeze", "flatten", "ravel", "view_as", "reshape_as")
CARRYING = {"add", "sub", "mul", "div", "clone", "contiguous", "to", "float", "double", *RESHAPING}


def carried(twin: Value, trace: Trace, tolerance: float) -> Value:
    """The port's last value equal to the twin along its own ops (a bias of zeros added, a copy): where the port goes
    on from, so that its next ops are the ones that change the value."""
    for _ in range(6):
        same = next((trace.values[u] for u in twin.users if _carries(trace.values[u]) and _alike(trace.values[u], twin)
                     and agrees(trace.values[u].array.ravel(), twin.array.ravel(), tolerance)), None)
        if same is None:
            return twin
        twin = same
    return twin


def _alike(value: Value, twin: Value) -> bool:
    """The same shape, or (a reshape or view) the same axes with axes of 1 put in or taken out: (1, C, 1, 1) viewed as
    (C,); not another grouping of the numbers ((B, h, T, d) read as (B, T, h·d): a layout of its own)."""
    return value.array.shape == twin.array.shape or value.op in RESHAPING and \
        _squeezed(value.array.shape) == _squeezed(twin.array.shape)


def _carries(value: Value) -> bool:
    """An op that may hand its input on unchanged: a copy, a view, a bias of zeros added; not a number other than 0
    added (var + eps: a value the next ops read otherwise, however near it is)."""
    identity = {"add": 0.0, "sub": 0.0, "mul": 1.0, "div": 1.0}.get(value.op)
    return value.op in CARRYING and (identity is None or not any(isinstance(i, float) and i != identity for i in value.inputs))


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(d for d in shape if d != 1)


def own_path_inputs(trace: Trace, target: Value, region: list[int], fed: list[int]) -> list[int]:
    """The agreeing values in fed that reach the target other than through one number (a gradient norm that scales
    every parameter's step alike, as a clipping does): the parameter's own gradients, where the programs part."""
    if target.array.size == 1:
        return fed
    inside, seen, stack = set(region), set(), [target.index]
    while stack:
        index = stack.pop()
        if index in seen or index not in inside or (index != target.index and trace.values[index].array.size == 1):
            continue
        seen.add(index)
        stack += [i for i in trace.values[index].inputs if isinstance(i, int)]
    return [i for i in fed if any(i in trace.values[r].inputs for r in seen)]


def recorded_value(trace: Trace, recorded: np.ndarray) -> Value | None:
    """The NumPy value the failing tensor is: the last one equal to it, or for a loss scaled outside the arrays
    (0.5 * np.mean(...): a Python float times a NumPy scalar), the last one a round factor from it."""
    candidates = [v for v in reversed(trace.values) if v.op not in ("X", "y") and (v.array.shape == recorded.shape or v.array.size == recorded.size == 1)]
    for value in candidates:
        if np.allclose(value.array.reshape(recorded.shape), recorded, rtol=1e-6, atol=1e-12):
            return value
    for value in candidates if recorded.size == 1 else ():
        ratio = float(recorded.ravel()[0]) / float(value.array.ravel()[0]) if value.array.ravel()[0] else 0.0
        if any(abs(k * r - round(k * r)) <= 1e-5 * abs(k * r) and round(k * r) for r in (ratio, 1 / ratio if ratio else 0.0)
               for k in (1, 2)):  # within float32's rounding of the recorded loss
            return value
    return None


def new_value(trace: Trace, after: np.ndarray) -> Value | None:
    """The NumPy value a parameter's new value is: the last one equal to it (or to its transpose) that the step does
    not go on to use, else the last one equal to it. Adam's first steps are all ±lr: another parameter's step term can
    equal this one's new value (a bias from 0), and it is used at once, by that parameter's update."""
    equal = [value for value in reversed(trace.values) if any(
        seen is not None and value.array.shape == seen.shape and np.allclose(value.array, seen, rtol=1e-6, atol=1e-12)
        for seen in (after, after.T if after.ndim == 2 else None))]  # a program that stores the weight transposed
    return next((value for value in equal if not value.users), equal[0] if equal else None)


def first_equal(trace: Trace, kept: np.ndarray) -> Value | None:
    """The first NumPy value equal to an array the program keeps (its gradient), not an optimizer's later value that
    meets it (√v̂ at Adam's first step is |g|)."""
    return next((v for v in trace.values if v.op not in ("X", "y") and v.array.shape == kept.shape
                 and np.allclose(v.array, kept, rtol=1e-6, atol=1e-12)), None)


def region_of(trace: Trace, target: Value, agreed: dict[int, Value]) -> list[int]:
    """The target's ancestors that disagree, in the order computed: where the programs part."""
    seen, stack, region = set(), [target.index], []
    while stack:
        index = stack.pop()
        if index in seen:
            continue
        seen.add(index)
        if index in agreed and index != target.index:
            continue
        region.append(index)
        stack += [i for i in trace.values[index].inputs if isinstance(i, int)]
    return sorted(region)


WRITE = "setitem (in place)"


def plain_write(trace: Trace, index: int, agreed: dict[int, Value]) -> bool:
    """A value written into a buffer that agrees, or a constant (Hin[t, :, 1:1+D] = x_t; Hin[t, :, 0] = 1): the buffer
    as a whole is no value of the port's, yet nothing parts there; what is read back out of it is compared."""
    value = trace.values[index]
    if value.op != WRITE or len(value.inputs) < 2:
        return False
    written, buffer = value.inputs[1], value.inputs[0]
    into_shared = isinstance(buffer, int) and buffer in agreed  # a constant written over a value both programs have
    # (S[i, i] = -inf, a diagonal masked) makes a value of its own: where they may part
    if not isinstance(written, int):
        return not into_shared
    made = trace.values[written]
    return written in agreed or not into_shared and not any(isinstance(i, int) for i in made.inputs) and (
        made.array.size == 0 or np.ptp(made.array) == 0)


def read_back(trace: Trace, value: Value) -> Value:
    """A value read back out of a buffer as it was written (Ct[t] = np.tanh(C[t]); ... Ct[t]): the value written."""
    source = value.inputs[0] if value.op == "getitem" and value.inputs else None
    written = trace.values[source].inputs[1] if isinstance(source, int) and trace.values[source].op == WRITE \
        and len(trace.values[source].inputs) > 1 else None
    return trace.values[written] if isinstance(written, int) and trace.values[written].array.shape == value.array.shape \
        and np.array_equal(trace.values[written].array, value.array) else value


def known(value: Value, other: Trace, tolerance: float) -> str:
    """A value with the other side's value it equals, where there is one: [add (40, 10)] (value 3, the port's linear)."""
    twin = next((v for v in other.values if v.op != "grad" and v.array.shape == value.array.shape
                 and agrees(value.array, v.array, tolerance)), None)
    return f"{describe(value)} (value {value.index}" + (f", the other side's {describe(twin)})" if twin is not None else ")")


def loose_region(trace: Trace, agreed: dict[int, Value]) -> list[int]:
    """Where a loss is summed outside the arrays (a Python float per time step, loss += -np.log(p[t][y[t]]), its
    target an index taken out as a Python int): the ancestors of every value that nothing uses after it and that
    the port does not compute and that holds one number (a term of that loss) or is a row of the data (a step's
    inputs and targets, read on as Python ints)."""
    terms = [v for v in trace.values if not v.users and v.index not in agreed and v.op not in ("X", "y") and (
        v.array.size == 1 or v.op == "getitem" and any(isinstance(i, int) and trace.values[i].op in ("X", "y") for i in v.inputs))]
    return sorted({i for term in terms for i in region_of(trace, term, agreed)})


VIEWS = ("reshape", "transpose", "swapaxes", "ravel")


def past_views(frontier: Value, first: Value | None, region: list[int], trace: Trace) -> tuple[Value, Value | None]:
    """The shared gradient followed through the views the NumPy program takes of it (a reshape into its own layout:
    the same numbers), to the first value of the region made from the last view."""
    while first is not None and first.op in VIEWS and first.array.size == frontier.array.size and first.users:
        frontier, first = first, next((trace.values[i] for i in region if uses(trace.values[i], first)),
                                      trace.values[first.users[0]])
    return frontier, first
