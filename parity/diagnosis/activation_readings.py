"""What a layer's activation computes, read from its numbers: each reading is a fit, stated only where it holds. An
elementwise function of z from a table of the usual ones (leaky ReLU's slope fitted, an affine change, a scaled input
A·f(B·z), mirrored, applied twice), dropout, a normalisation of each row or column, the bias left out, added twice,
subtracted or added outside, the product x @ W scaled, one branch of a piecewise form written wrong.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

import numpy_net
from parity.diagnosis.evidence import affine_fit, as_division, few, fit_ratio, one_side, relative_gap
from parity.diagnosis.normalisation_readings import rows_scaled, softmax_denominator
from parity.diagnosis.activation_table import ACTIVATIONS, scaled_inside, shifted_inside


INVERSES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": lambda a: np.log(a) - np.log1p(-a), "tanh": np.arctanh, "linear": lambda a: a,
}


def _own_scaled(z: np.ndarray, received: np.ndarray, run: str, tolerance: float) -> tuple[str, str] | None:
    """The run's own activation with its output or its input multiplied by a whole number or one over one: k·f(z) (a /2
    lost after a branch-free form, (z + |z|) for relu) or f(k·z) (a /2 lost in a half-angle form: 0.5·tanh(z) + 0.5 is
    sigmoid(2z)). For a ReLU the two are one: it is said of the output."""
    if run not in ACTIVATIONS or run == "linear":
        return None
    function = ACTIVATIONS[run][1]
    for k in (2.0, 0.5, 3.0, 1 / 3, 4.0, 0.25):
        shown = f"{k:g}" if k >= 1 else f"1/{round(1 / k)}"
        if relative_gap(k * function(z), received) <= tolerance:
            times = {2.0: "twice", 0.5: "half"}.get(k, f"{shown} times")
            relu = " = z + |z|, the branch-free (z + |z|) / 2 without its / 2" if run == "relu" and k == 2.0 else ""
            return (f"{shown}·{run}(z){relu}, {times} the run's {run} (a factor of its formula lost or doubled)", f"scaled-{run}")
        if relative_gap(function(k * z), received) <= tolerance:
            return (f"{run}({shown}·z), the run's {run} with its input multiplied by {shown} (a factor of its formula lost "
                    "or doubled: 0.5·tanh(z/2) + 0.5 is sigmoid(z), 0.5·tanh(z) + 0.5 is sigmoid(2z))", f"scaled-{run}")
    return None


def _one_branch(z: np.ndarray, received: np.ndarray, run: str, tolerance: float) -> str | None:
    """The run's activation on one side of z = 0 and not on the other: a branch of a piecewise or numerically stable
    form written wrong."""
    found = one_side(z, received, ACTIVATIONS[run][1](z), tolerance) if run in ACTIVATIONS else None
    if found is None:
        return None
    where, other, gap = found
    return (f"{run}(z) where {where} and something else where {other} (relative gap {gap:.3g} there): the branch for "
            f"{other} written wrong (in a numerically stable form, np.where(z >= 0, ..., ...), the negative branch)")


def shifted(z: np.ndarray, received: np.ndarray, run: str, bias: np.ndarray | None, tolerance: float) -> str | None:
    """The run's activation of z plus one more shift per unit: where that shift is the layer's bias, added twice."""
    if run not in INVERSES or received.shape != z.shape:
        return None
    with np.errstate(all="ignore"):
        inner = INVERSES[run](received)
    if not np.all(np.isfinite(inner)):
        return None
    shift = (inner - z).mean(axis=0)
    if relative_gap(ACTIVATIONS[run][1](z), received) <= tolerance or np.max(np.abs(shift)) <= tolerance * max(float(np.max(np.abs(z))), 1.0):
        return None  # the run's activation as it is: no shift to read
    if relative_gap(ACTIVATIONS[run][1](z + shift), received) > tolerance:
        return None
    if bias is not None and bias.shape == shift.shape and relative_gap(shift, bias) <= max(tolerance, 1e-3):
        return f"{run}(z + b): the layer's bias added twice (nn.Linear already adds it once)"
    if bias is not None and bias.shape == shift.shape and relative_gap(shift, -2 * bias) <= max(tolerance, 1e-3):
        return f"{run}(x @ W - b): the layer's bias subtracted where it is added (z - 2b, a sign slip in the forward pass)"
    return f"{run}(z + c), z shifted by one more constant per unit ({few(shift)})"


def inner_affine(product: np.ndarray, bias: np.ndarray | None, received: np.ndarray, run: str, tolerance: float) -> str | None:
    """The run's activation of s·(x @ W) + t·b, s and t fitted by least squares on its inverse: the bias left out
    (t = 0), added twice (t = 2) or subtracted (t = -1), or the product scaled (an initialisation's 1/√fan_in applied
    in the forward pass)."""
    if received.shape != product.shape or bias is None or not np.any(bias) or run not in ACTIVATIONS:
        return None
    if bias.ndim == 1 and np.ptp(bias) > 0:
        for k in range(min(len(bias), 8)):  # one element of the bias for every unit: b[0] where b belongs
            if relative_gap(ACTIVATIONS[run][1](product + bias[k]), received) <= tolerance:
                return (f"{run}(x @ W + b[{k}]): one element of the bias, b[{k}], added to every unit (an index left from a "
                        f"(1, h) bias now flat, or a scalar where the vector belongs), while all of b is trained")
    if run not in INVERSES:
        return None
    with np.errstate(all="ignore"):
        inner = INVERSES[run](received)
    if not np.all(np.isfinite(inner)):
        return None
    A = np.stack([product.ravel(), np.broadcast_to(bias, product.shape).ravel()], axis=1)
    (scale, times), *_ = np.linalg.lstsq(A, inner.ravel(), rcond=None)
    if relative_gap(ACTIVATIONS[run][1](scale * product + times * bias), received) > tolerance:
        return None
    near = lambda a, b: abs(a - b) <= 1e-3  # noqa: E731
    if near(scale, 1) and near(times, 0):
        return f"{run}(x @ W): the layer's bias left out of the forward pass (while it is still trained)"
    if near(scale, 1) and near(times, 2):
        return f"{run}(z + b): the layer's bias added twice"
    if near(scale, 1) and near(times, -1):
        return f"{run}(x @ W - b): the layer's bias subtracted where it is added"
    if near(times, 1) and not near(scale, 1):
        root = 1 / scale ** 2
        shown = f" = 1/√{round(root)} (an initialisation's 1/sqrt(fan_in) applied in the forward pass)" \
            if root > 1.5 and abs(root - round(root)) <= 1e-3 * root else as_division(float(scale))
        return f"{run}({scale:.6g}·(x @ W) + b): the product x @ W scaled by {scale:.6g}{shown}, the bias not"
    return None


def bias_outside(z: np.ndarray, received: np.ndarray, run: str, bias: np.ndarray | None, tolerance: float) -> str | None:
    """The run's activation of z without its bias, the bias added after it or not at all."""
    if bias is None or not np.any(bias) or run not in ACTIVATIONS or received.shape != z.shape:
        return None
    inner = ACTIVATIONS[run][1](z - bias)
    if relative_gap(inner + bias, received) <= tolerance:
        return f"{run}(x @ W) + b: the bias added after the activation, outside it, where it belongs inside, {run}(x @ W + b)"
    if relative_gap(inner, received) <= tolerance:
        return f"{run}(x @ W): the layer's bias left out"
    return None


