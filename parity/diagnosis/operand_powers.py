"""The other operand each side applies to the agreeing value with one op, read against each other: a power apart
(2σ² against 2σ, a variance where a width belongs), or a fixed multiple of it (2σ² against σ²)."""

from __future__ import annotations

import numpy as np

from parity.diagnosis.op_pairs import number_scale
from parity.diagnosis.value_laws import sign_taken_back
from parity.diagnosis.value_trace import Trace, Value, describe

OPS = {"add": "add", "subtract": "subtract", "sub": "subtract", "multiply": "multiply", "mul": "multiply",
       "divide": "divide", "true_divide": "divide", "div": "divide"}
SAID = {"add": "adds", "subtract": "subtracts", "multiply": "multiplies it by", "divide": "divides it by"}
POWERS = {2.0: "the square", 0.5: "the square root", 3.0: "the cube", 1.0: ""}
EXACT = 1e-4  # a fitted law's spread over the entries, relative: operands recovered from float32 results


def powers_apart(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value, port_trace: Trace,
                 numpy_trace: Trace | None = None) -> str:
    """Where both sides apply one op to the agreeing value with another array, whether the NumPy program's array is
    a fixed power of the port's (times one number): the words, or ""."""
    pair = next(((m, t) for m in numpy_ops[:3] for t in torch_ops[:3] if OPS.get(m.op) and OPS.get(m.op) == OPS.get(t.op)
                 and m.array.size == t.array.size), None)  # (n, 1) kept with keepdims against (n,): the same numbers
    if pair is None:
        return ""
    mine, theirs = pair
    ours, port = _operand(mine, frontier.index, frontier.array), _operand(theirs, twin.index, twin.array)
    if (ours is None or port is None) and (held := _held_operands(mine, theirs, frontier, twin, numpy_trace, port_trace)):
        ours, port = held  # an operand broadcast against the agreeing value (t · freqs): read as each side holds it
        if (exponent := _exponent(ours, port)) is not None:
            return (f"Both sides {_plain(OPS[mine.op])} another array there: the NumPy program's is the port's to the power "
                    f"{exponent:.6g}, entry by entry (exponents k·a on one side, k·b on the other, a/b = {exponent:.6g}: a "
                    "frequency or wavelength formula with another denominator, linspace's endpoint k/(n - 1) against "
                    "arange(n)/n, a count off by one).")
    if ours is None or port is None or ours.size != port.size:
        return ""
    port = port.reshape(ours.shape)
    law = _law(ours, port)
    gap = ours - port
    if law is None and np.ptp(port) > EXACT * float(np.abs(port).max()) and np.ptp(gap) <= EXACT * float(np.abs(port).max()) \
            and abs(gap.flat[0]) > EXACT * float(np.abs(port).max()):  # an operand that varies: two numbers always differ
        c = float(np.mean(gap))
        return (f"Both sides {_plain(OPS[mine.op])} another array there: the NumPy program's is the port's "
                f"{'plus' if c > 0 else 'minus'} {abs(c):.6g}, entry by entry: a constant added on one side only (a "
                "smoothing term in the denominator or numerator alone, an ε on one side).")
    if law is None:
        return ""
    k, p = law
    op = OPS[mine.op]
    taken = next((port_trace.values[i] for i in theirs.inputs if isinstance(i, int) and i != twin.index), None)
    whose = f" ({describe(taken)})" if taken is not None else ""
    if p == 1.0 and abs(k + 1) <= EXACT and numpy_trace is not None and sign_taken_back(mine, dict(enumerate(numpy_trace.values))):
        return ""  # a log-likelihood's sign, taken back on the way to the NumPy program's loss: no factor apart
    if p == 1.0:
        half = {2.0: ", half of it", 0.5: ", twice it"}.get(round(k, 6), "")
        return (f"Both sides {_plain(op)} another array there: the NumPy program's is {k:.6g} times the port's{whose}, "
                f"entry by entry (the port's {1 / k:.6g} times the NumPy program's{half}): " + (_bessel(k) or "a factor "
                "written into one side's formula only (the 2 of 2σ², a 0.5 carried onto another term)."))
    said = (f"Both sides {_plain(op)} another array there: the NumPy program's is {k:.6g} × {POWERS[p]} of the port's{whose}, "
            "entry by entry")
    scale = _scale_of(taken)
    if scale is not None and abs(k * scale**p - scale) <= EXACT * abs(scale):
        said += f" ({scale:g}·s{_superscript(p)} against {scale:g}·s, s the value the port multiplies by {scale:g})"
    return said + (": a power on one side the other does not take (a variance where a width belongs, σ² for σ, "
                   "a square or a root left out).")


def _bessel(k: float) -> str:
    """A ratio that is √((n - 1)/n) or (n - 1)/n for a whole n (or their inverses): a standard deviation or a variance
    taken with ddof=0 on one side and ddof=1 on the other."""
    for power, kind in ((2, "standard deviation"), (1, "variance")):
        for ratio, biased in ((k, "the NumPy program's"), (1 / k, "the port's")):
            if 0 < ratio < 1 and (n := 1 / (1 - ratio ** power)) >= (3 if power == 2 else 16) and \
                    abs(ratio ** power - (round(n) - 1) / round(n)) <= 1e-6:  # a plain 1/2 or 9/10 is a factor, not a count
                return (f"that is {'√' if power == 2 else ''}(({round(n)} - 1)/{round(n)}): a {kind} over {round(n)} values "
                        f"divided by n on one side and by n - 1 on the other ({biased} divides by n; torch's std and var "
                        "are unbiased, n - 1, by default, NumPy's divide by n: ddof, or correction=0).")
    return ""


