"""Two means of one sum over another count: each side's mean times the number of elements it averages gives the same
total, but the counts differ (masked-out rows counted in the denominator, a mean over every element where the other
averages over the rows).

    mean_numpy · k_numpy = mean_port · k_port,   k_numpy ≠ k_port

A ratio read elsewhere is said as such a count here: y's columns (count_meaning), or k of the batch's rows
(masked_count)."""

from __future__ import annotations

from typing import Iterator

import numpy as np

from parity.diagnosis.loss_offsets import several_losses
from parity.diagnosis.ratios import ratio_meaning
from parity.diagnosis.value_match import zero_one
from parity.diagnosis.value_trace import Trace, Value, describe

MEANS = {"mean", "average", "nanmean"}
PORT_MEANS = {"mean", "mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy",
              "binary_cross_entropy_with_logits", "cross_entropy", "nll_loss", "kl_div", "soft_margin_loss"}
PER_ROW = {"cross_entropy", "nll_loss"}  # a class axis: the mean is over the rows; every other one averages each element
SUMS_AGREE = 1e-6  # relative, the totals of the two means


def mean_counts(departing: list[Value], numpy_trace: Trace, torch_trace: Trace) -> str:
    for mine in departing:
        if mine.array.size != 1:
            continue
        counted = _numpy_count(mine, numpy_trace) or 1  # no division: a sum, whose count is 1
        for theirs in torch_trace.values:
            if theirs.op == "grad" or theirs.array.size != 1 or "reduction='sum'" in theirs.detail or \
                    "reduction='none'" in theirs.detail:
                continue
            for count in _port_counts(theirs, torch_trace):
                total = float(mine.array.ravel()[0]) * counted
                if count != counted and total and abs(float(theirs.array.ravel()[0]) * count - total) <= SUMS_AGREE * abs(total) \
                        and not (counted == 1 and _divided_later(mine, numpy_trace, count)):  # a sum it then divides by
                    # that count is a mean written out, not a sum where the port averages
                    if counted == 1 and (scale := _scale_after(mine, numpy_trace)) != 1.0:  # the sum scaled later:
                        # the weights the two give these elements, not their reduction, part
                        port_scale = _scale_after(theirs, torch_trace)
                        if abs(scale - port_scale / count) <= 1e-9 * abs(scale):
                            continue  # one weight on both sides: these elements agree, the parting is elsewhere
                        return _weighed_otherwise(mine, theirs, count, (1 / scale, count / port_scale), (numpy_trace, torch_trace))
                    if count == 1:
                        return (f"The NumPy program's {describe(mine)} times {counted} is the port's {describe(theirs)}: the "
                                f"NumPy program averages over {counted} elements where the port sums them.")
                    if counted == 1 and (divisor := _count_divided_by(mine, numpy_trace)) is not None:
                        if said := _counted_otherwise(mine, theirs, count, divisor):
                            return said
                        continue  # a mean written out over the port's count: these agree
                    if counted == 1:
                        return (f"The NumPy program's {describe(mine)} is the port's {describe(theirs)} times {count}, the "
                                f"number of elements the port's {theirs.op} averages over: the NumPy program sums where the "
                                "port takes the mean over every element (the rows and each row's terms alike).")
                    return (f"The NumPy program's {describe(mine)} and the port's {describe(theirs)} are means of the same "
                            f"total over other counts: the NumPy program divides by {counted}, the port by {count} (its "
                            f"{theirs.op} averages over every element it is given): a mean over another count (rows masked "
                            "out still counted, or every element where the rows were meant).")
    return ""


def _divided_later(value: Value, trace: Trace, count: int) -> bool:
    """Whether the program goes on to divide the value by `count` (or multiply it by 1/count), directly or after a sign."""
    return any(abs(number - count) <= 1e-9 * count for number, _ in _divisors(value, trace))


