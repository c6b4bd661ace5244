"""A tensor one side does not have at all."""

from __future__ import annotations

from parity.diagnosis.finding import Finding
from parity.engine.result import RunResult


def absent_parameter(result: RunResult) -> Finding | None:
    """A tensor one side does not have at all: a layer built without the bias the other side has (bias=False in one
    layer), or a parameter the program never exposes."""
    missing = {name: s.problem for name, s in result.tensors.items() if s.problem and " has no " in s.problem}
    if not missing:
        return None
    name, problem = next(iter(missing.items()))
    side = "torch" if problem.startswith("the torch") else "NumPy"
    parameter = name.split(".")[0]
    bias = parameter.startswith("b")
    return Finding(
        "missing-parameter" if not bias else "missing-bias",
        f"The {side} side has no {parameter} ({', '.join(missing)} missing from its records): "
        + ("its layer is built without a bias (nn.Linear(..., bias=False) in that layer only), while the other side has one."
           if bias else "the parameter does not exist on that side."),
        {"side": side.lower(), "parameter": parameter, "missing": list(missing)},
        f"Give the layer its bias on the {side} side (bias=True), or remove it on the other." if bias
        else f"Give the {side} side the parameter {parameter}, or name the parameters with --param/--torch-param.",
        0.95)
