"""The usual elementwise activations by name, each with its words and its function, and a known one with its input
changed: scaled, A·f(B·z) + C (LeCun's 1.7159·tanh(2z/3), a base-2 form's ln 2), or shifted, A·f(z + s)."""

from __future__ import annotations

from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

from parity.diagnosis.evidence import affine_fit, golden_minimum
from parity.diagnosis.value_laws import named_constant

ACTIVATIONS: dict[str, tuple[str, Callable[[np.ndarray], np.ndarray]]] = {
    "relu": ("relu(z)", lambda z: np.maximum(z, 0)),
    "tanh": ("tanh(z)", np.tanh),
    "sigmoid": ("sigmoid(z)", lambda z: 1 / (1 + np.exp(-z))),
    "linear": ("z itself (no activation)", lambda z: z),
    "softplus": ("softplus(z) = log(1 + e^z)", lambda z: np.logaddexp(0, z)),
    "elu": ("elu(z)", lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0)))),
    "gelu": ("gelu(z)", lambda z: F.gelu(torch.from_numpy(z)).numpy()),
    "gelu-tanh": ("gelu(z, approximate='tanh')", lambda z: F.gelu(torch.from_numpy(z), approximate="tanh").numpy()),
    "silu": ("silu(z) = z·sigmoid(z)", lambda z: z / (1 + np.exp(-z))),
    "selu": ("selu(z)", lambda z: F.selu(torch.from_numpy(z)).numpy()),
    "hardtanh": ("hardtanh(z), z clipped to [-1, 1]", lambda z: np.clip(z, -1, 1)),
    "relu6": ("relu6(z), z clipped to [0, 6]", lambda z: np.clip(z, 0, 6)),
    "abs": ("|z|", np.abs),
    # the rest of torch.nn's elementwise activations, and the math functions a name completes to (atan for tanh)
    "hardsigmoid": ("hardsigmoid(z) = relu6(z + 3)/6, a piecewise-linear sigmoid", lambda z: np.clip(z / 6 + 0.5, 0, 1)),
    "hardswish": ("hardswish(z) = z·relu6(z + 3)/6", lambda z: z * np.clip(z / 6 + 0.5, 0, 1)),
    "softsign": ("softsign(z) = z/(1 + |z|)", lambda z: z / (1 + np.abs(z))),
    "tanhshrink": ("tanhshrink(z) = z - tanh(z)", lambda z: z - np.tanh(z)),
    "logsigmoid": ("logsigmoid(z) = log(sigmoid(z))", lambda z: -np.logaddexp(0, -z)),
    "mish": ("mish(z) = z·tanh(softplus(z))", lambda z: z * np.tanh(np.logaddexp(0, z))),
    "atan": ("atan(z), the arctangent (torch.atan where torch.tanh was meant)", np.arctan),
    "erf": ("erf(z)", lambda z: torch.erf(torch.from_numpy(z)).numpy()),
    "sin": ("sin(z)", np.sin),
    "exp": ("exp(z)", np.exp),
    "clip01": ("z clipped to [0, 1] (np.clip(out, 0, 1) on a linear output, the clipped value used in the loss)",
               lambda z: np.clip(z, 0, 1)),
}



