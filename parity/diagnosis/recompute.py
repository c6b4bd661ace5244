"""A traced value recomputed with one of the values it is made from replaced: a few elementwise ops back (the
replacement carried through them), or one op with one direct input replaced and the others as computed. A matrix
product is recomputed in the orientation its result shows (the trace holds h where h.T was multiplied)."""

from __future__ import annotations

import re

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees


def leaves(trace: Trace, index: int, depth: int) -> list[int]:
    """The traced values a value is made from, up to `depth` elementwise ops back, nearest first."""
    found, frontier = [], [index]
    for _ in range(depth):
        nxt = []
        for i in frontier:
            for source in trace.values[i].inputs:
                if isinstance(source, int) and source not in found:
                    found.append(source)
                    if replayable(trace.values[source]):
                        nxt.append(source)
        frontier = nxt
    return found


def product(args: list, shape: tuple[int, ...]) -> np.ndarray | None:
    """A matrix product recomputed: its operands as traced, or transposed as the result's shape shows (h.T @ d: the
    trace holds h, a transpose being a view of it)."""
    a, b = (np.asarray(x, np.float64) for x in args[:2])
    if len(shape) == 2 and (a.ndim > 2) != (b.ndim > 2):  # a view the trace holds unflattened (cols.reshape(-1, k).T)
        a, b = (m.reshape(-1, m.shape[-1]) if m.ndim > 2 else m for m in (a, b))
    if a.ndim > 2 or b.ndim > 2:  # a batch of products: each matrix as traced, or transposed
        turn = lambda m: np.swapaxes(m, -1, -2) if m.ndim >= 2 else m  # noqa: E731
        for left, right in ((a, b), (turn(a), b), (a, turn(b)), (turn(a), turn(b))):
            try:
                if (left @ right).shape == shape:
                    return left @ right
            except ValueError:
                continue
        return None
    for left, right in ((a, b), (a.T, b), (a, b.T), (a.T, b.T)):
        if left.ndim <= 2 and right.ndim <= 2 and left.shape[-1:] == right.shape[:1] and (left @ right).shape == shape:
            return left @ right
    return None


JOINS = {"hstack": np.hstack, "vstack": np.vstack, "column_stack": np.column_stack}  # a sequence of arrays joined


def replayable(value: Value) -> bool:
    op = value.op.removesuffix(" (in place)")
    return not value.detail and isinstance(getattr(np, op, None), (np.ufunc,)) or op in ("matmul", "dot") or \
        op in JOINS and not value.detail


def replay(trace: Trace, index: int, replaced: dict[int, np.ndarray], depth: int) -> np.ndarray | None:
    if index in replaced:
        return replaced[index]
    value = trace.values[index]
    if not set(replaced) & set(leaves(trace, index, depth)):
        return value.array  # not made from the replaced value: as computed
    if depth == 0 or not replayable(value) or "?" in value.inputs:
        return None  # an op on an array the program holds (a weight): recomputed with another input, a product
        # reassociated (S·(X·W) for (S·X)·W) would read as another source
    args = []
    for source in value.inputs:
        arg = replay(trace, source, replaced, depth - 1) if isinstance(source, int) else source
        if arg is None:
            return None
        args.append(arg)
    with np.errstate(all="ignore"):
        try:
            if (join := JOINS.get(value.op)) is not None:
                return np.asarray(join(args), np.float64)
            if value.op in ("matmul", "dot"):
                return product(args, value.array.shape)
            return np.asarray(getattr(np, value.op.removesuffix(" (in place)"))(*args), np.float64)
        except (ValueError, TypeError):
            return None


def recomputed(value: Value, replaced: int, array: np.ndarray, trace: Trace) -> np.ndarray | None:
    """One op recomputed with one of its direct inputs replaced, the others as computed (a sum over an axis, a
    product, a matrix product, a join)."""
    return recomputed_from(value, {replaced: array}, trace)


def recomputed_from(value: Value, replaced: dict[int, np.ndarray], trace: Trace) -> np.ndarray | None:
    """One op recomputed with the direct inputs in `replaced` put in, the others as computed."""
    args = []
    for position, source in enumerate(value.inputs):
        if isinstance(source, int) and source in replaced:  # a constant 1.0 is no value index 1
            args.append(replaced[source])
        elif isinstance(source, int):
            args.append(trace.values[source].array)
        elif source == "?" and position in value.unseen:
            args.append(value.unseen[position])
        elif isinstance(source, float):
            args.append(source)
        else:
            return None
    op = value.op.removesuffix(" (in place)")
    with np.errstate(all="ignore"):
        try:
            if op in ("add.reduce", "sum", "mean"):
                axis = re.search(r"axis=(\(?[-\d, ]+\)?)", value.detail)
                axes = tuple(int(a) for a in re.findall(r"-?\d+", axis.group(1))) if axis else None
                reduce = np.mean if op == "mean" else np.sum
                return np.asarray(reduce(args[0], axis=axes, keepdims="keepdims=True" in value.detail), np.float64)
            if op in ("matmul", "dot") and len(args) == 2:
                return product(args, value.array.shape)
            if op in ("cumsum", "cumprod") and len(args) == 1:  # a running sum along one axis (flattened where none)
                axis = re.search(r"axis=(-?\d+)", value.detail)
                return np.asarray(getattr(np, op)(args[0], axis=int(axis.group(1)) if axis else None), np.float64)
            if op in ("concatenate", "stack"):  # a join of its inputs along one axis (0 where none is given)
                axis = re.search(r"axis=(-?\d+)", value.detail)
                join = np.concatenate if op == "concatenate" else np.stack
                return np.asarray(join(args, axis=int(axis.group(1)) if axis else 0), np.float64)
            if op == "einsum" and (subscripts := re.match(r"'([^']+)'", value.detail)):
                return np.asarray(np.einsum(subscripts.group(1), *args), np.float64)
            function = getattr(np, op, None)
            if value.detail or not (isinstance(function, np.ufunc) or op in ("matmul", "dot")):
                return None
            return np.asarray(function(*args), np.float64)
        except (ValueError, TypeError):
            return None


def read_as(mine: Value, laid: np.ndarray, trace: Trace, tolerance: float) -> bool:
    """Whether an op the NumPy program makes from the value gives what it recorded only with the value laid out as
    `laid`: the program read it through a view in that order."""
    for user in (trace.values[u] for u in mine.users[:4]):
        as_traced, as_laid = (recomputed(user, mine.index, a, trace) for a in (mine.array, laid))
        if as_laid is not None and as_laid.shape == user.array.shape and agrees(as_laid, user.array, tolerance) and not (
                as_traced is not None and as_traced.shape == user.array.shape and agrees(as_traced, user.array, tolerance)):
            return True
    return False