def _plain(op: str) -> str:
    return {"add": "add", "subtract": "subtract", "multiply": "multiply it by", "divide": "divide it by"}[op]


def _superscript(p: float) -> str:
    return {2.0: "²", 3.0: "³", 0.5: "^½"}[p]


def _scale_of(value: Value | None) -> float | None:
    """The number a value is one operand times (2 of 2·s), else None."""
    scale = number_scale(value) if value is not None and OPS.get(value.op) == "multiply" else None
    return scale[0] if scale and scale[0] else None


def _operand(value: Value, agreeing: int, x: np.ndarray) -> np.ndarray | None:
    """The other operand of a binary op on the agreeing value x, recovered from its result where not traced."""
    if len(value.inputs) != 2 or agreeing not in value.inputs or any(isinstance(i, float) for i in value.inputs):
        return None
    first, r = value.inputs[0] == agreeing, value.array
    if x.shape != r.shape:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        other = {"add": r - x, "subtract": x - r if first else r + x, "multiply": r / x,
                 "divide": x / r if first else r * x}[OPS[value.op]]
    return other if np.isfinite(other).all() else None


def _held_operands(mine: Value, theirs: Value, frontier: Value, twin: Value, numpy_trace: Trace | None,
                   port_trace: Trace) -> tuple[np.ndarray, np.ndarray] | None:
    """The two sides' other operands as traced or held (not recovered from the result), where they have one shape."""
    def other(value: Value, agreeing: int, trace: Trace | None) -> np.ndarray | None:
        for position, source in enumerate(value.inputs):
            if source == agreeing:
                continue
            if isinstance(source, int) and trace is not None:
                return trace.values[source].array
            if source == "?" and position in value.unseen:
                return value.unseen[position]
        return None
    ours, port = other(mine, frontier.index, numpy_trace), other(theirs, twin.index, port_trace)
    if ours is None or port is None or ours.size != port.size:
        return None
    return ours, port.reshape(ours.shape)


def _exponent(ours: np.ndarray, port: np.ndarray) -> float | None:
    """p with ours = port^p over every entry apart from 1 (both positive), p not 1: exponents scaled by one factor."""
    if np.any(ours <= 0) or np.any(port <= 0):
        return None
    used = np.abs(np.log(port)) > 1e-6
    if used.sum() < 2:
        return None
    p = np.log(ours[used]) / np.log(port[used])
    if np.ptp(p) > EXACT * abs(p[0]) or abs(p[0] - 1) <= EXACT or not np.allclose(ours[~used], 1.0, rtol=1e-6):
        return None
    return float(p[0])


def _law(ours: np.ndarray, port: np.ndarray) -> tuple[float, float] | None:
    """(k, p) with ours = k · port^p over every entry, p among POWERS, where the port's entries take several values
    (one number each side says nothing of a power) and the two arrays are not equal."""
    flat_ours, flat_port = _distinct(ours), _distinct(port)
    if flat_port is None or flat_ours is None or flat_port.size != flat_ours.size or np.allclose(flat_ours, flat_port, rtol=EXACT, atol=0):
        return None
    for p in POWERS:
        if p != int(p) and (flat_port <= 0).any():
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            k = flat_ours / flat_port**p
        if np.isfinite(k).all() and np.ptp(k) <= EXACT * np.abs(k).max() and abs(k[0]) > 0 and not (p == 1.0 and abs(k[0] - 1) <= EXACT):
            return float(k[0]), p
    return None


def _distinct(array: np.ndarray) -> np.ndarray | None:
    """An operand's entries where they vary (a per-unit array broadcast over the rows counts each unit once); None
    where it is one number, or has a zero."""
    flat = np.unique(np.round(array.ravel(), 12))
    if flat.size < 2 or (flat == 0).any():
        return None
    return array.ravel()


def complement(mine: np.ndarray, theirs: np.ndarray) -> str:
    """The port's operand 1 minus, the negative of, or the reciprocal of the NumPy program's, entry by entry."""
    if np.size(mine) != np.size(theirs):
        return ""  # operands of other sizes (a bias against a matrix): no entry to hold against another
    scale = max(float(np.abs(theirs).max(initial=0.0)), 1e-30)
    with np.errstate(divide="ignore", invalid="ignore"):
        forms = (("1 minus", 1 - mine, "a mixing weight λ on one side where 1 - λ is meant (λ·a + (1 - λ)·b with the weights "
                  "swapped), a probability where its complement belongs"), ("the negative of", -mine, "a sign flipped"),
                 ("the reciprocal of", 1 / mine, "a division where a product belongs"))
    for words, form, meaning in forms:
        if np.isfinite(form).all() and np.allclose(theirs, form.reshape(theirs.shape), rtol=1e-4, atol=1e-6 * scale):
            return f" The port's is {words} the NumPy program's, entry by entry: {meaning}."
    return ""