def scaled_inside(z: np.ndarray, received: np.ndarray, tolerance: float, pure: bool = False) -> tuple[str, str] | None:
    """A·f(B·z) + C for a known smooth f: its slope B (either sign) fitted by golden section on log |B|, A and C by least
    squares (LeCun's 1.7159·tanh(2z/3), a sigmoid with a gain, a formula with a sign lost: 0.5 - 0.5·exp(-2z))."""
    for name in ("tanh", "sigmoid", "softplus", "elu", "silu", "gelu", "exp"):
        words, function = ACTIVATIONS[name]
        for sign in (1.0, -1.0):
            def fit(log_b: float, sign: float = sign) -> tuple[float, float, float]:
                with np.errstate(all="ignore"):
                    values = function(sign * np.exp(log_b) * z).ravel()
                if not np.all(np.isfinite(values)):
                    return 0.0, 0.0, 1.0
                return affine_fit(received.ravel(), values) if name != "exp" or np.ptp(values) > 0 else (0.0, 0.0, 1.0)

            slope = sign * float(np.exp(golden_minimum(lambda log_b: fit(log_b)[2], -3.0, 3.0)))
            amplitude, shift, gap = fit(np.log(abs(slope)))
            if gap > tolerance or abs(slope - 1) <= 1e-3 or abs(amplitude) <= tolerance:
                continue
            if pure and (abs(amplitude - 1) > 1e-3 or abs(shift) > 1e-3):
                continue  # only f(B·z) itself, one constant, is asked for
            lecun = " (LeCun's scaled tanh from 'Efficient BackProp', 1.7159·tanh(2z/3))" if name == "tanh" and \
                abs(amplitude - 1.7159) <= 1e-3 and abs(slope - 2 / 3) <= 1e-3 and abs(shift) <= 1e-3 else ""
            whole = abs(slope - round(slope)) <= 1e-6 * abs(slope)
            inner = words.split(",")[0].split(" = ")[0].replace("(z)", f"({round(slope)}z)" if whole else f"({slope:.4g}·z)")
            if abs(shift) > tolerance * max(abs(amplitude), 1.0) and abs(shift + amplitude) <= tolerance * abs(amplitude):
                formula = f"{shift:.5g}·(1 - {inner})"  # C - C·f: the form a formula with a lost sign takes
            else:
                offset = "" if abs(shift) <= tolerance * max(abs(amplitude), 1.0) else f" {'+' if shift > 0 else '-'} {abs(shift):.4g}"
                formula = f"{amplitude:.5g}·{inner}{offset}"
            article = "an" if name[0] in "aeiou" else "a"
            constant = named_constant(slope)
            known = f" (= {constant}: a base-2 or base-10 form where the natural one belongs, e.g. log2, exp2, logaddexp2)" \
                if "ln" in constant else f" (= {constant})" if constant in ("e", "1/e") else ""
            return (f"{formula}, {article} {name} with its input multiplied by {slope:.4g}{known}{lecun}", f"scaled-{name}")
    return None



def shifted_inside(z: np.ndarray, received: np.ndarray, tolerance: float) -> tuple[str, str] | None:
    """A·f(z + s) (+ C) for a known smooth f: its input shifted by a constant s, fitted by golden section (a constant
    carried into a formula where another belongs: log(e^1 + e^-z) for log(e^0 + e^-z) gives sigmoid(z + 1)/e)."""
    for name in ("sigmoid", "tanh", "softplus", "exp"):
        words, function = ACTIVATIONS[name]

        def fit(shift: float) -> tuple[float, float, float]:
            with np.errstate(all="ignore"):
                values = function(z + shift).ravel()
            return affine_fit(received.ravel(), values) if np.all(np.isfinite(values)) and np.ptp(values) > 0 else (0.0, 0.0, 1.0)

        shift = float(golden_minimum(lambda c: fit(c)[2], -4.0, 4.0))
        amplitude, offset, gap = fit(shift)
        if gap > tolerance or abs(shift) <= 1e-3 or abs(amplitude) <= tolerance:
            continue
        shift = round(shift) if abs(shift - round(shift)) <= 1e-4 else shift
        inner = words.split(",")[0].split(" = ")[0].replace("(z)", f"(z {'+' if shift > 0 else '-'} {abs(shift):.4g})")
        constant = named_constant(amplitude)
        scale = "" if abs(amplitude - 1) <= 1e-4 else f"{amplitude:.5g}{f' (= {constant})' if constant else ''}·"
        added = "" if abs(offset) <= tolerance * max(abs(amplitude), 1.0) else f" {'+' if offset > 0 else '-'} {abs(offset):.4g}"
        return (f"{scale}{inner}{added}: {name} with its input shifted by {shift:.4g}, a constant added inside the "
                f"formula (a 1 where a 0 belongs, exp(1) for exp(0))", f"shifted-{name}")
    return None


def elementwise_forms(v: np.ndarray) -> dict[str, np.ndarray]:
    """The usual derivatives and their slips, as functions of v (a pre-activation, or an activation)."""
    s = 1 / (1 + np.exp(-v))
    return {"σ(v)(1 - σ(v)), the sigmoid's derivative": s * (1 - s), "1 - tanh²(v), tanh's derivative": 1 - np.tanh(v) ** 2,
            "[v > 0], ReLU's derivative": (v > 0).astype(float), "v (1 - v), the sigmoid's derivative written for an activation":
            v * (1 - v), "1 - v², tanh's derivative written for an activation": 1 - v * v, "1 - v": 1 - v,
            "sech(v), tanh's derivative with the square missing": 1 / np.cosh(v), "σ(v)": s, "tanh(v)": np.tanh(v),
            "a constant 1 (no derivative)": np.ones_like(v)}
