"""A reduction over one axis on one side where the other side's runs over another: a batch statistic against a
per-row one, a centroid over the points against one over the batch, said with the axes' sizes."""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.value_trace import Value


REDUCTIONS = {"mean", "var", "std", "sum", "add.reduce", "maximum.reduce", "amax", "max", "logaddexp.reduce"}
PORT_AXES = {"batch_norm": 0, "layer_norm": 1, "group_norm": 1, "instance_norm": 1}  # the axis each takes statistics over
KIND = {"add.reduce": "sum", "maximum.reduce": "max", "amax": "max"}  # NumPy's names and torch's for one reduction
TOTALS = {"sum", "mean"}  # a total, or a total over its count
AXIS_MEANING = {0: "over the batch (each column, every row together)", 1: "within each row (over its units)"}


def axes_of(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> str:
    """A reduction of the agreeing (rows, units) value over one axis on the NumPy side where the port's op reduces
    over the other."""
    if said := _whole_on_numpy_side(numpy_ops, torch_ops) or _whole_on_port_side(numpy_ops, torch_ops, frontier) or \
            _along_other_axis(numpy_ops, torch_ops, frontier):
        return said
    if frontier.array.ndim > 2:
        return _axes_apart(numpy_ops, torch_ops, frontier)
    if frontier.array.ndim != 2:
        return ""
    mine = next((v for v in numpy_ops if v.op in REDUCTIONS and re.search(r"axis=(-?\d)", v.detail)), None)
    theirs = next((v for v in torch_ops if v.op in PORT_AXES or re.search(r"dim=(-?\d)", v.detail)), None)
    if mine is None or theirs is None:
        return ""
    axis = int(re.search(r"axis=(-?\d)", mine.detail).group(1)) % 2
    found = re.search(r"dim=(-?\d)", theirs.detail)
    port_axis = PORT_AXES[theirs.op] if theirs.op in PORT_AXES else int(found.group(1)) % 2
    if axis == port_axis:
        return ""
    return (f"The NumPy program's {mine.op} runs {AXIS_MEANING[axis]} (axis={axis}), where the port's {theirs.op} "
            f"runs {AXIS_MEANING[port_axis]} (axis {port_axis}).")


def _axes_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> str:
    """axes_of for a value of more axes, laid out alike on both sides: the two reductions' axes (one, or a tuple of
    them) said with their sizes."""
    shape = frontier.array.shape
    mine = next((v for v in numpy_ops if v.op in REDUCTIONS and _axes(v.detail, "axis", len(shape))), None)
    theirs = next((v for v in torch_ops if v.op in REDUCTIONS and _axes(v.detail, "dim", len(shape))), None)
    if mine is None or theirs is None or mine.array.shape != theirs.array.shape and mine.array.size == theirs.array.size:
        return ""
    a, b = _axes(mine.detail, "axis", len(shape)), _axes(theirs.detail, "dim", len(shape))
    if a == b or not _reduces_to(shape, b, theirs.array.shape):
        return ""  # the same axes, or the port's value in another layout (channels first against last): its dims
        # number other axes than the NumPy program's
    said = [f"axis {x[0]} (of size {shape[x[0]]})" if len(x) == 1 else f"axes {x} (of sizes {', '.join(str(shape[k]) for k in x)})"
            for x in (a, b)]
    return (f"The NumPy program's {mine.op} runs over {said[0]} of the {shape} value, the port's {theirs.op} over "
            f"{said[1]}{' (the batch)' if 0 in a + b else ''}.")


def _whole_on_port_side(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> str:
    """The NumPy program's reduction over some axes, one number per row (or per column), where the port's reduction
    of the same kind has no dim: the whole batch to one number (a per-sample ratio taken over the batch)."""
    shape = frontier.array.shape
    mine = next((v for v in numpy_ops if v.op in REDUCTIONS and _axes(v.detail, "axis", len(shape)) and v.array.size > 1), None)
    whole = next((v for v in torch_ops if v.op in REDUCTIONS and "dim=" not in v.detail and v.array.size == 1), None)
    kinds = {KIND.get(mine.op, mine.op), KIND.get(whole.op, whole.op)} if mine is not None and whole is not None else set()
    if mine is None or whole is None or len(kinds) > 1 and not kinds <= TOTALS or len(shape) < 2:
        return ""  # a max against a sum is no axis left out; a sum against a mean is one (a total per row, or over all)
    axes = _axes(mine.detail, "axis", len(shape))
    over = AXIS_MEANING[axes[0]] if len(shape) == 2 else f"over axes {axes} (of sizes {', '.join(str(shape[k]) for k in axes)})"
    return (f"The NumPy program's {mine.op} runs {over} of the {shape} value, one number for each of its {mine.array.size} "
            f"{'rows' if 0 not in axes else 'columns'}, where the port's {whole.op} has no dim: the whole batch to one number "
            "(a per-sample total or ratio taken over the whole batch on one side: dim= left out).")


def _reduces_to(shape: tuple[int, ...], axes: tuple[int, ...], reduced: tuple[int, ...]) -> bool:
    """Whether reducing a value of this shape over these axes (kept or dropped) gives the reduced shape."""
    kept = tuple(n for k, n in enumerate(shape) if k not in axes)
    return tuple(n for n in reduced if n != 1) == tuple(n for n in kept if n != 1)


def _axes(detail: str, key: str, ndim: int) -> tuple[int, ...]:
    """The axes a reduction's detail names (axis=1, axis=(2, 3), dim=(1, 2)), each from 0; () where it names none."""
    found = re.search(rf"\b{key}=(\(([-\d, ]+)\)|-?\d+)", detail)
    if not found:
        return ()
    numbers = [int(n) for n in re.findall(r"-?\d+", found.group(1))]
    return tuple(sorted(n % ndim for n in numbers))


def _whole_on_numpy_side(numpy_ops: list[Value], torch_ops: list[Value]) -> str:
    """The NumPy program's reduction with no axis (the whole batch to one number) where the port's runs over a dim."""
    whole = next((v for v in numpy_ops if v.op in REDUCTIONS and "axis=" not in v.detail and v.array.size == 1), None)
    per = next((v for v in torch_ops if v.op in REDUCTIONS and re.search(r"dim=(-?\d)", v.detail) and v.array.size > 1), None)
    if whole is None or per is None or KIND.get(whole.op, whole.op) != KIND.get(per.op, per.op):
        return ""  # two reductions of another kind (a sum against a max) are no axis left out
    dim = re.search(r"dim=(-?\d)", per.detail).group(1)
    return (f"The NumPy program's {whole.op} has no axis: the whole batch to one number ({float(whole.array.ravel()[0]):.6g}), "
            f"where the port's {per.op} runs over dim {dim}, one number for each of its {per.array.size} rows (a count or "
            "total per row taken over the whole batch: axis= left out).")


SOFTMAX_DIMS = {"cross_entropy": 1, "nll_loss": 1, "softmax": None, "log_softmax": None}  # None: the dim it is given


def normalised_axis(departing: list[Value], torch_ops: list[Value]) -> str:
    """A NumPy value of two axes that is a distribution along one axis (its entries sum to 1 there, or its
    exponentials do: a log-softmax), where the port's softmax, log_softmax or cross_entropy normalises along the
    other: the NumPy softmax's sum taken over the batch, or the port's dim. Measured on the value itself."""
    theirs = next((v for v in torch_ops if v.op in SOFTMAX_DIMS), None)
    if theirs is None:
        return ""
    found = re.search(r"dim=(-?\d)", theirs.detail)
    port_axis = SOFTMAX_DIMS[theirs.op] if SOFTMAX_DIMS[theirs.op] is not None else int(found.group(1)) % 2 if found else None
    for value in departing:
        if value.array.ndim != 2 or min(value.array.shape) < 2 or port_axis is None:
            continue
        for logged, probabilities in ((False, value.array), (True, np.exp(np.minimum(value.array, 50.0)))):
            if logged and np.any(value.array > 1e-9) or not logged and np.any(value.array < 0):
                continue
            axis = next((a for a in (0, 1) if np.allclose(probabilities.sum(axis=a), 1.0, rtol=0, atol=1e-6)
                         and not np.allclose(probabilities.sum(axis=1 - a), 1.0, rtol=0, atol=1e-6)), None)
            if axis is not None and axis != port_axis:
                form = "exponentials sum" if logged else "entries sum"
                return (f"The NumPy program's {value.op} {value.array.shape} is a distribution along axis {axis} (its {form} "
                        f"to 1 {AXIS_MEANING[axis]}), where the port's {theirs.op} normalises along dim {port_axis} "
                        f"({AXIS_MEANING[port_axis]}): the softmax's sum taken over the other axis on one side.")
    return ""


def kinds_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> str:
    """A mean over one axis on one side where the other sums over the same axis (heads averaged against heads summed):
    the two values a factor of that axis's length apart, measured."""
    mine = next((v for v in numpy_ops if v.op in ("mean", "add.reduce", "sum") and list(v.inputs[:1]) == [frontier.index]), None)
    theirs = next((v for v in torch_ops if v.op in ("mean", "sum") and re.search(r"dim=(-?\d)\b", v.detail)), None)
    found = mine is not None and re.search(r"axis=(-?\d)\b", mine.detail)
    if theirs is None or not found or KIND.get(mine.op, mine.op) == theirs.op or mine.array.shape != theirs.array.shape:
        return ""
    shape = frontier.array.shape
    axis = int(found.group(1)) % len(shape)  # the port's dim is not compared: its value may lie in another layout
    # (channels first against last); the two results one factor of this axis's length apart are the measurement
    size, (a, b) = shape[axis], (np.asarray(v.array, np.float64) for v in (mine, theirs))
    averaged = "NumPy program" if mine.op == "mean" else "port"
    expected = b / size if averaged == "NumPy program" else b * size
    if size < 2 or not np.allclose(a, expected, rtol=1e-4, atol=1e-6 * float(np.abs(a).max(initial=1.0))):
        return ""
    return (f"The {averaged} averages over axis {axis} (of size {size}) where the other program sums over the same axis: "
            f"the two values part by a factor of {size}, that axis's length (a mean against a sum: heads or terms averaged "
            "on one side, summed on the other).")


ALONG = {"sort", "argsort", "cumsum", "cumprod", "softmax", "log_softmax", "flip"}  # ops along one axis, shape kept


def _along_other_axis(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value) -> str:
    """The same op along one axis of the agreeing value on both sides (a sort, a running sum, a softmax), along
    another axis on each: the port's dim read from its keyword or its first number after the tensor."""
    ndim = frontier.array.ndim
    for mine in (v for v in numpy_ops if v.op in ALONG and v.array.shape == frontier.array.shape):
        theirs = next((v for v in torch_ops if v.op == mine.op and v.array.shape == mine.array.shape), None)
        a = _axes(mine.detail, "axis", ndim) or ((ndim - 1,) if mine.op in ("sort", "argsort") else ())
        b = _axes(theirs.detail, "dim", ndim) if theirs is not None else ()
        if theirs is not None and not b and (numbers := [i for i in theirs.inputs[1:2] if isinstance(i, float)]):
            b = (int(numbers[0]) % ndim,)
        if len(a) == 1 and len(b) == 1 and a != b:
            shape = frontier.array.shape
            return (f"Both sides take {mine.op} of the {shape} value they agree on, the NumPy program along axis {a[0]} (of "
                    f"size {shape[a[0]]}), the port along dim {b[0]} (of size {shape[b[0]]}){' (the batch)' if 0 in a + b else ''}: "
                    "the op runs over another axis on one side (a dim=0 where dim=-1 belongs, or the reverse).")
    return ""

