"""Two values the sides compute at one place, one an elementwise function of the other: the port's the reciprocal,
the negative, the complement, a power, the exponential or the logarithm of the NumPy program's, a constant multiple
or offset of it, or it standardised (by its batch mean and standard deviation, as a whole or column by column).

A law is said only where it holds for every element within the run's rounding and the values vary (a constant array
fits too many laws to name one).
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees

Law = tuple[str, Callable[[np.ndarray], np.ndarray]]

LAWS: tuple[Law, ...] = (
    ("the negative, -x,", lambda x: -x),
    ("the reciprocal, 1/x (the ratio inverted),", lambda x: 1 / x),
    ("the complement, 1 - x,", lambda x: 1 - x),
    ("the square, x²,", np.square),
    ("the square root, √x,", np.sqrt),
    ("the exponential, exp(x),", np.exp),
    ("the natural logarithm, log(x),", np.log),
    ("log(1 + x) (log1p),", np.log1p),
    ("exp(x) - 1 (expm1),", np.expm1),
    ("x binarised, 1 where x > 0 and 0 elsewhere (an indicator),", lambda x: (x > 0).astype(np.float64)),
    ("the sign of x, sign(x),", np.sign),
)

NAMED_CONSTANTS = {2.0: "2", 0.5: "1/2", math.log(2): "ln 2", 1 / math.log(2): "1/ln 2 (log2 against log)",
                   math.log(10): "ln 10", 1 / math.log(10): "1/ln 10 (log10 against log)", math.e: "e", 1 / math.e: "1/e"}


def law_between(mine: np.ndarray, theirs: np.ndarray, tolerance: float, linear: bool = True) -> str:
    """The port's value (`theirs`) as a function of the NumPy program's (`mine`), or the NumPy program's of the port's:
    '' where none holds. Without `linear`, no multiple, offset or standardisation is read (for the results of a binary
    elementwise op, where those are only its other operand differing, which the operands' own reading says better)."""
    if mine.shape != theirs.shape or mine.size < 2 or np.ptp(mine) == 0 or np.ptp(theirs) == 0 or agrees(mine, theirs, tolerance):
        return ""
    for source, result, whose in ((mine, theirs, "the port's is {law} of the NumPy program's"),
                                  (theirs, mine, "the NumPy program's is {law} of the port's")):
        with np.errstate(all="ignore"):
            for text, law in LAWS:
                made = law(source)
                if np.all(np.isfinite(made)) and agrees(made, result, tolerance):
                    return whose.format(law=text)
    return _linear(mine, theirs, tolerance) if linear else ""


def _linear(mine: np.ndarray, theirs: np.ndarray, tolerance: float) -> str:
    scale = float(np.vdot(mine, theirs) / np.vdot(mine, mine))
    if agrees(scale * mine, theirs, tolerance):
        return f"the port's is {_number(scale)} times the NumPy program's"
    offset = float(np.mean(theirs - mine))
    if agrees(mine + offset, theirs, tolerance):
        return f"the port's is the NumPy program's {'plus' if offset > 0 else 'minus'} {abs(offset):.6g} (a constant offset)"
    return _standardised(mine, theirs, tolerance) or _standardised(theirs, mine, tolerance, "the NumPy program's", "the port's") \
        or _column_factors(mine, theirs, tolerance)


def _column_factors(mine: np.ndarray, theirs: np.ndarray, tolerance: float) -> str:
    """One factor per column (a time step, a feature): the NumPy program's column j is c_j times the port's; where the
    factors run geometrically, c_j = g^j (a discount counted from another origin)."""
    if mine.ndim != 2 or mine.shape[1] < 3:
        return ""
    with np.errstate(all="ignore"):
        factors = np.array([np.vdot(theirs[:, j], mine[:, j]) / np.vdot(theirs[:, j], theirs[:, j]) for j in range(mine.shape[1])])
    if not np.all(np.isfinite(factors)) or np.ptp(factors) <= tolerance * np.abs(factors).max() or \
            not agrees(factors * theirs, mine, tolerance):
        return ""
    steps = factors[1:] / factors[:-1]
    geometric = f" = {steps[0]:.4g}^j: a factor that grows by {steps[0]:.4g} per column (a discount's exponent counted " \
        "from another origin: γ^t where γ^(k - t) belongs)" if np.ptp(steps) <= 1e-6 * np.abs(steps).max() else ""
    shown = ", ".join(f"{c:.4g}" for c in factors[:6])
    return f"the NumPy program's column j is c_j times the port's, with c = {shown}{', …' if len(factors) > 6 else ''}{geometric}"


def _standardised(raw: np.ndarray, made: np.ndarray, tolerance: float, whose: str = "the port's",
                  of: str = "the NumPy program's") -> str:
    """`made` is `raw` less its mean over the batch, divided by its standard deviation (biased or not): as a whole, or
    column by column with some columns passed through unchanged."""
    for axis in (None, 0) if raw.ndim == 2 else (None,):
        for ddof in (0, 1):
            with np.errstate(all="ignore"):
                standard = (raw - raw.mean(axis=axis)) / raw.std(axis=axis, ddof=ddof)
            if axis is None:
                if agrees(standard, made, tolerance):
                    return f"{whose} is {of} standardised as a whole (its mean subtracted, divided by its std)"
                continue
            same = [j for j in range(raw.shape[1]) if agrees(raw[:, j], made[:, j], tolerance)]
            scaled = [j for j in range(raw.shape[1]) if j not in same and np.all(np.isfinite(standard[:, j])) and agrees(standard[:, j], made[:, j], tolerance)]
            if scaled and len(same) + len(scaled) == raw.shape[1]:
                passed = f"; columns {same} pass unchanged" if same else ""
                return (f"{whose} columns {scaled} are {of} standardised (each column's batch mean subtracted, divided by its "
                        f"std{', ddof=1' if ddof else ''}){passed}: columns scaled on one side only (for example 0/1 indicator "
                        f"columns standardised with the numeric ones)")
    return ""


def named_constant(k: float, rtol: float = 1e-3) -> str:
    """The name of a constant a fitted number is (ln 2, 1/ln 10, e, ...), or ''."""
    return next((text for value, text in NAMED_CONSTANTS.items() if abs(abs(k) - value) <= rtol * value), "")


def _number(k: float) -> str:
    named = named_constant(k, 1e-5)
    return f"{k:.6g} (= {named})" if named else f"{k:.6g}"


def related(numpy_values: list[Value], torch_values: list[Value], tolerance: float, trace=None) -> tuple[str, float]:
    """The first NumPy value departing that a port value of its shape follows by a law; of several, the port value
    with the most columns equal to it (the one computed at the same place). A sign the NumPy program takes back at
    once (c - x of the flipped value: margin - (a - b) against (b - a) + margin) is no law of where they part.
    (words, fit): a multiple of no meaning (4.642 times) says where, not how (0.6); any other law 0.8."""
    by_index = {v.index: v for v in (trace.values if trace is not None else numpy_values)}
    for mine in numpy_values:
        a = np.asarray(mine.array, np.float64)
        undone = sign_taken_back(mine, by_index)
        found = [(theirs, law) for theirs in torch_values if theirs.array.shape == mine.array.shape and same_kind(mine, theirs)
                 and (law := law_between(a, np.asarray(theirs.array, np.float64), tolerance, op_kind(mine.op) not in BINARY))
                 and not (undone and "the negative" in law)]
        if not found:  # a variance n/(n - 1) apart for a large n: nearer than a law's tolerance, read by its factor
            found = [(theirs, f"the port's is {float(np.vdot(a, theirs.array) / np.vdot(a, a)):.6g} times the NumPy program's")
                     for theirs in torch_values if theirs.array.shape == mine.array.shape and same_kind(mine, theirs)
                     and _bessel(mine, np.asarray(theirs.array, np.float64), by_index)][:1]
        if found:
            theirs, law = max(found, key=lambda pair: _same_columns(a, np.asarray(pair[0].array, np.float64), tolerance))
            if "the negative" in law and op_kind(mine.op) == "subtract":
                law += " (the subtraction's operands swapped, b - a for a - b: the sign flipped)"
            law += _exponents(a, np.asarray(theirs.array, np.float64)) if op_kind(mine.op) == "exp" else ""
            bessel = _bessel(mine, np.asarray(theirs.array, np.float64), by_index)
            return (f"Where they part, the NumPy program's {mine.op} {mine.array.shape} and the port's {theirs.op} are "
                    f"one function of the other: {law}{bessel}."), 0.6 if _bare_scale(a, np.asarray(theirs.array, np.float64)) \
                and not bessel else 0.8
    return "", 0.0


def _bessel(mine: Value, theirs: np.ndarray, values: dict[int, Value]) -> str:
    """A variance (or standard deviation, or a value made from one within a few ops: a running variance's update) one
    side divides by n - 1 and the other by n, for n the entries each of its numbers reduces: the two (n - 1)/n apart
    (its square root for a standard deviation)."""
    spread = _variance_behind(mine, values)
    if spread is None or not np.any(mine.array):
        return ""
    source = values[spread.inputs[0]]
    n = source.array.size // spread.array.size
    k = float(np.vdot(mine.array, theirs) / np.vdot(mine.array, mine.array))
    power = 0.5 if op_kind(spread.op) == "std" and spread is mine else 1.0
    for factor, who in (((n - 1) / n, "the NumPy program"), (n / (n - 1), "the port")):
        if n > 1 and abs(k - factor ** power) <= 1e-5 * factor:
            return (f" = {'' if power == 1 else '√'}((n - 1)/n){'' if factor < 1 else '⁻¹'} for the n = {n} entries each "
                    f"{op_kind(spread.op)} reduces: {who} divides by n - 1 (ddof=1, Bessel's correction, an unbiased "
                    "variance) where the other divides by n")
    return ""


def _variance_behind(value: Value, values: dict[int, Value], hops: int = 3) -> Value | None:
    """The variance or standard deviation the value is, or is made from within a few ops (each a reduction of a traced
    value)."""
    frontier = [value]
    for _ in range(hops + 1):
        found = next((v for v in frontier if op_kind(v.op) in ("var", "std") and v.inputs and isinstance(v.inputs[0], int)
                      and v.inputs[0] in values and v.array.size), None)
        if found is not None:
            return found
        frontier = [values[i] for v in frontier for i in v.inputs if isinstance(i, int) and i in values]
    return None


def _bare_scale(mine: np.ndarray, theirs: np.ndarray) -> bool:
    """theirs = k·mine with k no named constant, no whole number and no whole number's reciprocal (up to 64)."""
    k = float(np.vdot(mine, theirs) / np.vdot(mine, mine)) if np.any(mine) else 0.0
    if not k or not np.allclose(k * mine, theirs, rtol=1e-5, atol=1e-9 * max(float(np.abs(theirs).max()), 1e-30)):
        return False
    whole = any(abs(abs(v) - round(abs(v))) <= 1e-4 * abs(v) and 1 <= round(abs(v)) <= 64 for v in (k, 1 / k))
    return not whole and not named_constant(k)


def sign_taken_back(value: Value, values: dict[int, Value]) -> bool:
    """Whether the program subtracts the value from another at once where it uses it (c - x): a sign written the
    other way there is taken back (margin - (a - b) against (b - a) + margin). A bare -x (the exp(-z) of a sigmoid
    written out) takes nothing back."""
    return any(op_kind(u.op) == "subtract" and len(u.inputs) == 2 and u.inputs[1] == value.index
               for u in (values.get(i) for i in value.users) if u is not None) or _negated_when_summed(value, values)


def _negated_when_summed(value: Value, values: dict[int, Value], hops: int = 4) -> bool:
    """Whether the program sums the value and negates the sum within a few ops (-(log p · mask).sum() / n): a
    log-likelihood's sign, taken back on the way to the loss, where the other side sums the negative terms."""
    frontier, summed = [value], False
    for _ in range(hops):
        users = [values[i] for v in frontier for i in v.users if i in values]
        for user in users:
            kind = op_kind(user.op)
            if summed and (kind == "negative" or kind == "multiply" and any(isinstance(i, float) and i < 0 for i in user.inputs)):
                return True
        summed = summed or any(op_kind(u.op) in ("add.reduce", "mean") and u.array.size == 1 for u in users)
        frontier = [u for u in users if u.array.size == 1 or op_kind(u.op) in ("multiply", "divide", "add.reduce", "mean")]
    return False


def _exponents(mine: np.ndarray, theirs: np.ndarray) -> str:
    """Two exps whose exponents are one multiple of the other: exp(k·v) against exp(v) (a log-variance read as a log
    standard deviation: k = 2)."""
    if np.any(mine <= 0) or np.any(theirs <= 0):
        return ""
    a, b = np.log(mine), np.log(theirs)
    k = float(np.vdot(b, a) / np.vdot(a, a)) if np.any(a) else 0.0
    if not k or abs(k - 1) < 1e-6 or np.abs(b - k * a).max() > 1e-6 * max(np.abs(b).max(), 1e-12):
        return ""
    return (f" (the port exponentiates {k:.6g} times the NumPy program's exponent, exp({k:.6g}·v) against exp(v): a log-"
            "variance taken for a log standard deviation, or the reverse, where k is 2 or 1/2)")


KINDS = {"div": "divide", "true_divide": "divide", "sub": "subtract", "rsub": "subtract", "mul": "multiply",
         "cat": "concatenate", "concat": "concatenate", "hstack": "concatenate", "column_stack": "concatenate",
         "mm": "matmul", "dot": "matmul", "sum": "add.reduce", "amax": "maximum.reduce", "max": "maximum.reduce",
         "clamp": "clip", "pow": "power", "where": "where"}


BINARY = {"add", "subtract", "multiply", "divide"}


def op_kind(op: str) -> str:
    op = op.removesuffix(" (in place)").rstrip("_")
    return KINDS.get(op, op)


def same_kind(mine: Value, theirs: Value) -> bool:
    """Two values made by the same operation (np.divide and torch's div): the places the two programs mean to be one.
    Values made by other operations (a negation inside one side's sigmoid, a shift on the other's) may be related by
    a law that says nothing about what either program meant."""
    kinds = {op_kind(mine.op), op_kind(theirs.op)}
    return len(kinds) == 1 or bool(kinds & DISTANCES) and bool(kinds & {"add.reduce", "sqrt"})


# torch's distances and norms, one op where a NumPy program writes a sum of squares (and its root)
DISTANCES = {"cdist", "norm", "vector_norm", "pairwise_distance", "dist"}


def _same_columns(a: np.ndarray, b: np.ndarray, tolerance: float) -> int:
    return sum(agrees(a[:, j], b[:, j], tolerance) for j in range(a.shape[1])) if a.ndim == 2 else 0


def downstream(trace: Trace, value: Value, limit: int = 24) -> list[Value]:
    """The values made from `value`, nearest first (the gradients' ops left out)."""
    found, queue, seen = [], list(value.users), set()
    while queue and len(found) < limit:
        index = queue.pop(0)
        if index in seen or trace.values[index].op == "grad":
            continue
        seen.add(index)
        found.append(trace.values[index])
        queue += trace.values[index].users
    return found
