"""Per-step series for a plot, kept as a run streams: a handful of floats a step, never the tensors themselves."""

from __future__ import annotations

import math
from array import array

from parity.engine.compare import Comparison

GROUPS = ("outputs and loss", "gradients", "weights", "optimizer state")


def group_of(tensor: str) -> str:
    """The group a compared tensor's error is plotted in."""
    if tensor == "step_count":
        return "optimizer state"
    if tensor.startswith(("hidden", "output")) or tensor == "loss":
        return "outputs and loss"
    if tensor.endswith(".grad"):
        return "gradients"
    if tensor.endswith(".update") or "." not in tensor:
        return "weights"
    return "optimizer state"


class StepSeries:
    """An engine listener (see parity.engine.loop.run_steps) keeping, per compared step, both losses and each group's worst
    share of its tolerance: O(steps) memory."""

    def __init__(self) -> None:
        self.steps = array("q")
        self.loss = {"numpy": array("d"), "torch": array("d")}
        self.used = {group: array("d") for group in GROUPS}
        self.first_failure: int | None = None

    def __call__(self, step: int, comparisons: dict[str, Comparison] | None, numpy_record: dict, torch_record: dict) -> None:
        if comparisons is None:
            return
        self.steps.append(step)
        for side, record in (("numpy", numpy_record), ("torch", torch_record)):
            self.loss[side].append(float(record["loss"]) if "loss" in record else math.nan)
        worst = {group: math.nan for group in GROUPS}
        for name, comparison in comparisons.items():
            group = group_of(name)
            if not comparison.used <= worst[group]:  # nan compares false: the first value is taken
                worst[group] = comparison.used
            if self.first_failure is None and not comparison.passed:
                self.first_failure = step
        for group in GROUPS:
            self.used[group].append(worst[group])

    def groups(self) -> list[str]:
        """The groups this run compared."""
        return [group for group in GROUPS if any(not math.isnan(v) for v in self.used[group])]

    def has_loss(self) -> bool:
        return any(not math.isnan(v) for v in self.loss["numpy"])
