"""Measuring how far apart two tensors are: the numbers every comparison reports, for one tensor or many at once.

The torch twin is the reference: a NumPy value a passes against the torch
value b when |a - b| <= atol + rtol * |b|, element by element, the rule of
torch.testing.assert_close. A shape or dtype that differs fails outright:
a float64 array leaking into a float32 run can agree in value and still be
a bug.

A step's small tensors (XOR's are a few elements each) are measured
together: laid end to end in one array, each number reduced per tensor with
`reduceat`, so that a step costs a few dozen NumPy calls, not a few dozen
per tensor. A large tensor is measured alone, by whole-array reductions;
one larger than the caches a block at a time, each block read from memory
once for all its passes.
"""

from __future__ import annotations

import numpy as np

from parity.engine.comparison import INF, Comparison, Pair, dtype_of, error_histogram, histogram_every, histogram_of, measured

__all__ = ["Comparison", "Pair", "SMALL", "compare", "compare_many", "error_histogram"]

SMALL = 4096  # elements: tensors up to this size are measured together, where per-call costs dominate
BLOCK = 65536  # elements: a tensor larger than the caches is measured a block at a time ...
BLOCKED_ABOVE = 8 * BLOCK  # ... above this size, where each of a dozen whole-array passes would go to memory


def compare(numpy_value: np.ndarray, torch_value: np.ndarray, rtol: float, atol: float, dtype: str,
            histogram_above: float | None = None) -> Comparison:
    """One tensor."""
    return compare_many([Pair(numpy_value, torch_value, histogram_above)], rtol, atol, dtype)[0]


def compare_many(pairs: list[Pair], rtol: float, atol: float, dtype: str) -> list[Comparison]:
    """Every pair measured by the same rule; tensors of one dtype are measured together. A torch value that is a
    tensor is measured where it lives, on its device (device_measure.py)."""
    results: list[Comparison | None] = [None] * len(pairs)
    groups: dict[tuple, list[tuple[int, np.ndarray, np.ndarray, str | None]]] = {}
    for i, pair in enumerate(pairs):
        a, b = np.asarray(pair.numpy_value), pair.torch_value
        on_device = hasattr(b, "numel")  # a torch tensor, left on its device: torch is imported only if one comes
        b = b if on_device else np.asarray(b)
        b_shape, b_size, b_dtype = tuple(b.shape), (b.numel() if on_device else b.size), dtype_of(b)
        if a.shape != b_shape:
            results[i] = Comparison(INF, INF, (), float("nan"), float("nan"), b_size, b_size,
                                    f"shape {a.shape} on the NumPy side, {b_shape} on the torch side", INF, INF, INF)
            continue
        problem = None
        if a.dtype != dtype or b_dtype != dtype:
            problem = f"dtype {a.dtype} on the NumPy side, {b_dtype} on the torch side, in a {dtype} run"
        if not b_size:
            results[i] = Comparison(0.0, 0.0, (), float("nan"), float("nan"), 0, 0, problem)
            continue
        # small tensors of one dtype together; a large one alone, where whole-array reductions are faster
        key = (on_device, a.dtype, b_dtype) if b_size <= SMALL else (on_device, a.dtype, b_dtype, i)
        groups.setdefault(key, []).append((i, a, b, problem))
    device_groups = [members for key, members in groups.items() if key[0]]
    for members in (members for key, members in groups.items() if not key[0]):
        for i, comparison in zip([m[0] for m in members], _measure_group(members, pairs, rtol, atol)):
            results[i] = comparison
    if device_groups:
        from parity.engine.device_measure import measure_groups

        for i, comparison in measure_groups(device_groups, pairs, rtol, atol):
            results[i] = comparison
    return results  # type: ignore[return-value]


