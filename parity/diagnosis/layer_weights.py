"""The weight a layer is given, where both programs part at a matrix product of an agreeing value.

A program may build a layer's weight before it uses it: a weight normalisation g·v/‖v‖, a fixed scale √(2/fan_in), a
pruning mask, a low-rank or adapter sum. The two programs then agree up to the layer's input and part in the product
itself. Here the matrix each side multiplies by (the port's nn.Linear weight transposed to the NumPy layout) is read
against the other's: entries zeroed apart, one scale, a scale per input row or per output unit, or both (a norm or a
gain taken along the other axis), or a low-rank difference.
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.value_trace import Trace, Value, agrees

PRODUCTS = {"matmul": 1, "dot": 1, "mm": 1, "linear": 1}  # op -> the position of the weight operand
READ = 1e-6  # relative spread within which factors are one factor


def given_weights(numpy_ops: list[Value], torch_ops: list[Value], frontier: Value, twin: Value,
                  numpy_trace: Trace, torch_trace: Trace, tolerance: float) -> str:
    """Words on how the weight the NumPy program multiplies the agreeing value by differs from the port's; "" where
    the first ops past it are not both products or the weights agree."""
    if not numpy_ops or not torch_ops:
        return ""
    product = _departing(torch_ops, numpy_trace, tolerance)
    mine, theirs = _weight(numpy_ops[0], frontier.index, numpy_trace), product and _weight(product, twin.index, torch_trace)
    if mine is None or theirs is None or mine.shape != theirs.shape or agrees(mine, theirs, tolerance):
        return ""
    said = _mapped(mine, theirs, product, torch_trace) or _reused(theirs, numpy_ops[0], numpy_trace, tolerance) or \
        min(mine.shape) >= 2 and (_quantised(mine, theirs) or _zeros(mine, theirs) or _scales(mine, theirs) or _kept_scaled(mine, theirs)
                                  or _low_rank(mine, theirs))  # a column's
    # ratios say nothing
    if not said:
        return ""
    return (f"The next op on both sides is a product with a weight of shape {mine.shape} (the port's in the NumPy layout, "
            f"(in, out)), and those weights differ: {said}")


def _departing(torch_ops: list[Value], numpy_trace: Trace, tolerance: float) -> Value | None:
    """The port's first product past the agreeing value whose result the NumPy program never has (a product it
    shares is another layer's, computed alike)."""
    for op in torch_ops[:4]:
        if op.op.removesuffix(" (in place)") in PRODUCTS and not any(
                v.array.shape == op.array.shape and agrees(v.array, op.array, tolerance) for v in numpy_trace.values):
            return op
    return None


def _reused(theirs: np.ndarray, mine: Value, numpy_trace: Trace, tolerance: float) -> str:
    """The port's weight is one the NumPy program multiplies by in another of its products: a layer's weight used
    for another layer (an index, a name or a loop variable slip)."""
    for other in numpy_trace.values:
        if other.index == mine.index or other.op.removesuffix(" (in place)") not in PRODUCTS or not other.inputs:
            continue
        weight = _weight(other, other.inputs[0], numpy_trace) if isinstance(other.inputs[0], int) else None
        if weight is not None and weight.shape == theirs.shape and agrees(theirs, weight, tolerance):
            return (f"the port's is the weight the NumPy program multiplies by in another of its products, "
                    f"{other.op} → {other.array.shape} (value {other.index}): one layer's weight used where another's "
                    "belongs (a list indexed with a fixed index, a name or loop variable slip).")
    return ""


def _weight(op: Value, agreed: int, trace: Trace) -> np.ndarray | None:
    """The matrix the op multiplies the agreeing value by, in the orientation it is used in (a transposed view is
    traced as its base: the one whose product is nearer the op's result, a bias aside)."""
    position = PRODUCTS.get(op.op.removesuffix(" (in place)"))
    if position is None or len(op.inputs) <= position or op.inputs[0] != agreed:
        return None
    source = op.inputs[position]
    matrix = trace.values[source].array if isinstance(source, int) else op.unseen.get(position)
    x = trace.values[agreed].array
    if matrix is None or np.ndim(matrix) != 2 or matrix.size < 2 or x.ndim != 2:
        return None
    fits = [m for m in (matrix, matrix.T) if m.shape[0] == x.shape[1] and m.shape[1] == op.array.shape[-1]]
    if not fits:
        return None
    return min(fits, key=lambda m: np.abs(x @ m - op.array - np.mean(x @ m - op.array, axis=0)).max())


