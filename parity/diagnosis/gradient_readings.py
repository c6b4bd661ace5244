"""What a side did to the gradient between its backward pass and its update, read at the first step, where plain SGD
moves a parameter by -lr·ĝ (momentum alike, torch seeding its buffer with ĝ; Nesterov by (1 + μ) times it): the side's ĝ against
the run's true gradient g, parameter by parameter. Each transform is a fit, stated only where it reproduces ĝ:

    g - mean(g) over one axis (gradient centralisation)    g / ‖g‖ (normalised)    sign(g)    clip(g, -c, c)
"""

from __future__ import annotations

import numpy as np

from parity.diagnosis.evidence import as_division, fit_ratio, relative_gap, run_gradients
from parity.diagnosis.finding import SIDE_PROGRAMS as SIDES, Finding
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE

# each: (words, ĝ from g (NumPy layout: W is (inputs, outputs)), in the port's layout where it differs)
TRANSFORMS = {
    "the gradient centred over its inputs, g - g.mean(dim=1, keepdim=True) on torch's (outputs, inputs) weight (gradient centralisation)":
        lambda g: g - g.mean(axis=0, keepdims=True) if g.ndim == 2 else None,
    "the gradient centred over its outputs, g - g.mean(axis=1, keepdims=True)": lambda g: g - g.mean(axis=1, keepdims=True) if g.ndim == 2 else None,
    "the gradient divided by its own norm, g / ‖g‖ (each parameter's gradient normalised)": lambda g: g / np.linalg.norm(g),
    "the gradient replaced by its sign, sign(g) (signSGD)": np.sign,
}


# the first step of each SGD-family optimizer, over -lr·g (torch seeds a momentum buffer with the gradient itself)
FIRST_STEP = {"sgd": lambda c: 1.0, "momentum": lambda c: 1.0, "nesterov": lambda c: 1.0 + c.momentum,
              "ema-momentum": lambda c: 1.0 - c.momentum}


def gradient_transform_finding(setup: Setup, failure: FailureContext) -> Finding | None:
    config = setup.config
    first = FIRST_STEP.get(config.optimizer, lambda c: None)(config)
    if failure.step != 1 or first is None or config.mode != "lockstep" or len(setup.user_sides) != 1:
        return None
    side = setup.user_sides[0]
    before, record = (failure.numpy_before, failure.numpy_record) if side == "numpy" else (failure.torch_before, failure.torch_record)
    params = {name: np.asarray(value, np.float64) for name, value in before.items()}
    X, y = (np.asarray(a, np.float64) for a in setup.batch(1))
    grads = run_gradients(params, X, y, config)
    tolerance = 10 * MATCH_TOLERANCE[config.dtype]
    names = [name for name in grads if f"{name}.update" in record]
    seen_all = {name: -np.asarray(record[f"{name}.update"], np.float64) / (config.lr * first) for name in names}
    subset = _rows_subset(seen_all, params, X, y, config, tolerance)
    if subset:
        return Finding("dropped-rows", f"The {SIDES[side]} program's first step is -lr times {subset}, read against the run's "
                       "gradient of every subset of the batch's first and last rows.", {"side": side}, "Train on the whole "
                       "batch: no row sliced off, the gradients of every micro-batch kept (zero_grad() before the loop).", 0.9)
    offset = _constant_offset(seen_all, grads, config, tolerance)
    if offset:
        return Finding("optimizer-convention", f"The {SIDES[side]} program's first step is -lr times the gradient plus one "
                       f"constant in every element: {offset}.", {"side": side}, "Start the optimizer's buffers at zero.", 0.9)
    read, right = {}, []
    for name, g in grads.items():
        if f"{name}.update" not in record or not np.any(g):
            continue
        seen = -np.asarray(record[f"{name}.update"], np.float64) / (config.lr * first)
        if relative_gap(seen, g) <= tolerance:
            right.append(name)
            continue
        before_w = params[name]
        words = _transform(seen, g, tolerance) or _renormed(before_w - config.lr * first * seen, before_w - config.lr * first * g, tolerance)
        if words is None:
            return None  # a parameter whose step no transform explains: another mechanism
        read[name] = words
    if not read:
        return None
    groups: dict[str, list[str]] = {}
    for name, words in read.items():
        groups.setdefault(words, []).append(name)
    said = "; ".join(f"{', '.join(names)}: {words}" for words, names in groups.items())
    untouched = f"; {', '.join(right)} step by -lr times the gradient itself" if right else ""
    return Finding("gradient-transform", f"The {SIDES[side]} program's step is not -lr times the gradient at step 1, read "
                   f"parameter by parameter against the run's gradient: {said}{untouched}.", {"side": side, "transformed": read},
                   "Step with the gradient itself, or transform it the same way on the other side.", 0.9)