def _measure_group(members: list, pairs: list[Pair], rtol: float, atol: float) -> list[Comparison]:
    """Tensors of one pair of dtypes, end to end; every number reduced per tensor."""
    a_dtype, b_dtype = members[0][1].dtype, members[0][2].dtype
    # In the arrays' own dtype where they share one: the difference of two nearly equal floats is exact in it.
    common = a_dtype if a_dtype == b_dtype and a_dtype.kind == "f" else np.dtype(np.float64)
    if len(members) == 1 and members[0][2].size > BLOCKED_ABOVE:
        found = _measure_blocked(members[0], pairs, rtol, atol, common)
        if found is not None:
            return [found]
    sizes = np.array([m[2].size for m in members])
    offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    A = np.concatenate([m[1].reshape(-1) for m in members]) if len(members) > 1 else members[0][1].reshape(-1)
    B = np.concatenate([m[2].reshape(-1) for m in members]) if len(members) > 1 else members[0][2].reshape(-1)
    with np.errstate(invalid="ignore", over="ignore"):  # Inf - Inf, a float64 difference beyond float32: judged below
        diff = np.subtract(A, B, dtype=common)
    np.abs(diff, out=diff)
    worst = _per(np.maximum, diff, offsets)  # NaN where a tensor holds one
    abs_b = np.abs(B, dtype=common)
    if not np.isfinite(worst).all():
        # NaN or Inf on either side is never close, and a NaN must not hide the worst element. An infinite torch
        # value allows nothing: with rtol · Inf, Inf - Inf would be NaN, which no comparison counts as off.
        diff = np.where(np.isfinite(diff), diff, np.inf)
        worst = _per(np.maximum, diff, offsets)
        abs_b = np.where(np.isfinite(abs_b), abs_b, 0).astype(common)
    largest = _per(np.maximum, abs_b, offsets)
    # in the tensors' own dtype: a float64 NumPy scalar would widen every element it meets
    numbers = _measures(diff, abs_b, rtol, atol, common.type(atol), offsets, worst)
    # Python numbers from here on: indexing an array for each of a dozen tensors costs more than their measuring
    greatest, starts, counts, allowed = worst.tolist(), offsets.tolist(), sizes.tolist(), (atol + rtol * largest.astype(np.float64)).tolist()
    columns = [column.tolist() for column in numbers]
    # where each tensor's worst element is, only where someone asks: a new worst step of a run, or a failure
    wanted = [pairs[m[0]].histogram_above is None or greatest[k] > pairs[m[0]].histogram_above or columns[0][k]
              for k, m in enumerate(members)]
    firsts = _first_worst(diff, worst, sizes, offsets).tolist() if any(wanted) else None
    found = []
    for k, (i, a, b, problem) in enumerate(members):
        pair = pairs[i]
        above = pair.histogram_above is not None and greatest[k] > pair.histogram_above
        mismatched, used, max_rel, min_atol, min_rtol = (column[k] for column in columns)
        where = firsts[k] if wanted[k] else None
        found.append(measured(
            b.shape, counts[k], problem, greatest[k], max_rel, mismatched, used, min_atol, min_rtol,
            (where - starts[k], A[where], B[where]) if where is not None else None,
            error_histogram(diff[starts[k]:starts[k] + counts[k]]) if above else None, allowed[k],
        ))
    return found