def _divisors(value: Value, trace: Trace) -> Iterator[tuple[float, Value | None]]:
    """Each number the program divides the value by next (a constant, the reciprocal of a constant it multiplies by, or
    a one-number value it computes, with that value), through a sign."""
    for user in (trace.values[u] for u in value.users):
        op, numbers = user.op.removesuffix(" (in place)"), [abs(i) for i in user.inputs if isinstance(i, float)]
        if op == "negative":
            yield from _divisors(user, trace)
        elif op in ("divide", "true_divide"):
            yield from ((n, None) for n in numbers)
            counted = user.inputs[1] if len(user.inputs) == 2 and user.inputs[0] == value.index else None
            if isinstance(counted, int) and trace.values[counted].array.size == 1:
                yield float(trace.values[counted].array.ravel()[0]), trace.values[counted]
        elif op == "multiply":
            yield from ((1 / n, None) for n in numbers if n)


def _counted_otherwise(mine: Value, theirs: Value, count: int, divisor: tuple[float, Value]) -> str:
    """A sum the NumPy program divides by a count it makes, against the port's mean over `count` elements."""
    if abs(divisor[0] - count) <= 1e-9 * count:
        return ""
    return (f"The NumPy program's {describe(mine)} and the port's {describe(theirs)} are means of the same total over "
            f"other counts: the NumPy program divides its sum by {divisor[0]:g} ({describe(divisor[1])}, a count it "
            f"makes), the port by {count} (its {theirs.op} averages over every element it is given): a mean over another "
            "count (the elements a mask keeps against every element, padded ones too).")


def _count_divided_by(value: Value, trace: Trace) -> tuple[float, Value] | None:
    """The one-number value the program divides the value by next (after a sign), where that is a count it computes
    (a whole number: a mask's sum), with that number."""
    return next(((n, counted) for n, counted in _divisors(value, trace) if counted is not None and n >= 1 and n == round(n)),
                None)


def _scale_after(value: Value, trace: Trace) -> float:
    """The factor the program multiplies a one-number value by on its way on (its constant divisions and products by
    numbers below 1 in a row, a sign and a scale up aside); 1 where none."""
    factor, current = 1.0, value
    while True:
        user = next((trace.values[u] for u in current.users if trace.values[u].array.size == 1), None)
        op = user.op.removesuffix(" (in place)").removesuffix("_") if user is not None else ""
        numbers = [abs(i) for i in user.inputs if isinstance(i, float)] if user is not None else []
        if op in ("divide", "true_divide", "div") and numbers and numbers[0] and user.inputs[0] == current.index:
            factor /= numbers[0]
        elif op in ("multiply", "mul") and numbers and len(user.inputs) == 2:
            factor *= numbers[0] if numbers[0] < 1 else 1.0  # a scale up (a loss scale, undone on the gradients) no weight
        elif op not in ("negative", "neg"):
            return factor
        current = user


def _weighed_otherwise(mine: Value, theirs: Value, count: int, divisors: tuple[float, float], traces: tuple[Trace, Trace]) -> str:
    numpy_divisor, port_divisor = divisors
    rows = next((v.array.shape[0] for v in traces[0].values if v.op == "X" and v.array.ndim), 0)
    y_shape = next((v.array.shape for v in traces[0].values if v.op == "y"), ())
    ratio = port_divisor / numpy_divisor  # the NumPy program's weight on these elements over the port's
    meaning = count_meaning(ratio, y_shape) or count_meaning(1 / ratio, y_shape)
    chunks = port_divisor / count
    why = (" (a sum over the whole batch divided by the batch size against a mean per micro-batch averaged over the "
           f"{chunks:g} micro-batches: they agree only where every micro-batch holds as many rows)" if several_losses(traces[1])
           and chunks >= 2 and chunks == round(chunks) else f" ({meaning[1]})" if meaning else "")
    batch = ", the batch's rows" if numpy_divisor == rows else ""
    return (f"The NumPy program sums {count} elements into its {describe(mine)} and divides the sum by {numpy_divisor:g} "
            f"in all{batch}; the port's {theirs.op} averages them and divides by {port_divisor:g} in all (its mean's {count}"
            f"{f' times {chunks:g}' if chunks != 1 else ''}): the NumPy program weighs these elements {ratio:.6g} times as "
            f"much{why}.")


