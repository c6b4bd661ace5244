"""What a side did to the gradient between its backward pass and its update, read at the first step, where plain SGD
moves a parameter by -lr·ĝ (momentum alike, torch seeding its buffer with ĝ; Nesterov by (1 + μ) times it): the side's ĝ against
the run's true gradient g, parameter by parameter. Each transform is a fit, stated only where it reproduces ĝ:

    g - mean(g) over one axis (gradient centralisation)    g / ‖g‖ (normalised)    sign(g)    clip(g, -c, c)
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis.evidence import relative_gap
from parity.diagnosis.finding import SIDE_PROGRAMS as SIDES, Finding
from parity.engine.result import FailureContext
from parity.engine.setup import Setup
from parity.tolerance.diagnosis import MATCH_TOLERANCE

# each: (words, ĝ from g (NumPy layout: W is (inputs, outputs)), in the port's layout where it differs)
TRANSFORMS = {
    "centred over its inputs, g - g.mean(dim=1, keepdim=True) on torch's (outputs, inputs) weight (gradient centralisation)":
        lambda g: g - g.mean(axis=0, keepdims=True) if g.ndim == 2 else None,
    "centred over its outputs, g - g.mean(axis=1, keepdims=True)": lambda g: g - g.mean(axis=1, keepdims=True) if g.ndim == 2 else None,
    "divided by its own norm, g / ‖g‖ (each parameter's gradient normalised)": lambda g: g / np.linalg.norm(g),
    "replaced by its sign, sign(g) (signSGD)": np.sign,
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
    acts = numpy_net.forward(params, X, config.hidden_activation, config.output_activation)
    grads = numpy_net.backward(params, X, acts, y, numpy_net.make_loss(config.loss, config.output_activation), config.hidden_activation)
    tolerance = 10 * MATCH_TOLERANCE[config.dtype]
    read, right = {}, []
    for name, g in grads.items():
        if f"{name}.update" not in record or not np.any(g):
            continue
        seen = -np.asarray(record[f"{name}.update"], np.float64) / (config.lr * first)
        if relative_gap(seen, g) <= tolerance:
            right.append(name)
            continue
        words = _transform(seen, g, tolerance)
        if words is None:
            return None  # a parameter whose step no transform explains: another mechanism
        read[name] = words
    if not read:
        return None
    kinds = sorted(set(read.values()))
    where = ", ".join(read)
    untouched = f"; {', '.join(right)} step by the gradient itself" if right else ""
    return Finding("gradient-transform", f"The {SIDES[side]} program changes the gradient before its update: at step 1 the "
                   f"update of {where} is -lr times the run's gradient {kinds[0] if len(kinds) == 1 else ' / '.join(kinds)}"
                   f"{untouched}.", {"side": side, "transformed": read},
                   "Step with the gradient itself, or transform it the same way on the other side.", 0.9)


def _transform(seen: np.ndarray, g: np.ndarray, tolerance: float) -> str | None:
    for words, transform in TRANSFORMS.items():
        candidate = transform(g)
        if candidate is not None and np.any(candidate) and relative_gap(seen, candidate) <= tolerance:
            return words
    c = float(np.max(np.abs(seen)))
    if c < np.max(np.abs(g)) and relative_gap(seen, np.clip(g, -c, c)) <= tolerance:
        return f"clipped elementwise to ±{c:.4g}, clip_grad_value_(…, {c:.4g})"
    return None