def _softplus(v: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, v)


# a map a positive or bounded weight is written with: (the map, its inverse on the map's range)
MAPS = {"exp": (np.exp, np.log), "softplus": (_softplus, lambda w: np.log(np.expm1(w))),
        "sigmoid": (lambda v: 0.5 * (1 + np.tanh(0.5 * v)), lambda w: np.log(w / (1 - w))), "tanh": (np.tanh, np.arctanh),
        "square": (np.square, np.sqrt), "abs": (np.abs, lambda w: w), "identity": (lambda v: v, lambda w: w)}


def _mapped(mine: np.ndarray, theirs: np.ndarray, product: Value, trace: Trace) -> str:
    """The port builds its weight as f(v) of a parameter v (softplus, exp); the NumPy program's weight is another
    of those maps of the same v: the two programs map the parameter to the weight otherwise."""
    source = product.inputs[PRODUCTS[product.op.removesuffix(" (in place)")]]
    made = trace.values[source] if isinstance(source, int) else None
    f = made.op.removesuffix(" (in place)").removesuffix("_") if made is not None else ""
    if f not in MAPS or f in ("abs", "square") or len([i for i in made.inputs if not isinstance(i, float)]) != 1:
        return ""  # abs and square lose the sign: v is not recovered from them
    with np.errstate(all="ignore"):
        v = MAPS[f][1](theirs)
        if not np.isfinite(v).all():
            return ""
        for g, (forward, _) in MAPS.items():
            if g != f and np.allclose(forward(v), mine, rtol=1e-5, atol=0):
                said = "v itself" if g == "identity" else f"{g}(v)"
                return (f"the port's is {f}(v) of the parameter v it holds, and the NumPy program's is {said} of that same "
                        f"v: the two map the parameter to the weight otherwise ({said} against {f}(v)).")
    return ""


