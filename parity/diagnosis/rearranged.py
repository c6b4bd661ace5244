"""The same numbers in another order, where two programs as written part: each row of a NumPy value holds the
port's row of the same shape, its columns permuted (mine[:, j] = theirs[:, order[j]]). The permutation is read as the
axis order a flatten took (from the shape the port flattened), or as blocks of columns in another order (a stacked
gate's or a head's blocks, a concatenation's parts), or said as it is."""

from __future__ import annotations

from itertools import permutations

import numpy as np

from parity.diagnosis.steps_left_out import gradient_words
from parity.diagnosis.missing_terms import is_gradient
from parity.diagnosis.recompute import read_as
from parity.diagnosis.value_trace import Trace, Value, agrees, describe

FIRST_VALUES = 12


def column_order(numpy_values: list[Value], torch_trace: Trace, tolerance: float, numpy_trace: Trace | None = None) -> str:
    """The first departing NumPy matrix whose rows are a port value's rows with the columns permuted, said; not one the
    NumPy program goes on to read in the port's order (a view, zs[:, ::-1], that its trace does not see)."""
    matrices = [v for v in numpy_values if v.array.ndim == 2 and v.array.shape[1] >= 2 and np.ptp(v.array) > 0]
    for mine in matrices[:FIRST_VALUES]:
        for theirs in (v for v in torch_trace.values if v.array.shape == mine.array.shape and v.op != "grad"):
            if agrees(mine.array, theirs.array, tolerance) or not agrees(np.sort(mine.array, axis=1),
                                                                         np.sort(theirs.array, axis=1), tolerance):
                continue
            order = _order(mine.array, theirs.array, tolerance)
            if order is not None and not (numpy_trace and read_as(mine, theirs.array, numpy_trace, tolerance)):
                return (f"The NumPy program's {describe(mine)} holds in each row the numbers of the port's "
                        f"{describe(theirs)}, in another order: {_read(order, _flattened(theirs, torch_trace))}.")
    return ""


def _order(mine: np.ndarray, theirs: np.ndarray, tolerance: float) -> np.ndarray | None:
    """order with mine[:, j] == theirs[:, order[j]], a permutation; None where no column matches or two would."""
    typical = max(float(np.median(np.abs(theirs))), 1e-30)  # a mask's -1e9 sets no scale for the other columns
    order = []
    for j in range(mine.shape[1]):
        bound = tolerance * (np.maximum(np.abs(theirs), np.abs(mine[:, j:j + 1])) + typical)
        close = np.flatnonzero(np.all(np.abs(theirs - mine[:, j:j + 1]) <= bound, axis=0))
        if len(close) != 1:
            return None
        order.append(int(close[0]))
    order = np.array(order)
    return order if len(set(order.tolist())) == len(order) else None


def _flattened(theirs: Value, trace: Trace) -> tuple[int, ...] | None:
    """The per-row shape the port flattened into this value (its input of the same size per row and more axes)."""
    for source in (trace.values[i] for i in theirs.inputs if isinstance(i, int)):
        shape = source.array.shape
        if len(shape) >= 3 and int(np.prod(shape[1:])) == theirs.array.shape[1]:
            return shape[1:]
    return None


