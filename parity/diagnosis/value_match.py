"""When two traced values are the same numbers: within the run's rounding of the larger one's scale (a mask's -inf
met by -inf), in any of the axis orders a layout may put them in."""

from __future__ import annotations

import numpy as np


def axis_orders(shape: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The axis orders a value of this shape is matched in: its own, reversed (a transpose), and for three axes or
    more its channels moved from first after the batch to last or back (channels-last against channels-first) where
    that changes the shape; the other axes keep their order (rows and columns swapped is another value, not another
    layout), and a move that keeps the shape (a square score matrix's transpose) is another value too."""
    ndim = len(shape)
    orders = [tuple(range(ndim)), tuple(reversed(range(ndim)))]
    if ndim >= 3:
        orders += [axes for axes in ((0, *range(2, ndim), 1), (0, ndim - 1, *range(1, ndim - 1)))
                   if tuple(shape[a] for a in axes) != tuple(shape)]
    return list(dict.fromkeys(orders))



def in_layouts(port: np.ndarray, shape: tuple[int, ...]) -> list[np.ndarray]:
    """The port's array in each layout a value of this shape may hold it in (`axis_orders`: as it is, channels last,
    its leading axes merged), axes of one left aside (a conv1d's input written out as a conv2d's)."""
    squeezed, wanted = port.reshape([n for n in port.shape if n != 1]), tuple(n for n in shape if n != 1)
    laid = []
    for order in axis_orders(squeezed.shape):
        moved = tuple(squeezed.shape[a] for a in order)
        if moved == wanted or wanted and moved[-1] == wanted[-1] and len(moved) > len(wanted):  # leading axes merged:
            laid.append(np.transpose(squeezed, order).reshape(shape))  # an (n·h·w, c) of a channels-last map
    return laid


def in_a_layout(array: np.ndarray, port: np.ndarray, tolerance: float) -> bool:
    """Whether the NumPy array is the port's, in one of the layouts it may hold it in."""
    return port.size == array.size and any(agrees(array, laid, tolerance) for laid in in_layouts(port, array.shape))


MASKED = 1e6  # a mask's large negative (-1e9) stands for -inf where it is this far beyond every unmasked value


def agrees(a: np.ndarray, b: np.ndarray, tolerance: float) -> bool:
    """Two traced values equal within the run's rounding: within `tolerance` of b's largest magnitude (zeros say nothing)."""
    largest = float(np.abs(b).max(initial=0.0))  # below MASKED every entry is finite and none a mask: no median needed
    finite = None if largest < MASKED else np.isfinite(b) & (np.abs(b) < MASKED * max(float(np.median(np.abs(b))), 1.0))
    if finite is not None and not finite.all():  # a mask's -inf or -1e9 (no scale): met by -inf or a number far beyond
        if a.shape != b.shape or np.isnan(b).any():
            return False
        beyond = MASKED * max(float(np.abs(b[finite]).max(initial=0.0)), 1.0)
        if not np.all((np.sign(a[~finite]) == np.sign(b[~finite])) & (np.abs(a[~finite]) >= beyond)):
            return False
        a, b = a[finite], b[finite]
        largest = float(np.abs(b).max(initial=0.0))
    return largest > 0 and float(np.abs(a - b).max(initial=0.0)) <= tolerance * max(largest, 1e-30)


def zero_one(array: np.ndarray) -> bool:
    """A 0/1 array of more than one entry: a mask (or one-hot labels), not a value."""
    array = np.asarray(array)
    return array.size > 1 and bool(np.all((array == 0) | (array == 1)))


def spread(array: np.ndarray, shape: tuple) -> np.ndarray:
    """The array broadcast to a shape it broadcasts to (a column (n, 1) over (n, k)); else as it is."""
    try:
        return np.broadcast_to(array, shape)
    except ValueError:
        return array