def activation(z: np.ndarray, received: np.ndarray, tolerance: float, run: str) -> tuple[str, str] | None:
    """(words, name) for the elementwise function of z that a layer received, or dropout of the run's activation."""
    with np.errstate(all="ignore"):
        fits = [name for name, (_, function) in ACTIVATIONS.items() if relative_gap(function(z), received) <= tolerance]
        if len(fits) == 1 or run in fits:
            chosen = run if run in fits else fits[0]
            return ACTIVATIONS[chosen][0], chosen
        if fits:  # the rows at hand do not tell them apart (no z above 1 to part relu from a clip to [0, 1])
            others = "; ".join(ACTIVATIONS[name][0] for name in fits[1:])
            return f"{ACTIVATIONS[fits[0]][0]}, or on these rows alike {others}", "|".join(fits)
        altered = _run_altered(z, received, run, tolerance)
        if altered:
            return altered
        if np.ptp(received) <= tolerance * max(float(np.max(np.abs(received))), 1e-300) and np.ptp(z) > 0:
            one = " (a softmax over a single unit is 1 everywhere: it passes no gradient)" if received.shape[1:] == (1,) \
                and abs(float(received.flat[0]) - 1) <= tolerance else ""
            return f"the constant {float(received.flat[0]):.6g} whatever z{one}", "constant"
        return _own_scaled(z, received, run, tolerance) or _table_forms(z, received, tolerance) or _of_the_run(z, received, run, tolerance)