def _read(order: np.ndarray, shape: tuple[int, ...] | None) -> str:
    if shape is not None:
        for axes in permutations(range(len(shape))):
            if axes != tuple(range(len(shape))) and np.array_equal(np.arange(order.size).reshape(shape).transpose(axes).ravel(), order):
                return (f"the port flattens a {shape} array per row, the NumPy program the same array with its axes in the "
                        f"order {tuple(a + 1 for a in axes)} of the port's (1-based after the batch): a flatten or reshape "
                        "of another layout (channels-last against channels-first, or a transpose left out before the reshape)")
    if order.size > 2 and np.array_equal(order, np.arange(order.size)[::-1]):
        return ("the port's columns reversed, last first: one side sorts in descending order and the other in ascending "
                "order (np.sort ascends; a [::-1] left out or added, torch.sort(descending=True)), or reads the axis backwards")
    for size in range(order.size // 2, 1, -1):  # the largest blocks that move whole
        if order.size % size == 0:
            blocks = order.reshape(-1, size)
            if np.all(np.diff(blocks, axis=1) == 1) and np.all(blocks[:, 0] % size == 0):
                return (f"blocks of {size} columns, in the order {[int(b) for b in blocks[:, 0] // size]} of the port's: the "
                        "stacked parts (gates, heads, features) concatenated or sliced in another order")
    runs = np.split(order, np.flatnonzero(np.diff(order) != 1) + 1)  # unequal blocks that move whole: [h, x] for [x, h]
    if 2 <= len(runs) <= 4 and all(r.size >= 2 for r in runs):
        return (f"the port's columns {', '.join(f'[{int(r[0])}:{int(r[-1]) + 1}]' for r in runs)} in that order, {len(runs)} "
                f"blocks of {', '.join(str(r.size) for r in runs)} columns that move whole: the parts of a concatenation "
                "(a skip connection's [h, x] for [x, h]) joined in another order on one side")
    shown = ", ".join(str(int(k)) for k in order[:12])
    return f"columns in the order [{shown}{', …' if order.size > 12 else ''}] of the port's"


def axes_permuted(numpy_values: list[Value], torch_trace: Trace, tolerance: float) -> str:
    """A departing NumPy value that is a port gradient of its shape with two or more of its axes in another order
    (each (4, 4) slice of a bilinear weight's gradient transposed: an einsum's output subscripts written '->kji' for
    '->kij', a transpose over the wrong axes)."""
    for mine in numpy_values[:FIRST_VALUES]:
        if mine.array.ndim < 2 or np.ptp(mine.array) == 0:
            continue
        orders = [axes for axes in permutations(range(mine.array.ndim)) if list(axes) != sorted(axes)
                  and tuple(mine.array.shape[a] for a in axes) == mine.array.shape]
        for theirs in (v for v in torch_trace.values if v.array.shape == mine.array.shape and
                       is_gradient(v) and not agrees(mine.array, v.array, tolerance)):
            axes = next((axes for axes in orders if agrees(mine.array.transpose(axes), theirs.array, tolerance)), None)
            if axes is not None:
                swapped = [a for a, b in enumerate(axes) if a != b]
                return (f"The NumPy program's {describe(mine)} is the port's {gradient_words(theirs, torch_trace)} with its "
                        f"axes in the order {axes}: axes {', '.join(map(str, swapped))} exchanged (each slice transposed: "
                        "an einsum's output subscripts in another order, a transpose over the wrong axes).")
    return ""


def elsewhere(numpy_values: list[Value], torch_trace: Trace, tolerance: float) -> str:
    """A departing NumPy value holding, in each map (the last two axes) or row, the numbers of a port gradient of its
    shape at other positions: values routed to the wrong place (a pooling's winner decoded otherwise, a scatter's
    index swapped)."""
    for mine in numpy_values[:FIRST_VALUES]:
        if mine.array.ndim < 2 or np.ptp(mine.array) == 0:
            continue
        width = mine.array.shape[-1] * (mine.array.shape[-2] if mine.array.ndim >= 3 else 1)
        for theirs in (v for v in torch_trace.values if v.array.shape == mine.array.shape and v.op == "grad"):
            a, b = mine.array.reshape(-1, width), theirs.array.reshape(-1, width)
            if agrees(a, b, tolerance) or not agrees(np.sort(a, axis=1), np.sort(b, axis=1), tolerance):
                continue
            if mine.array.ndim == 2 and (order := _order(a, b, tolerance)) is not None:  # whole columns moved: blocks
                return (f"The NumPy program's {describe(mine)} holds in each row the numbers of the port's gradient of its "
                        f"shape, in another order: {_read(order, None)} (a gradient assembled in another order than the "
                        "forward pass splits its value).")
            moved = int((np.abs(a - b) > tolerance * np.abs(b).max()).any(axis=1).sum())
            return (f"The NumPy program's {describe(mine)} holds, in each {'map' if mine.array.ndim >= 3 else 'row'}, the "
                    f"numbers of the port's gradient of its shape at other positions ({moved} of {len(a)} "
                    f"{'maps' if mine.array.ndim >= 3 else 'rows'} differ in where they are): each value is routed to "
                    "another element (an index decoded or swapped otherwise: a pooling's winner, row and column, a scatter).")
    return ""


def partly(numpy_values: list[Value], torch_trace: Trace, tolerance: float, gradients: bool = False) -> str:
    """A departing NumPy value equal to a port value of its shape (a gradient, with `gradients`) except along some
    indices of some axes (a border, a last row or column, a last time step): where they differ, said by axis."""
    port_values = [v for v in torch_trace.values if (v.op == "grad") == gradients and v.array.ndim >= 2 and v.array.size >= 4]
    shapes = {v.array.shape for v in port_values}
    rewritten = {v.inputs[0] for v in numpy_values if v.op.endswith("(in place)") and v.inputs}  # an array filled in place:
    # its last state is the one to read
    candidates = [v for v in numpy_values if v.array.shape in shapes and v.index not in rewritten][:FIRST_VALUES * 3]
    for mine in sorted(candidates, key=lambda v: -v.array.ndim):  # the most axes first: where they differ, said most plainly
        for theirs in (v for v in port_values if v.array.shape == mine.array.shape):
            off = np.abs(mine.array - theirs.array) > tolerance * max(float(np.abs(theirs.array).max()), 1e-30)
            kept = ~off & (theirs.array != 0)
            if not off.any() or off.mean() > 0.5 or kept.sum() < 0.5 * (~off).sum() or not np.any(mine.array[off]) \
                    or not np.any(theirs.array[off]):  # zeros where the other has values: a mask applied at another point
                continue
            whole = {axis: np.flatnonzero(off.all(axis=tuple(k for k in range(off.ndim) if k != axis)))
                     for axis in range(1, off.ndim)}  # the index planes that differ throughout
            planes = {axis: idx for axis, idx in whole.items() if 0 < len(idx) < off.shape[axis]}
            union = np.zeros_like(off)
            for axis, idx in planes.items():
                union |= np.isin(np.arange(off.shape[axis]), idx).reshape([-1 if k == axis else 1 for k in range(off.ndim)])
            if planes and np.array_equal(union, off):
                where = " or ".join(f"index {_indices(idx, off.shape[axis])} of axis {axis}" for axis, idx in planes.items())
                return (f"The NumPy program's {describe(mine)} equals the port's {describe(theirs)} except where {where} "
                        f"({int(off.sum())} of {off.size} elements): there the NumPy program holds values in "
                        f"[{mine.array[off].min():.4g}, {mine.array[off].max():.4g}], the port in [{theirs.array[off].min():.4g}, "
                        f"{theirs.array[off].max():.4g}]: those {'columns' if off.ndim == 2 else 'positions'} computed "
                        "otherwise (a loop's range one short or long, a border padded otherwise, one column's formula).")
    return ""


def _indices(idx: np.ndarray, size: int) -> str:
    named = [f"{int(i)} (the last)" if i == size - 1 else f"{int(i)} (the first)" if i == 0 else str(int(i)) for i in idx[:6]]
    return ", ".join(named) + (", …" if len(idx) > 6 else "")


def layout_move(torch_ops: list[Value], torch_trace: Trace, numpy_ops: list[Value]) -> str:
    """A port's transpose or permute of a map (three axes or more) that does more than move its channels next to the
    batch or to the end: it swaps the axes in between too (an image's rows and columns). Said where the NumPy program's
    own next values hold the map with its channels moved alone (not where a transpose of heads is the idiom)."""
    for op in torch_ops:
        if op.op not in ("transpose", "permute", "swapaxes", "movedim") or op.index not in torch_trace.called:
            continue
        _, args, _ = torch_trace.called[op.index]
        source = args[0] if args else None
        ndim = getattr(source, "ndim", 0)
        if ndim < 4:
            continue
        order = _order_of(op.op, args[1:], ndim)
        moves = [tuple(range(ndim)), (0, *range(2, ndim), 1), (0, ndim - 1, *range(1, ndim - 1))]
        if order is None or order in moves or order[0] != 0:  # the batch moved: a time-major layout, another reading
            continue
        if not (ndim - 1 in (order[1],) or order[-1] == 1) and not _moved_alone(source, moves[1:], numpy_ops):
            continue  # the channels not moved at all (heads merged back): a slip for a channel move only where they move
        channels_first = (0, ndim - 1, *range(1, ndim - 1))
        return (f"The port's x.{op.op}({', '.join(map(str, args[1:]))}) puts the {ndim}-d input's axes in the order "
                f"{order}: beyond moving the channels it swaps the axes between (rows and columns: the image transposed); "
                f"permute{channels_first} moves the channels alone (channels-last to channels-first).")
    return ""


def _moved_alone(source: object, moves: list[tuple[int, ...]], numpy_ops: list[Value]) -> bool:
    """One of the NumPy program's first values is the port's input with its channels moved alone (then reshaped)."""
    try:
        array = np.asarray(source.detach().double().cpu())  # type: ignore[attr-defined]
    except AttributeError:
        return False
    moved = [np.transpose(array, order) for order in moves]
    return any(value.array.size == m.size and np.allclose(value.array, m.reshape(value.array.shape), rtol=1e-5, atol=1e-7)
               for value in numpy_ops[:4] for m in moved)


RESHAPES = ("reshape", "view")


def layout(numpy_ops: list[Value], torch_ops: list[Value], torch_trace: Trace) -> tuple[str, str]:
    """The port's layout move (layout_move), or the shared value reshaped into other groups on the two sides: (words,
    fix), or ("", "")."""
    if moved := layout_move(torch_ops, torch_trace, numpy_ops):
        return moved, "Move the channels alone: x.permute(0, 3, 1, 2)."
    return reshaped_apart(numpy_ops, torch_ops), "Reshape into the same groups on both sides (the axis order of the pieces)."


def reshaped_apart(numpy_ops: list[Value], torch_ops: list[Value]) -> str:
    """Both programs reshape the value they share into the same axes in another order ((n, 5, 3) against (n, 3, 5)):
    they part there, so no transpose makes the two alike, and each group of one holds strided entries of the other
    (maxout's pieces, heads, gates split by a reshape)."""
    mine = next((v for v in numpy_ops if v.op.removesuffix(" (in place)") in RESHAPES), None)
    theirs = next((v for v in torch_ops if v.op in RESHAPES), None)
    if mine is None or theirs is None or mine.array.shape == theirs.array.shape or \
            sorted(mine.array.shape) != sorted(theirs.array.shape) or mine.array.shape[0] != theirs.array.shape[0]:
        return ""
    return (f"The NumPy program reshapes the value both have to {mine.array.shape}, the port to {theirs.array.shape}: the "
            "same entries grouped into the same sizes in another axis order, so each group of one holds strided entries "
            f"of the other's (reshape(n, {', '.join(map(str, mine.array.shape[1:]))}) against reshape(n, "
            f"{', '.join(map(str, theirs.array.shape[1:]))}): a piece or head axis placed first on one side, last on the "
            "other).")


def reshaped_as_it_lies(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value) -> str:
    """Both programs reshape the value they share to one shape, each from its own layout ((n, 6, 8) channels last on
    one side, (n, 8, 6) channels first on the other): reshaped as it lies, each group takes other entries; a permute
    to the other's layout before the view is what makes them alike."""
    mine = next((v for v in numpy_ops if v.op.removesuffix(" (in place)") in RESHAPES), None)
    theirs = next((v for v in torch_ops if v.op in RESHAPES), None)
    ours, port = frontier.array, twin.array
    if mine is None or theirs is None or mine.array.shape != theirs.array.shape or ours.shape == port.shape or \
            ours.size != port.size or ours.ndim < 3:
        return ""
    if not (np.array_equal(ours.reshape(mine.array.shape), mine.array) and np.array_equal(port.reshape(theirs.array.shape),
                                                                                            theirs.array)):
        return ""
    return (f"Both programs reshape the value they share to {mine.array.shape}, each as it lies in its own layout: the "
            f"NumPy program's is {ours.shape}, the port's {port.shape}, the same entries with their axes in another "
            "order, so the groups the reshape makes hold other entries on the two sides (a view without the permute "
            f"that puts the axes in the other program's order first: x.permute(...).reshape({', '.join(map(str, mine.array.shape))})).")


def _order_of(name: str, args: tuple, ndim: int) -> tuple[int, ...] | None:
    if not all(isinstance(a, int) for a in args):
        return None
    order = list(range(ndim))
    if name in ("transpose", "swapaxes") and len(args) == 2:
        a, b = (x % ndim for x in args)
        order[a], order[b] = order[b], order[a]
        return tuple(order)
    if name == "permute" and len(args) == ndim:
        return tuple(x % ndim for x in args)
    return None


def contraction(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value) -> str:
    """Both sides reduce one axis of the agreeing value to a weighted sum of its entries (a mean, a luminance, a
    pooling over channels): the weights each uses, fitted, where they differ."""
    mine = _weights_over(numpy_ops, frontier.array)
    theirs = _weights_over(torch_ops, twin.array)
    if mine is None or theirs is None or mine[0] != theirs[0] or np.allclose(mine[1], theirs[1], rtol=1e-6, atol=1e-9):
        return ""
    if _one_entry(mine[1]) and _one_entry(theirs[1]):
        return ""  # each picks one entry (y[:, 0] and y[:, 1]): two columns read, not one sum weighed otherwise
    axis, shown = mine[0], lambda w: "[" + ", ".join(f"{x:.4g}" for x in w) + "]"  # noqa: E731
    return (f"Both sides reduce axis {axis} of {describe(frontier)} to a weighted sum of its {len(mine[1])} entries: the "
            f"NumPy program with weights {shown(mine[1])}, the port with {shown(theirs[1])}"
            f"{' (a mean)' if np.allclose(theirs[1], 1 / len(theirs[1])) else ''}{' where the NumPy program takes a mean' if np.allclose(mine[1], 1 / len(mine[1])) else ''}.")


def _one_entry(weights: np.ndarray) -> bool:
    return bool(np.sum(np.abs(weights) > 1e-9 * np.abs(weights).max()) == 1)


def _weights_over(ops: list[Value], source: np.ndarray) -> tuple[int, np.ndarray] | None:
    for op in ops:
        for axis in range(1, source.ndim):
            if op.array.shape != source.shape[:axis] + source.shape[axis + 1:] or source.shape[axis] < 2:
                continue
            moved = np.moveaxis(source, axis, -1).reshape(-1, source.shape[axis])
            if len(moved) <= source.shape[axis]:
                continue
            weights, *_ = np.linalg.lstsq(moved, op.array.reshape(-1), rcond=None)
            if np.abs(moved @ weights - op.array.reshape(-1)).max() <= 1e-6 * max(np.abs(op.array).max(), 1e-12):
                return axis, weights
    return None
