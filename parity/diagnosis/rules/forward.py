"""Findings about the forward pass: a bias left out, a square weight used transposed.

Each recomputes the forward pass in float64 as the suspected bug would and
asks whether that reproduces the first forward tensor the NumPy side got
wrong.
"""

from __future__ import annotations

import numpy as np

import numpy_net
from parity.diagnosis.evidence import Evidence
from parity.diagnosis.finding import Finding
from parity.engine.record import hidden_names


def _forward_tensors(e: Evidence, X: np.ndarray | None = None, hidden: str | None = None, output: str | None = None) -> dict:
    """The hidden layers and the output, by their record names, of the run's network with these changes."""
    acts = numpy_net.forward(e.before, e.X if X is None else X, hidden or e.hidden_activation, output or e.output_activation)
    return dict(zip(hidden_names(e.layers), acts.layers), output=acts.output)


def _reproduces(e: Evidence, params: dict[str, np.ndarray]) -> str | None:
    """The first failing forward tensor, if these parameters reproduce it; else None."""
    name = e.first_failed_forward()
    if name is None:
        return None
    return name if e.explains(e.forward_record(params)[name], name) else None


def missing_bias(e: Evidence) -> Finding | None:
    if not e.config.bias:
        return None
    for layer in range(1, e.layers + 1):
        bias = f"b{layer}"
        tensor = _reproduces(e, dict(e.before, **{bias: np.zeros_like(e.before[bias])}))
        if tensor:
            return Finding(
                "missing-bias",
                f"The NumPy forward pass leaves out a bias: {bias} is never added to layer {layer}, "
                "while torch's nn.Linear adds it.",
                {"tensor": tensor, "bias": bias},
                f"Add the bias in the forward pass (a @ W{layer} + {bias}), or build nn.Linear(..., bias=False) on the torch side.",
                0.97,
            )
    return None


def transposed_weight(e: Evidence) -> Finding | None:
    for layer in range(1, e.layers + 1):
        weight = f"W{layer}"
        W = e.before[weight]
        if W.shape[0] != W.shape[1] or np.allclose(W, W.T):
            continue  # only a square weight can be used transposed without an error
        tensor = _reproduces(e, dict(e.before, **{weight: W.T}))
        if tensor:
            return Finding(
                "transposed-weight",
                f"{weight} is used transposed: nn.Linear stores its weight as (out, in) and the NumPy layout is (in, out); "
                f"a square {weight} takes either without an error.",
                {"tensor": tensor, "weight": weight, "shape": list(W.shape)},
                "Transpose exactly once where the layouts meet: nn.Linear.weight = W.T, W = weight.T.",
                0.97,
            )
    return None


def activation_function(e: Evidence) -> Finding | None:
    """The forward pass applies another activation than the run's network: recomputed with it, it reproduces NumPy."""
    first = e.first_failed_forward()
    if first is None:
        return None
    # a hidden layer may also have lost its activation altogether: linear
    for where, choices in (("hidden", (*numpy_net.HIDDEN_ACTIVATIONS, "linear")), ("output", numpy_net.OUTPUT_ACTIVATIONS)):
        configured = e.hidden_activation if where == "hidden" else e.output_activation
        for other in choices:
            if other == configured or (where == "output" and other == "softmax" and e.k < 2):
                continue
            names = _forward_tensors(e, hidden=other) if where == "hidden" else _forward_tensors(e, output=other)
            if first in names and e.explains(names[first], first):
                return Finding(
                    "activation-function",
                    f"The NumPy forward pass applies {other} in the {where} layer{'s' if where == 'hidden' and e.layers > 2 else ''} "
                    f"where the run's network has {configured}: recomputed with {other}, the forward pass reproduces {first}.",
                    {"tensor": first, "layer": where, "numpy_activation": other, "run_activation": configured},
                    f"Use the same activation on both sides (--{where}-activation {other} if {other} is meant).",
                    0.96,
                )
    return None


def activation_twice(e: Evidence) -> Finding | None:
    """An activation applied to its own output: σ(σ(z)) at the output, or f(f(z)) in a hidden layer."""
    first = e.first_failed_forward()
    if first is None:
        return None
    acts = e.forward(e.before)
    g, f = numpy_net.ACTIVATIONS[e.output_activation].function, numpy_net.ACTIVATIONS[e.hidden_activation].function
    candidates = {"output": g(acts.output), **{name: f(a) for name, a in zip(hidden_names(e.layers), acts.layers)}}
    if first in candidates and e.explains(candidates[first], first):
        unit = e.output_activation if first == "output" else e.hidden_activation
        return Finding(
            "activation-function",
            f"The NumPy forward pass applies {unit} twice in {first}: {unit}({unit}(z)), the activation of an already-activated value.",
            {"tensor": first, "activation": unit},
            f"Apply {unit} once: the layer's output is {unit}(z), and the next layer takes that as it is.",
            0.96,
        )
    return None


def bias_scaled(e: Evidence) -> Finding | None:
    """A bias added twice, subtracted, or halved: the forward pass with that bias scaled reproduces NumPy."""
    if not e.config.bias:
        return None
    for layer in range(1, e.layers + 1):
        bias = f"b{layer}"
        for factor, what in ((2.0, "added twice"), (-1.0, "subtracted"), (0.5, "halved")):
            tensor = _reproduces(e, dict(e.before, **{bias: factor * e.before[bias]}))
            if tensor:
                return Finding(
                    "bias-scaled",
                    f"The NumPy forward pass uses {bias} {what}: recomputed so, it reproduces {tensor}.",
                    {"tensor": tensor, "bias": bias, "factor": factor},
                    f"Add {bias} exactly once: a @ W{layer} + {bias}.",
                    0.95,
                )
    return None


def rounded_input(e: Evidence) -> Finding | None:
    """In a float64 run, the NumPy side's input rounded through float32: the forward pass on such input reproduces it."""
    if e.config.dtype != "float64":
        return None
    first = e.first_failed_forward()
    if first is None:
        return None
    rounded = e.X.astype(np.float32).astype(np.float64)
    if np.array_equal(rounded, e.X):
        return None
    names = _forward_tensors(e, X=rounded)
    if first in names and e.explains(names[first], first):
        return Finding(
            "rounded-input",
            f"The NumPy side's input went through float32 in a float64 run: the forward pass on X rounded to float32 "
            f"reproduces {first}. Its data lost half its digits before the first layer.",
            {"tensor": first},
            "Keep the data in float64 end to end (no .astype(np.float32), no float32 array it was copied into).",
            0.96,
        )
    return None
