"""A parameter the port's forward pass puts through an elementwise function before it uses it (σ = softplus(ρ), a
scale s = exp(log s)), whose gradient on the NumPy side is the port's without the factor f'(ρ), or with it twice: the
chain rule's step through that function left out, or taken once more, in the NumPy backward pass.

    g_ρ = g_σ · f'(ρ)        for σ = f(ρ)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from parity.diagnosis.finding import Finding
from parity.diagnosis.derivative_forms import DERIVATIVES, _sigmoid
from parity.diagnosis.replays import trace_tolerance, traces
from parity.diagnosis.value_trace import agrees

FUNCTIONS = {"softplus": lambda u: np.logaddexp(0.0, u), "exp": np.exp, "sigmoid": _sigmoid, "tanh": np.tanh,
             "square": np.square, "sin": np.sin, "cos": np.cos, "log": np.log, "sqrt": np.sqrt}
LINEAR_AT_FIRST = ("grad", "momentum_buffer", "exp_avg")  # at step 1, each is the gradient times one number, both sides


def reparameterised_finding(setup: Any, built: Any, step: int, name: str, context: Any) -> Finding | None:
    """The NumPy program's gradient of a parameter (or a state that is the gradient times one number at step 1) read
    against the port's times f'(θ), f the elementwise function the port applies to θ itself."""
    parameter, _, kind = name.partition(".")
    mine, theirs = context.numpy_record[name], context.torch_record[name]
    theta = getattr(context, "numpy_before", {}).get(parameter)
    if theta is None or kind not in LINEAR_AT_FIRST or (kind != "grad" and step != 1):
        return None
    a, b, theta = (np.asarray(x, np.float64) for x in (mine, theirs, theta))
    if a.shape != b.shape or a.shape != theta.shape or not np.any(b):
        return None
    tolerance = trace_tolerance(built)
    for value in traces(setup, built, step)[1].values:
        for u, back in ((theta, False), (theta.T, True)) if theta.ndim == 2 else ((theta, False),):
            if value.op not in FUNCTIONS or value.array.shape != u.shape:
                continue
            with np.errstate(all="ignore"):
                v = FUNCTIONS[value.op](u)
                slope = DERIVATIVES[value.op][0](u, v, 2.0)
            slope = slope.T if back else slope
            if not np.all(np.isfinite(slope)) or not agrees(value.array, v, tolerance) or \
                    np.abs(slope - 1).max(initial=0.0) <= 1e-3:
                continue
            if agrees(a * slope, b, tolerance):
                return _said(parameter, value.op, kind, step, "left out of")
            if agrees(a, b * slope, tolerance):
                return _said(parameter, value.op, kind, step, "taken once more in")
    return None


def _said(parameter: str, op: str, kind: str, step: int, how: str) -> Finding:
    words = DERIVATIVES[op][1].replace("z", parameter)
    seen = "gradient" if kind == "grad" else f"{kind} (the gradient times one number at step 1)"
    return Finding("numpy-backward", f"The port puts {parameter} through {op} before it uses it ({op}({parameter})); the "
                   f"NumPy program's {seen} of {parameter} at step {step} is the port's with that function's derivative, "
                   f"{words}, {how} the chain rule, entry by entry (measured): the step from the gradient of {op}("
                   f"{parameter}) back to {parameter} written otherwise in the NumPy backward pass.",
                   {"step": step, "parameter": parameter, "stage": "backward", "function": op, "side": "numpy"},
                   f"Multiply the gradient of {op}({parameter}) by {words} once, to get the gradient of {parameter}.", 0.85)
