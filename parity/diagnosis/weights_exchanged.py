"""Two terms whose weights are exchanged between the programs: α·a + (1 - α)·b against (1 - α)·a + α·b, a mixup's
λ given to the other target, v = √ᾱ·ε - √(1 - ᾱ)·x0 written with the two coefficients in each other's place.

    NumPy   c1·u ∘ c2·w            (∘ an addition or a subtraction)
    port    c2·u ∘ c1·w            measured: the NumPy program's own factors, exchanged, give the port's value

Each factor of the first product is tried in place of each factor of the second; a result that is a port value
(one the NumPy program has not made already) is said.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees, describe

SUMS = {"add": np.add, "subtract": np.subtract}


def weights_exchanged(departing: list[Value], trace: Trace, other: Trace, tolerance: float) -> str:
    for value in departing[:12]:
        combine = SUMS.get(value.op.removesuffix(" (in place)"))
        terms = [trace.values[i] for i in value.inputs if isinstance(i, int)]
        if combine is None or len(terms) != 2 or len(value.inputs) != 2 or not all(_factors(t, trace) for t in terms):
            continue
        (first, second) = (_factors(t, trace) for t in terms)
        for i in (0, 1):
            for j in (0, 1):
                if _alike(first[i], second[j]):
                    continue  # one factor exchanged for its equal: nothing changes
                mine, theirs = list(first), list(second)
                mine[i], theirs[j] = second[j], first[i]
                with np.errstate(all="ignore"):
                    again = np.asarray(combine(mine[0] * mine[1], theirs[0] * theirs[1]), np.float64)
                if again.shape != value.array.shape or agrees(again, value.array, tolerance):
                    continue
                twin = next((v for v in other.values if v.op != "grad" and v.array.shape == again.shape
                             and agrees(again, v.array, tolerance)), None)
                if twin is None or any(v.array.shape == twin.array.shape and agrees(v.array, twin.array, tolerance)
                                       for v in trace.values[:value.index]):
                    continue  # none, or a value the NumPy program has made already: no exchange shown
                return (f"The NumPy program's {describe(value)} is {_said(terms[0], i, trace)} {value.op} "
                        f"{_said(terms[1], j, trace)}; with those two factors in each other's place it gives the port's "
                        f"{describe(twin)}: the two programs weigh the two terms the other way round (two coefficients "
                        "exchanged: α and 1 - α, λ and 1 - λ given to the other term, √ᾱ and √(1 - ᾱ) swapped).")
    return ""


def _factors(term: Value, trace: Trace) -> tuple | None:
    """A product's two factors, as arrays or numbers; None where it is no product of two the trace holds."""
    if term.op.removesuffix(" (in place)") != "multiply" or len(term.inputs) != 2:
        return None
    found = []
    for position, source in enumerate(term.inputs):
        if isinstance(source, int):
            found.append(trace.values[source].array)
        elif isinstance(source, float):
            found.append(source)
        elif source == "?" and position in term.unseen:
            found.append(term.unseen[position])
        else:
            return None
    return tuple(found)


def _alike(a, b) -> bool:
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return a.shape == b.shape and bool(np.allclose(a, b))


def _said(term: Value, position: int, trace: Trace) -> str:
    source = term.inputs[position]
    factor = describe(trace.values[source]) if isinstance(source, int) else f"{source:g}" if isinstance(source, float) else "an array it holds"
    return f"{describe(term)} (weighted by {factor})"
