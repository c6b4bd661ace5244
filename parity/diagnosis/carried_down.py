"""A NumPy value put in again as a reading says it should be (taken from another source, masked), carried through
the ops the program goes on to make from it: a reading is a cause only where the program, so corrected, meets the
port again downstream. A substitution that lands on one of the port's gradients by an identity of the formula (|s|²
for 1 + |s|², giving the gradient one op further back) goes on to values the port never has."""

from __future__ import annotations

import itertools

import numpy as np

from parity.diagnosis.recompute import recomputed_from
from parity.diagnosis.softmax_temperature import factor_at_another_temperature
from parity.diagnosis.value_trace import Trace, Value, agrees

MOST_OPS = 24  # values carried at most: a weight's gradient lies a few ops on


def meets_again(trace: Trace, index: int, array: np.ndarray, other: Trace, tolerance: float, up_to_factor: bool = True,
                compared: frozenset[int] = frozenset(), to_the_loss: bool = False) -> bool | None:
    """The NumPy program's later values made again, in order, with `array` in the place of value `index`: True where
    one of them, changed by it, is a value of the port's (entry for entry, or up to one factor: a count divided out);
    False where ops were made again and a port value of their shape was there to meet, but none met; None where
    nothing could be made again faithfully (an op the trace cannot redo), which shows nothing. Without `up_to_factor`,
    entry for entry only (a correction by a factor is itself what is tried). The port's values in `compared` were
    read to make the reading: meeting them again shows nothing. With `to_the_loss`, False only where a single number
    (the loss) was made again and meets none of the port's: a value the port never forms (a product before its
    bias) shows nothing."""
    made, redone, could_meet = {index: np.asarray(array, np.float64)}, 0, False
    for value in trace.values[index + 1:]:
        if not any(isinstance(i, int) and i in made for i in value.inputs) or (again := _redone(value, made, trace, tolerance)) is None:
            continue
        made[value.index], redone = again, redone + 1
        if agrees(again, value.array, tolerance) or again.size == made[index].size and any(
                _met(laid, made[index], tolerance) for laid in _layouts(again, made[index].shape)):
            continue  # unchanged by the substitution (masked out downstream), or the value put in again (a view of
            # it, a multiple): a match there shows nothing new
        theirs = [v for v in other.values if v.array.size == again.size and v.index not in compared]
        if any(_met(laid, v.array, tolerance, up_to_factor) for v in theirs for laid in _layouts(again, v.array.shape)):
            return True
        could_meet = could_meet or bool(theirs) and (again.size == 1 or not to_the_loss)
        if redone >= MOST_OPS:
            break
    return False if could_meet else None


def _redone(value: Value, made: dict[int, np.ndarray], trace: Trace, tolerance: float) -> np.ndarray | None:
    """The op made again with the values in `made` in their places; None unless, with its own inputs, it gives the
    value the trace holds (an op it cannot redo, a product's orientation it cannot tell)."""
    if (own := _op_again(value, {}, trace)) is None or own.shape != value.array.shape or not agrees(own, value.array, tolerance):
        return None
    again = _op_again(value, made, trace)
    return again if again is not None and again.shape == value.array.shape and np.all(np.isfinite(again)) else None


def _op_again(value: Value, made: dict[int, np.ndarray], trace: Trace) -> np.ndarray | None:
    arrays = [made.get(i, trace.values[i].array) for i in value.inputs[:1] if isinstance(i, int)]
    op = value.op.removesuffix(" (in place)")
    if op in ("reshape", "broadcast_to", "ravel") and arrays:
        try:
            return np.broadcast_to(arrays[0], value.array.shape).copy() if op == "broadcast_to" else arrays[0].reshape(value.array.shape)
        except ValueError:
            return None
    if op == "getitem" and arrays and (key := _key(value.detail)) is not None:
        try:
            return np.asarray(arrays[0][key], np.float64)
        except (IndexError, ValueError, TypeError):
            return None
    return recomputed_from(value, made, trace)


def _key(detail: str) -> tuple | None:
    """An index as `index_text` writes it, where it holds slices, integers, None and ... alone (no fancy index)."""
    parts = []
    for part in (p.strip() for p in detail.split(",")):
        if part == "...":
            parts.append(Ellipsis)
        elif part == "None":
            parts.append(None)
        elif ":" in part and all(b == "" or b.lstrip("-").isdigit() for b in part.split(":")) and part.count(":") <= 2:
            parts.append(slice(*(int(b) if b else None for b in part.split(":"))))
        elif part.lstrip("-").isdigit():
            parts.append(int(part))
        else:
            return None
    return tuple(parts)


def _layouts(mine: np.ndarray, shape: tuple) -> list[np.ndarray]:
    """A value in the port's shape: as it is, with its axes in another order (a column where the port keeps a row, a
    sequence the port keeps time-major), or with unit axes dropped or added."""
    if mine.shape == shape:
        return [mine]
    turned = [mine.transpose(order) for order in itertools.permutations(range(mine.ndim))
              if mine.ndim <= 4 and tuple(mine.shape[a] for a in order) == shape]
    squeezed = [mine.reshape(shape)] if tuple(d for d in mine.shape if d != 1) == tuple(d for d in shape if d != 1) else []
    return turned + squeezed


def _met(mine: np.ndarray, theirs: np.ndarray, tolerance: float, up_to_factor: bool = True) -> bool:
    """Alike entry for entry, or up to one factor (a count one side divides by)."""
    if agrees(mine, theirs, tolerance):
        return True
    a, b = mine.ravel(), theirs.ravel()
    if not up_to_factor or a.size < 4 or not np.any(b):
        return False
    factor = float(a @ b) / float(b @ b)
    return abs(factor) > 1e-6 and agrees(a, factor * b, tolerance)


def parts_after_correction(mine: Value, read: tuple[Value, Value, str], own: tuple | None, columns: tuple, both: tuple[Trace, Trace],
                   tolerance: float) -> bool:
    """Whether, with the value the reading says was meant put in (the port's gradient, or its step through its op,
    g·f'(U), where the factor is read as one too many), the NumPy program still parts after it: the chain rule's factor
    is taken over more ops (g·a, then ·(1 - a)). A factor that is the port's own at another temperature is kept."""
    theirs, factor, words = read
    if words == "times" and factor_at_another_temperature(factor.array, both[1]):
        return False
    meant = theirs.array * own[2] if own is not None and words == "times" else theirs.array
    return columns == (...,) and meets_again(both[0], mine.index, meant, both[1], tolerance, False) is False