def _measure_blocked(member: tuple, pairs: list[Pair], rtol: float, atol: float, common: np.dtype) -> Comparison | None:
    """One large tensor, BLOCK elements at a time: each block's difference and magnitude stay in the cache for every
    pass over them, and the tensor itself is read from memory about twice instead of a dozen times. Every number
    is a max, an fmax or a count, so the blocks combine to exactly the whole tensor's. None where a difference is
    NaN or Inf: measure_group judges such a tensor whole."""
    i, a, b, problem = member
    pair, A, B = pairs[i], a.reshape(-1), b.reshape(-1)
    starts = range(0, A.size, BLOCK)
    diff, abs_b = np.empty(BLOCK, common), np.empty(BLOCK, common)

    def difference(start: int) -> np.ndarray:
        d = diff[:min(BLOCK, A.size - start)]
        with np.errstate(invalid="ignore", over="ignore"):
            np.subtract(A[start:start + BLOCK], B[start:start + BLOCK], out=d, dtype=common)
        return np.abs(d, out=d)

    def magnitude(start: int) -> np.ndarray:
        return np.abs(B[start:start + BLOCK], out=abs_b[:min(BLOCK, A.size - start)], dtype=common)

    allowance = common.type(atol)
    one = np.zeros(1, np.intp)
    worst, numbers, largest = [], [], 0.0
    for start in starts:
        d, m = difference(start), magnitude(start)
        largest = max(largest, float(np.maximum.reduce(m)))
        worst.append(np.array([np.maximum.reduce(d)]))
        if not np.isfinite(worst[-1][0]):
            return None
        numbers.append(_measures(d, m, rtol, atol, allowance, one, worst[-1]))
    worst_blocks = np.concatenate(worst)
    greatest = np.maximum.reduce(worst_blocks)
    mismatched = sum(int(n[0][0]) for n in numbers)
    used, max_rel, min_atol, min_rtol = (max(n[k][0] for n in numbers) for k in range(1, 5))
    worst_element = histogram = None
    above = pair.histogram_above is not None and greatest > pair.histogram_above
    if pair.histogram_above is None or above or mismatched:
        start = starts[int(np.argmax(worst_blocks == greatest))]  # the first block holding the worst element
        where = start + int(difference(start).argmax())
        worst_element = (where, A[where], B[where])
    if above:
        every = histogram_every(A.size)
        histogram = histogram_of(np.abs(np.subtract(A[::every], B[::every], dtype=common)), every)
    return measured(b.shape, A.size, problem, greatest, max_rel, mismatched, used, min_atol, min_rtol, worst_element, histogram,
                    atol + rtol * largest)


def _measures(diff: np.ndarray, abs_b: np.ndarray, rtol: float, atol: float, allowance, offsets: np.ndarray,
              worst: np.ndarray) -> tuple:
    """Per tensor: elements off, share of the tolerance used, max relative error, and the least atol and rtol
    that pass. One scratch array, reused: freed memory is not faulted in again at every step. 0 / 0 is NaN,
    which fmax passes over; x / 0 is Inf: no rtol is enough. A pass is left out where its answer is known:
    no element is off when none exceeds its allowance, and no rtol is needed where no difference exceeds atol."""
    work = np.multiply(abs_b, rtol)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        np.subtract(diff, work, out=work)  # diff - rtol |b|
        beyond = _per(np.maximum, work, offsets)
        min_atol = np.maximum(beyond, 0.0)
        if len(offsets) > 1:
            # reduceat would first widen the flags to integers: a copy eight times their size, for one tensor needless
            mismatched = np.add.reduceat(work > allowance, offsets, dtype=np.intp)
        else:
            mismatched = np.array([np.count_nonzero(work > allowance) if beyond[0] > allowance or np.isnan(beyond[0]) else 0])
        np.multiply(abs_b, rtol, out=work)
        work += allowance
        used = _numbers(_per(np.fmax, np.divide(diff, work, out=work), offsets))
        max_rel = _numbers(_per(np.fmax, np.divide(diff, abs_b, out=work), offsets))
        if (worst > atol).any() or np.isnan(worst).any():
            np.subtract(diff, atol, out=work)
            min_rtol = np.maximum(_numbers(_per(np.fmax, np.divide(work, abs_b, out=work), offsets)), 0.0)
        else:
            min_rtol = np.zeros(len(offsets))
    return mismatched, used, max_rel, min_atol, min_rtol


def _per(ufunc: np.ufunc, values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """ufunc reduced over each tensor; for one tensor, a plain reduce (reduceat takes a slower loop)."""
    return ufunc.reduceat(values, offsets) if len(offsets) > 1 else np.array([ufunc.reduce(values)])


def _numbers(values: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(values), 0.0, values)


def _first_worst(diff: np.ndarray, worst: np.ndarray, sizes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The flat index of each tensor's first element with its greatest difference."""
    if len(sizes) == 1:
        return np.array([int(diff.argmax())])
    positions = np.where(diff == np.repeat(worst, sizes), np.arange(diff.size), diff.size)
    return np.minimum.reduceat(positions, offsets)