def _run_altered(z: np.ndarray, received: np.ndarray, run: str, tolerance: float) -> tuple[str, str] | None:
    """The run's own unit thresholded ([z > 0]), rounded to float16, or of the logit clipped to [ε, 1 - ε]."""
    if np.ptp(z) > 0 and np.any(z > 0) and relative_gap(received, (z > 0).astype(np.float64)) <= tolerance:
        return ("[z > 0], the unit thresholded: the predicted class (out > 0.5) where the unit's value belongs (every row "
                "here on the side it shows)" if np.all(z > 0) or np.all(z <= 0) else
                "[z > 0], the unit thresholded: the predicted class (out > 0.5) where the unit's value belongs"), "thresholded"
    function = ACTIVATIONS[run][1] if run in ACTIVATIONS else None
    if function is None:
        return None
    right = function(z)
    if relative_gap(right, received) > tolerance and relative_gap(right.astype(np.float16).astype(np.float64), received) <= 1e-3 * tolerance:
        return f"{ACTIVATIONS[run][0]} rounded to float16 (half precision: .astype(np.float16) on a cached value)", "float16"
    for eps in (1e-7, 1e-8, 1e-12, 1e-15, 1e-6, 1e-5):
        if relative_gap(function(np.clip(z, eps, 1 - eps)), received) <= tolerance:
            return (f"{run}(clip(z, {eps:g}, 1 - {eps:g})): the unit taken of the logit clipped to [ε, 1 - ε], the probability's "
                    f"clip put inside the {run} (np.clip(z, ε, 1 - ε) where np.clip({run}(z), ε, 1 - ε) belongs)"), "clipped-logit"
    return None


