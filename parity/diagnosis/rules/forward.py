"""Findings about the forward pass: a bias left out, a square weight used transposed.

Each recomputes the forward pass in float64 as the suspected bug would and
asks whether that reproduces the NumPy side.
"""

from __future__ import annotations

from numpy_net.activations import sigmoid
from parity.diagnosis.evidence import Evidence
from parity.diagnosis.finding import Finding


def missing_bias(e: Evidence) -> Finding | None:
    if not e.config.bias:
        return None
    p = e.before
    if e.failed("hidden") and e.matches(sigmoid(e.X @ p["W1"]), "hidden"):
        layer = "b1 is never added: hidden = σ(X @ W1)"
    elif not e.failed("hidden") and e.failed("output") and e.matches(sigmoid(e.reference.hidden @ p["W2"]), "output"):
        layer = "b2 is never added: output = σ(hidden @ W2)"
    else:
        return None
    return Finding(
        "missing-bias",
        f"The NumPy forward pass leaves out a bias: {layer}, while torch's nn.Linear adds it.",
        {"tensor": "hidden" if "b1" in layer else "output"},
        "Add the bias in the forward pass (X @ W1 + b1), or build nn.Linear(..., bias=False) on the torch side.",
        0.97,
    )


def transposed_weight(e: Evidence) -> Finding | None:
    p = e.before
    hypotheses = []
    if p["W1"].shape[0] == p["W1"].shape[1]:
        hypotheses.append(("W1", "hidden", lambda: sigmoid(e.X @ p["W1"].T + p.get("b1", 0))))
    if p["W2"].shape[0] == p["W2"].shape[1]:
        hypotheses.append(("W2", "output", lambda: sigmoid(e.reference.hidden @ p["W2"].T + p.get("b2", 0))))
    for weight, tensor, predict in hypotheses:
        if e.failed(tensor) and e.matches(predict(), tensor):
            return Finding(
                "transposed-weight",
                f"{weight} is used transposed: nn.Linear stores its weight as (out, in) and the NumPy layout is (in, out); "
                f"a square {weight} takes either without an error.",
                {"tensor": tensor, "weight": weight, "shape": list(p[weight].shape)},
                "Transpose exactly once where the layouts meet: nn.Linear.weight = W.T, W = weight.T.",
                0.97,
            )
    return None