MAX_ROWS = 128  # batches beyond this are not searched for a subset of rows


def _rows_subset(seen: dict, params: dict, X: np.ndarray, y: np.ndarray, config, tolerance: float) -> str | None:
    """ĝ = s·(the run's gradient on the batch's first or last k rows only): a slice left in the step, or micro-batches
    whose gradients were wiped but the last's (s = its share of the batch)."""
    n = len(X)
    if not 2 <= n <= MAX_ROWS or not seen:
        return None
    target = np.concatenate([seen[name].ravel() for name in seen])
    for k in range(1, n):
        for where, rows in (("first", slice(0, k)), ("last", slice(n - k, n))):
            grads = run_gradients(params, X[rows], y[rows], config)
            candidate = np.concatenate([grads[name].ravel() for name in seen])
            fit = fit_ratio(target, candidate)
            if fit and fit[1] <= tolerance and fit[0] > 0:
                share = "" if abs(fit[0] - 1) <= 1e-3 else f", times {fit[0]:.4g}{as_division(fit[0])}"
                return (f"the run's gradient on the batch's {where} {k} of its {n} rows only{share}: the other rows never "
                        "contribute (a slice left in the step, or micro-batches whose gradients are wiped by a zero_grad() "
                        "inside the accumulation loop, all but the last)")
    return None


def _constant_offset(seen: dict, grads: dict, config, tolerance: float) -> str | None:
    """ĝ = g + c, one c in every element of every parameter: a buffer that starts at a constant, not at zero."""
    target = np.concatenate([seen[name].ravel() - grads[name].ravel() for name in seen])
    if not len(target) or not np.any(target):
        return None
    c = float(np.mean(target))
    scale = max(float(np.max(np.abs(np.concatenate([grads[name].ravel() for name in seen])))), 1e-300)
    if abs(c) <= tolerance * scale or np.max(np.abs(target - c)) > tolerance * max(abs(c), scale):
        return None
    ones = (" = μ·1: a velocity that starts at ones (np.ones_like where np.zeros_like belongs), its μ·v added at the "
            "first step") if config.momentum and abs(c - config.momentum) <= 1e-3 * config.momentum else ""
    return f"{c:.4g}{ones}"


def _renormed(after: np.ndarray, right: np.ndarray, tolerance: float) -> str | None:
    """The weights after the step are the run's with some units' incoming weights scaled down to one norm c, the rest
    as they are: a max-norm constraint (torch.renorm(W, 2, 0, c)) applied after the step."""
    if after.ndim != 2:
        return None
    norms, kept = np.linalg.norm(right, axis=0), np.linalg.norm(after, axis=0)  # a unit's incoming weights: a column
    scaled = np.abs(kept - norms) > tolerance * np.maximum(norms, 1e-300)
    if not np.any(scaled) or np.all(scaled):
        return None
    c = float(np.median(kept[scaled]))
    if np.any(np.abs(kept[scaled] - c) > tolerance * c) or np.any(norms[scaled] <= c) or np.any(norms[~scaled] > c * (1 + tolerance)):
        return None
    if relative_gap(after, right * np.minimum(1.0, c / np.maximum(norms, 1e-300))) > tolerance:
        return None
    return (f"the step followed by a max-norm constraint: each unit whose incoming weights' norm passes {c:.4g} scaled back to "
            f"{c:.4g} after the step (torch.renorm(W, 2, 0, {c:.4g}), the dropout paper's recipe), the others left as they are")


def _transform(seen: np.ndarray, g: np.ndarray, tolerance: float) -> str | None:
    for words, transform in TRANSFORMS.items():
        candidate = transform(g)
        if candidate is not None and np.any(candidate) and relative_gap(seen, candidate) <= tolerance:
            return words
    c = float(np.max(np.abs(seen)))
    if c < np.max(np.abs(g)) and relative_gap(seen, np.clip(g, -c, c)) <= tolerance:
        return f"the gradient clipped elementwise to ±{c:.4g}, clip_grad_value_(…, {c:.4g})"
    return None
