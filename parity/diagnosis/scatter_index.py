"""A NumPy backward scatter (np.add.at) made again with another index or with its values negated: where that gives
one of the port's gradients (at once, or after the ops the program goes on to make), the rows are scattered by the
wrong ids (the positive item's where the negative's belong) or that term's sign is flipped.

    np.add.at(dQ, i, v)   against   np.add.at(dQ, j, v)      or      np.add.at(db, j, -v)
"""

from __future__ import annotations

from typing import Callable, Iterator

import numpy as np

from parity.diagnosis.carried_down import meets_again
from parity.diagnosis.missing_terms import port_gradients
from parity.diagnosis.value_trace import Trace, Value, agrees, describe


def scattered_otherwise(region: list[Value], trace: Trace, other: Trace, tolerance: float,
                        name: Callable[[Value], str]) -> str:
    """The first scatter of the region whose other index, or negated values, give the port's gradient."""
    for value in region:
        if value.op.removesuffix(" (in place)") != "add.at" or len(value.inputs) != 3 or \
                not all(isinstance(i, int) for i in value.inputs):
            continue
        base, index, values = (trace.values[i].array for i in value.inputs)
        if (own := _scattered(base, index, values)) is None or not agrees(own, value.array, tolerance):
            continue  # the scatter made again with its own operands is not the traced value: nothing to read
        for made, words in _alternatives(value, trace):
            if made is None:
                continue
            twin = next((g for g in port_gradients(other) if g.array.shape == made.shape and agrees(made, g.array, tolerance)
                         and not _made_already(g.array, trace, value.index, tolerance)), None)
            known = frozenset(v.index for v in other.values if v.array.size == made.size and v.array.shape == made.shape
                              and _made_already(v.array, trace, value.index, tolerance))
            if twin is not None or meets_again(trace, value.index, made, other, tolerance, False, known):
                meets = f"gives {name(twin)}" if twin is not None else "meets the port's gradients after it"
                return f"Made again {words}, the NumPy program's {describe(value)} {meets}: {_meaning(words)}"
    return ""


def _made_already(gradient: np.ndarray, trace: Trace, scatter: int, tolerance: float) -> bool:
    """Whether the NumPy program already makes that gradient elsewhere in its step (a scatter made again that lands on
    another parameter's gradient, which the program computes right, names a wrong term there, not a wrong index)."""
    return any(v.index != scatter and v.array.shape == gradient.shape and agrees(v.array, gradient, tolerance) for v in trace.values)


def _alternatives(value: Value, trace: Trace) -> Iterator[tuple[np.ndarray | None, str]]:
    base, index, values = (trace.values[i] for i in value.inputs)
    for candidate in trace.values[:value.index]:
        a = candidate.array
        if candidate.index == index.index or a.shape != index.array.shape or np.array_equal(a, index.array) or \
                not np.all(a == np.round(a)) or a.min(initial=0) < 0 or a.max(initial=0) >= len(base.array):
            continue
        yield _scattered(base.array, a, values.array), f"with {describe(candidate)} (value {candidate.index}) as its index " \
            f"in place of {describe(index)} (value {index.index})"
    yield _scattered(base.array, index.array, -values.array), "with its values negated"


def _scattered(base: np.ndarray, index: np.ndarray, values: np.ndarray) -> np.ndarray | None:
    """np.add.at on a copy; None where the index or values do not fit (a tuple index the trace holds as one array)."""
    made = np.array(base, np.float64)
    try:
        np.add.at(made, np.asarray(index).astype(int), values)
    except (IndexError, ValueError):
        return None
    return made


def _meaning(words: str) -> str:
    if words.startswith("with its values negated"):
        return "that term is scattered with its sign flipped (+v where -v belongs)."
    return ("it scatters that term into the rows of another index (one table's ids read for another's: the positive "
            "item's rows where the negative's belong).")