def _numpy_count(value: Value, trace: Trace) -> int | None:
    op = value.op.removesuffix(" (in place)")
    inputs = [i for i in value.inputs if isinstance(i, int)]
    if op in MEANS and len(inputs) == 1 and not value.detail:
        return trace.values[inputs[0]].array.size
    numbers = [i for i in value.inputs if isinstance(i, float)]
    if op in ("divide", "true_divide") and len(inputs) == 1 and numbers and value.inputs[1] == numbers[0] \
            and numbers[0] == round(numbers[0]) and numbers[0] >= 2:
        return int(numbers[0])
    return None


def _port_counts(value: Value, trace: Trace) -> list[int]:
    if value.op == "sum" and len([i for i in value.inputs if isinstance(i, int)]) == 1 and not value.detail:
        return [1]  # a sum of every element: its count is 1
    if value.op not in PORT_MEANS:
        return []
    first = next((trace.values[i] for i in value.inputs if isinstance(i, int)), None)
    if first is None or first.array.ndim == 0:
        return []
    if value.op in PER_ROW:
        return [first.array.shape[0] if first.array.ndim <= 2 else first.array.size // first.array.shape[1]]
    return [first.array.size]


def row_counts(departing: list[Value], numpy_trace: Trace, torch_trace: Trace) -> str:
    """Per-row means of the same sums over other counts: the NumPy program divides each row's sum by its own count
    (the real elements of a padded set), the port's mean over an axis by that axis's whole length (or the reverse)."""
    for mine in departing:
        if mine.op.removesuffix(" (in place)") not in ("divide", "true_divide") or len(mine.inputs) != 2 or \
                not isinstance(mine.inputs[1], int) or mine.array.ndim < 2:
            continue
        counts = numpy_trace.values[mine.inputs[1]].array
        if counts.size != mine.array.shape[0] or not np.array_equal(counts, np.round(counts)) or counts.min() < 1:
            continue
        for theirs in (v for v in torch_trace.values if v.op == "mean" and v.array.shape == mine.array.shape):
            source = next((torch_trace.values[i] for i in theirs.inputs if isinstance(i, int)), None)
            length = int(source.array.size // max(theirs.array.size, 1)) if source is not None else 0
            sums = mine.array * counts.reshape(-1, *[1] * (mine.array.ndim - 1))
            if length > 1 and not np.all(counts == length) and np.allclose(sums, theirs.array * length, rtol=1e-5, atol=1e-7):
                shown = sorted(set(counts.ravel().astype(int).tolist()))[:6]
                return (f"The NumPy program's {describe(mine)} and the port's {describe(theirs)} are means of the same sums "
                        f"over other counts: the NumPy program divides each row by its own count ({shown}…, from "
                        f"{describe(numpy_trace.values[mine.inputs[1]])}), the port's mean by all {length} it is given: "
                        "padded or masked-out elements counted in the denominator on one side (a masked mean is the "
                        "masked sum over the mask's count).")
    return ""


def features_meaning(ratio: float, x_shape: tuple) -> tuple[str, str] | None:
    """rows / features or its inverse: a count taken from X.shape[1] where X.shape[0] belongs, or the reverse."""
    if len(x_shape) != 2 or x_shape[0] == x_shape[1] or min(x_shape) < 1:
        return None
    rows, features = x_shape
    for value, words in ((rows / features, f"divided by X.shape[1], the {features} features, where X.shape[0], the {rows} rows, "
                          "belongs"), (features / rows, f"divided by X.shape[0], the {rows} rows, where X.shape[1], the "
                          f"{features} features, belongs")):
        if abs(ratio - value) <= 1e-6 * value:
            return "loss-reduction", f"{rows}/{features} = {value:.6g}: {words}" if value > 1 else f"{words}"
    return None


def count_meaning(ratio: float, y_shape: tuple, of: str = "y") -> tuple[str, str] | None:
    """1/c or c for c an axis of y past its rows (its classes, its outputs), or the product of several (an image's
    pixels, H·W, or every entry of a row): a mean over every element of y where one over its rows belongs (y.size for
    len(y)), or the reverse. `of` names the array (y, the output)."""
    size = f"{of}.size" if of == "y" else f"{of}'s size"
    for c, words in _counts(y_shape, of):
        over, times = (words, words) if words else (f"{of}'s {c} columns", f"{of}'s columns")  # one axis: its columns
        if abs(ratio - 1 / c) <= 1e-6 / c:
            return "loss-reduction", (f"1/{c}, one over {over}: divided by {size} (every element) where the rows' count "
                                      "belongs, a mean over every element for a mean over the rows")
        if abs(ratio - c) <= 1e-6 * c:
            return "loss-reduction", f"{c}, {times}: divided by the rows where {size} (every element) belongs"
    return None


def _counts(y_shape: tuple, of: str) -> list[tuple[int, str]]:
    """The counts a mean over y's entries may divide by besides its rows: each axis past the rows, then each run of
    them multiplied (H·W, every entry of a row)."""
    past = [int(d) for d in y_shape[1:]]
    counts = [(d, "") for d in past if d > 1]  # one axis: said as its columns
    for i in range(len(past)):
        for j in range(i + 2, len(past) + 1):
            c = int(np.prod(past[i:j]))
            if c > 1 and all(c != k for k, _ in counts):
                whole = i == 0 and j == len(past)
                counts.append((c, f"the {c} entries of each row of {of}" if whole else
                               f"{of}'s axes {i + 1} to {j} ({' × '.join(map(str, past[i:j]))} = {c})"))
    return counts


def masked_count(r: float, rows: int) -> str:
    """r = k/n (or n/k) for k a whole number of the batch's n rows: two counts for one mean, all the rows on one side
    and the k a mask keeps on the other; "" where r·n is no whole number. A count fits by its number alone."""
    if (k := _kept(r, rows)) is None:
        return ""
    mine, theirs = (f"all {rows} rows", f"the {k} rows a mask keeps") if r < 1 else (f"the {k} rows a mask keeps", f"all {rows} rows")
    return ((f"{r:.6g} is {k}/{rows}" if r < 1 else f"{r:.6g} is {rows}/{k}") + f": the NumPy program divides by {mine}, the "
            f"port by {theirs} (two counts for one mean; which the loss means, the numbers do not say)")


def _kept(r: float, rows: int) -> int | None:
    """k where r = k/n (or n/k) for k a whole number of the batch's n rows, 1 <= k < n; None where r·n is none."""
    kept = r * rows if r < 1 else rows / r
    k = round(kept)
    return k if 1 <= k < rows and abs(kept - k) <= 1e-6 * rows else None


def counted_meaning(ratio: float, rows: int, X: np.ndarray) -> tuple[str, str] | None:
    """A gradient's ratio read by its number (half, the batch size) and, where the batch holds a 0/1 column keeping k
    of its n rows and the ratio is k/n or n/k, as those two counts too: a mean over all the rows where the loss's runs
    over the rows a mask keeps (the number alone cannot tell the two apart)."""
    meaning = ratio_meaning(ratio, rows)
    if meaning is None or np.ndim(X) != 2 or (k := _kept(ratio, rows)) is None:
        return meaning
    j = next((j for j in range(X.shape[1]) if zero_one(X[:, j]) and int(X[:, j].sum()) == k), None)
    if j is None:
        return meaning
    return meaning[0], (f"{meaning[1]} (or {'%d/%d' % ((k, rows) if ratio < 1 else (rows, k))}: a mean over all {rows} rows "
                        f"where the loss's runs over the {k} rows a mask keeps (the data's 0/1 column {j}), or the reverse; "
                        "the number alone does not tell the two apart)")