def _quantised(mine: np.ndarray, theirs: np.ndarray) -> str:
    """One side's weight on a uniform grid of few levels, the other's within half a grid step of it everywhere: the
    latent weight rounded (quantised) on one side only."""
    for a, b, who, other in ((mine, theirs, "NumPy program's", "port's"), (theirs, mine, "port's", "NumPy program's")):
        levels = np.unique(np.round(a, 9))
        if not 2 <= levels.size <= min(64, a.size // 2):
            continue
        gaps = np.diff(levels)
        step = float(gaps.min())
        if step > 0 and np.allclose(gaps / step, np.round(gaps / step), atol=1e-4) and \
                np.abs(a - b).max() <= 0.5 * step * (1 + 1e-4) and np.abs(b - np.round(b / step) * step).max() > 1e-3 * step:
            return (f"the {who} weight is the {other} rounded onto a grid of step {step:.4g} ({levels.size} levels, every "
                    f"entry within half a step of it): one side multiplies by the quantised weight, the other by the latent "
                    "full-precision one (the rounding left out on one side).")
    return ""


def _zeros(mine: np.ndarray, theirs: np.ndarray) -> str:
    zero_mine, zero_theirs = mine == 0, theirs == 0
    if not (zero_mine.any() or zero_theirs.any()) or np.array_equal(zero_mine, zero_theirs):
        return ""
    if mine.shape[0] == mine.shape[1] and np.array_equal(zero_mine, zero_theirs.T):
        return (f"the entries zeroed on one side are those zeroed on the other, transposed ({int(zero_mine.sum())} of "
                f"{mine.size}): a mask laid out for the other orientation, (in, out) against nn.Linear's (out, in) (a "
                "square layer lets it through), applied without .T.")
    return (f"{int((zero_mine & ~zero_theirs).sum())} entries are zero in the NumPy program's weight only and "
            f"{int((zero_theirs & ~zero_mine).sum())} in the port's only: the two mask (prune) different entries, or one "
            "side masks and the other does not.")


def _scales(mine: np.ndarray, theirs: np.ndarray) -> str:
    both = (mine != 0) & (theirs != 0)
    if not both.all():
        return ""
    ratio = mine / theirs
    c = float(np.median(ratio))  # one scale to the weights' own rounding: a small entry's ratio is loose (w - mean(w))
    if np.ptp(ratio) <= READ * np.abs(ratio).max() or np.abs(mine - c * theirs).max() <= READ * np.abs(mine).max():
        return (f"the NumPy program's is {c:.6g} times the port's everywhere{_dims(c, mine.shape)}: a constant of the "
                "weight's parametrisation (a scale, a gain's start, an adapter's alpha / r) differs.")
    rows, columns = ratio / ratio[:, :1], ratio / ratio[:1, :]
    per_column = np.ptp(columns, axis=0).max() <= READ * np.abs(columns).max()  # one factor per output unit
    per_row = np.ptp(rows, axis=1).max() <= READ * np.abs(rows).max()  # one factor per input row
    if per_column:
        return ("the ratio is one factor per output unit (column), a different one for each: a per-unit gain or norm "
                "differs (‖v‖ or g of each output unit).")
    if per_row:
        return ("the ratio is one factor per input row, the same across the output units: a scale or norm taken per "
                "input where it belongs per output unit (along the other axis).")
    if np.allclose(ratio * ratio[0, 0], ratio[:, :1] * ratio[:1, :], rtol=1e-6, atol=0):  # r_i · c_j
        return ("the ratio is a factor per input row times a factor per output unit: a normalisation or gain taken "
                "along the other axis on one side (a norm over dim=0 where dim=1 belongs in nn.Linear's (out, in) "
                "layout, or a gain of shape (out,) broadcast over the inputs).")
    return ""


def _kept_scaled(mine: np.ndarray, theirs: np.ndarray) -> str:
    """The same entries zeroed on both sides (one mask), the others one ratio apart: the mask's scale taken otherwise
    (DropConnect's w·m·keep where w·m / keep belongs: keep² apart)."""
    kept = mine != 0
    if not kept.any() or kept.all() or np.any(kept != (theirs != 0)):
        return ""
    ratio = mine[kept] / theirs[kept]
    c = float(np.median(ratio))
    if np.ptp(ratio) > READ * np.abs(ratio).max():
        return ""
    root = next((k for k in (np.sqrt(c), 1 / np.sqrt(c)) if abs(k * 1000 - round(k * 1000)) <= 1e-6 * k * 1000), None)
    square = (f" ({c:.6g} is {min(root, 1 / root):.6g}² or its inverse: that number multiplied on one side where the other "
              "divides by it, an inverted dropout's keep where 1/keep belongs)") if root is not None and c > 0 else ""
    return (f"both zero the same {int((~kept).sum())} entries (one mask), and on the others the NumPy program's is {c:.6g} "
            f"times the port's: the mask's scale taken otherwise on one side{square}.")


def _dims(c: float, shape: tuple[int, int]) -> str:
    fan_in, fan_out = shape
    for value, words in ((np.sqrt(fan_out / fan_in), "√(fan_out / fan_in)"), (np.sqrt(fan_in / fan_out), "√(fan_in / fan_out)")):
        if fan_in != fan_out and abs(c - value) <= 1e-6 * value:
            return (f", which is {words} = √({fan_out}/{fan_in})" if words.startswith("√(fan_out") else
                    f", which is {words} = √({fan_in}/{fan_out})") + (" (a scale computed from the other dimension: "
                                                                      "weight.shape[0] of nn.Linear's (out, in) weight is fan_out)")
    return ""


def _low_rank(mine: np.ndarray, theirs: np.ndarray) -> str:
    difference = mine - theirs
    singular = np.linalg.svd(difference, compute_uv=False)
    rank = int(np.sum(singular > 1e-6 * singular[0]))
    own = np.linalg.svd(theirs, compute_uv=False)
    if rank >= min(mine.shape) or rank >= int(np.sum(own > 1e-6 * own[0])):
        return ""  # no lower rank than the weight's own (a standardised weight's columns sum to 0: rank n - 1)
    return (f"they differ by a term of rank {rank} (of {min(mine.shape)}): a low-rank part of the weight (an adapter's "
            "B·A, a factorised term) is scaled otherwise or added on one side only.")
