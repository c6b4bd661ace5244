"""Two means of one sum over another count: each side's mean times the number of elements it averages gives the same
total, but the counts differ (masked-out rows counted in the denominator, a mean over every element where the other
averages over the rows).

    mean_numpy · k_numpy = mean_port · k_port,   k_numpy ≠ k_port
"""

from __future__ import annotations

from parity.diagnosis.value_trace import Trace, Value, describe

MEANS = {"mean", "average", "nanmean"}
PORT_MEANS = {"mean", "mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy",
              "binary_cross_entropy_with_logits", "cross_entropy", "nll_loss", "kl_div", "soft_margin_loss"}
SUMS_AGREE = 1e-6  # relative, the totals of the two means


def mean_counts(departing: list[Value], numpy_trace: Trace, torch_trace: Trace) -> str:
    for mine in departing:
        if mine.array.size != 1 or (counted := _numpy_count(mine, numpy_trace)) is None:
            continue
        for theirs in torch_trace.values:
            if theirs.op == "grad" or theirs.array.size != 1 or "reduction='sum'" in theirs.detail or \
                    "reduction='none'" in theirs.detail:
                continue
            for count in _port_counts(theirs, torch_trace):
                total = float(mine.array.ravel()[0]) * counted
                if count != counted and total and abs(float(theirs.array.ravel()[0]) * count - total) <= SUMS_AGREE * abs(total):
                    return (f"The NumPy program's {describe(mine)} and the port's {describe(theirs)} are means of the same "
                            f"total over other counts: the NumPy program divides by {counted}, the port by {count} (its "
                            f"{theirs.op} averages over every element it is given): a mean over another count (rows masked "
                            "out still counted, or every element where the rows were meant).")
    return ""


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
    if value.op not in PORT_MEANS:
        return []
    first = next((trace.values[i] for i in value.inputs if isinstance(i, int)), None)
    if first is None or first.array.ndim == 0:
        return []
    return list(dict.fromkeys([first.array.size, first.array.shape[0]]))