def _table_forms(z: np.ndarray, received: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """A known function changed: an affine change of it (2·sigmoid(z) - 1 = tanh(z/2)), A·f(B·z) + C, mirrored -f(-z),
    applied twice, or a leaky ReLU with its slope."""
    for name, (words, function) in ACTIVATIONS.items():
        if name != "linear" and relative_gap(function(z), z) <= tolerance:
            continue  # on these z the function is z itself (hardtanh of |z| < 1): no evidence of it
        fit = affine_fit(received.ravel(), function(z).ravel())
        if name == "linear" and fit and abs(fit[1]) > tolerance * max(float(np.abs(received).max()), 1e-300):
            continue  # a scale and an offset of z: read below as the product or the bias changed
        if fit and fit[2] <= tolerance and np.all(np.isfinite(fit[:2])):
            scale, shift = fit[0], fit[1]
            same = "; that is tanh(z/2), not tanh(z)" if name == "sigmoid" and abs(scale - 2) <= 1e-3 and abs(shift + 1) <= 1e-3 else ""
            if name == "sigmoid" and abs(scale + 1) <= 1e-3 and abs(shift - 1) <= 1e-3:
                return "1 - sigmoid(z) = sigmoid(-z) = 1/(1 + e^z): the exponent's sign flipped", "mirrored-sigmoid"
            offset = "" if abs(shift) <= tolerance * max(abs(scale), 1.0) else f" {'+' if shift >= 0 else '-'} {abs(shift):.4g}"
            if offset and (inside := scaled_inside(z, received, tolerance, pure=True)):
                return inside  # f(B·z), one constant, before A·f(z) + C, two: on small z the two look alike
            twice = f" ({scale:.4g} times {words.split(',')[0]})" if not offset else ""
            return f"{scale:.4g}·{words}{offset}{same}{twice}", f"scaled-{name}"
    inside = scaled_inside(z, received, tolerance, pure=True) or scaled_inside(z, received, tolerance)
    if inside:
        return inside
    for name, (words, function) in ACTIVATIONS.items():  # mirrored: -f(-z), min(z, 0) = -relu(-z) for relu
        if name not in ("linear", "tanh", "abs", "hardtanh") and relative_gap(-function(-z), received) <= tolerance:
            inner = words.split(",")[0].split(" = ")[0].replace("(z)", "(-z)")
            kept = " = min(z, 0): the negative part kept, clamp(max=0) where clamp(min=0) belongs" if name == "relu" else ""
            return f"-{inner}{kept}", f"mirrored-{name}"
    for name, (words, function) in ACTIVATIONS.items():  # the layer's activation and one more of the same
        if name != "linear" and relative_gap(function(function(z)), received) <= tolerance:
            inner = words.split(",")[0].split(" = ")[0]
            return f"{inner.replace('(z)', '(' + inner + ')')}: the activation applied twice (the layer's own and one more)", f"twice-{name}"
    negative = z < 0
    if np.any(negative) and np.any(~negative) and relative_gap(received[~negative], z[~negative]) <= tolerance:
        slope = fit_ratio(received[negative], z[negative])
        if slope and slope[1] <= tolerance and 0 < slope[0] < 1:
            return f"leaky_relu(z, negative_slope={slope[0]:.4g})", "leaky-relu"
    return shifted_inside(z, received, tolerance)  # three constants, A·f(z + s) + C: tried after every fewer


def _logarithm(z: np.ndarray, received: np.ndarray, run: str, tolerance: float) -> str | None:
    """The log of the run's probabilities where the probabilities belong: a stable log-softmax or log-sigmoid computed
    for the loss, then used as the output (its np.exp left out)."""
    if run == "softmax" and z.ndim == 2:
        m = z.max(axis=1, keepdims=True)
        log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    elif run == "sigmoid":
        log_p = -np.logaddexp(0.0, -z)
    else:
        return None
    if relative_gap(log_p, received) > tolerance:
        return None
    return (f"log {run}(z), the log-probabilities where the probabilities belong: a stable log-{run} kept for the loss and "
            f"then used as the output, its np.exp left out (exp(log_p) - y, not log_p - y)")


def _of_the_run(z: np.ndarray, received: np.ndarray, run: str, tolerance: float) -> tuple[str, str] | None:
    """The run's own activation otherwise: a softmax's denominator, rows normalised, dropout, its derivative in its
    place, or one branch of it written wrong."""
    expected = ACTIVATIONS[run][1](z) if run in ACTIVATIONS else numpy_net.ACTIVATIONS[run].function(z) if run in numpy_net.ACTIVATIONS else None
    denominator = softmax_denominator(z, received, tolerance) if run == "softmax" else None
    if denominator:
        return denominator, "softmax-denominator"
    logged = _logarithm(z, received, run, tolerance)
    if logged:
        return logged, "log-" + run
    normalised = rows_scaled(expected, received, run, tolerance, z) if expected is not None else None
    if normalised:
        return normalised, "normalised"
    if expected is not None:
        kept = (received != 0) & (expected != 0)
        dropped = (received == 0) & (expected != 0)
        if np.any(dropped) and np.any(kept):
            factor = fit_ratio(received[kept], expected[kept])
            if factor and factor[1] <= tolerance and factor[0] > 1 + 10 * tolerance:  # 1/(1 - p) > 1: units zeroed, the rest scaled up
                p = float(np.mean(dropped[expected != 0]))
                return (f"{run}(z) with {p:.0%} of the units zeroed and the rest scaled by {factor[0]:.4g} = 1/(1 - p): "
                        f"dropout (p = {1 - 1 / factor[0]:.3g}) left in training mode", "dropout")
    if run in numpy_net.ACTIVATIONS and numpy_net.ACTIVATIONS[run].derivative is not None:
        own = numpy_net.ACTIVATIONS[run]
        if relative_gap(own.derivative(own.function(z)), received) <= tolerance:
            return (f"{run}'(z), the activation's derivative, not the activation (a cached activation overwritten in "
                    "place by its derivative, h *= 1 - h, or the two variables confused)", "derivative")
    branch = _one_branch(z, received, run, tolerance)  # last: a known function with a branch (leaky ReLU) comes first
    return (branch, "branch") if branch else None
