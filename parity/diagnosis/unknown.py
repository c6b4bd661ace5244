"""The honest answer where no hypothesis reproduces the numbers: where the sides part, and which side an oracle blames."""

from __future__ import annotations

from parity.diagnosis.evidence import Evidence
from parity.diagnosis.finding import Finding
from parity.diagnosis.rules.ports import SIDES


def stage_of(tensor: str) -> str:
    """The stage of a training step a tensor belongs to."""
    name = tensor.split(".")[0]
    if tensor.endswith(".grad"):
        return f"the gradient of {name} (backpropagation)"
    if tensor.endswith(".update") or tensor[:1] in ("W", "b"):
        return f"the update of {name}"
    return "the loss" if tensor == "loss" else f"the forward pass ({tensor})"


def unknown(e: Evidence) -> Finding:
    """No hypothesis reproduces the numbers: say so, say where the sides part, and blame no side the oracles did not."""
    first = next((name for name in e.comparisons if e.failed(name)), None)
    stage = stage_of(first) if first else "an unrecorded tensor"
    fd = e.oracles.get("finite_difference")
    proven = ""
    for side, other in (("numpy", "torch"), ("torch", "numpy")):
        if fd and fd["wrong"] == [side]:
            departing = [name for name, t in fd["tensors"].items() if t[f"{side}_rel_error"] > 1e-3]
            read = "" if e.grads() else f" (read from its updates through --optimizer {e.config.optimizer})"
            proven = (f" The finite-difference oracle shows the {SIDES[side]} side's gradients of {', '.join(departing)}{read} "
                      f"depart from the run's model; {SIDES[other]}'s follow it: that points at {_where(departing, e.layers)}.")
    return Finding(
        "unknown",
        f"No known cause reproduces these numbers. The sides first part at step {e.step} in {stage}.{proven}",
        {"step": e.step, "first_tensor": first, "stage": stage},
        "Compare the two programs at that stage line by line; `parity check` with --output and smaller data narrows it down.",
        0.0,
    )


def _where(departing: list[str], layers: int) -> str:
    """The stage a set of departing gradients points at: the output layer's (the loss's derivative, the output delta)
    or only hidden layers' (backpropagation below the output)."""
    output = {f"W{layers}.grad", f"b{layers}.grad"}
    if output & set(departing):
        return "the output layer's gradient (the loss's derivative or the output delta), or the forward pass before it"
    return "backpropagation below the output layer (a hidden delta, a derivative, a transpose)"
