"""Parameters the port trains that no NumPy array is paired with: a constant written as nn.Parameter (a temperature,
a scale, a mask) is given to the optimizer with the rest and moves from the first step, while the NumPy program holds
it fixed. Read by value: the port's unpaired parameters before the first step and at the failing step's start."""

from __future__ import annotations

from typing import Any

import numpy as np
from torch import nn


def unpaired(model: Any, paired: set[str]) -> dict[str, np.ndarray]:
    """The port's parameters outside the pairing, by name, as float64 arrays."""
    if not isinstance(model, nn.Module):
        return {}
    return {name: p.detach().cpu().double().numpy().copy() for name, p in model.named_parameters() if name not in paired}


def moved(before: dict[str, np.ndarray], after: dict[str, np.ndarray]) -> str:
    """The unpaired parameters whose values changed between the two readings, said with their values; '' if none."""
    said = []
    for name, start in before.items():
        now = after.get(name)
        if now is None or now.shape != start.shape or np.array_equal(now, start):
            continue
        shown = (f"from {float(start.ravel()[0]):.6g} to {float(now.ravel()[0]):.6g}" if start.size == 1 else
                 f"by up to {float(np.abs(now - start).max()):.3g}")
        said.append(f"{name} {tuple(start.shape)}, moved {shown}")
    if not said:
        return ""
    return (f"the port trains parameter(s) that no NumPy array is paired with, and its optimizer has moved them: "
            f"{'; '.join(said)}. The NumPy program holds no such value trained: a constant registered as nn.Parameter "
            f"(learnable, requires_grad) where a plain tensor or register_buffer belongs, or a parameter the NumPy side "
            f"never updates.")


def written_port_moved(fresh: Any, at_step: Any) -> str:
    """For two programs as written: the port's unpaired parameters' movement between a fresh side and one at the step."""
    paired = {pair.torch for pair in at_step.pairs}
    return moved(unpaired(fresh.names.get("model"), paired), unpaired(at_step.names.get("model"), paired))


def kit_port_moved(setup: Any, step: int) -> str:
    """For the kit's own NumPy network against a port: its unpaired parameters' movement up to `step`."""
    if step < 2:
        return ""
    _, fresh = setup.make_sides()
    _, port = setup.replay(step)
    paired = {location.name for location in getattr(port, "locations", {}).values()}
    return moved(unpaired(getattr(fresh, "model", None), paired), unpaired(getattr(port, "model", None), paired))


CARRIED = ("something besides the parameters is carried from one step to the next on one side and reaches the forward "
           "pass here (a recurrent state kept across calls, statistics or a cache updated each step, a random generator).")


def carried_or_constant(built: Any, step: int) -> str:
    """What a forward that parts only from step 2 on may mean: state carried, or, where a parameter started at one value
    at every entry (a bias table of zeros), that parameter read at other entries on one side, which step 1 cannot show."""
    start = built.make_sides()[0].params() if step == 2 else {}
    even = [name for name, value in start.items() if np.size(value) > 1 and np.ptp(np.asarray(value, np.float64)) == 0]
    if not even:
        return CARRIED
    return (f"either a parameter that started at one value at every entry ({', '.join(even)}) is read at other entries on "
            "one side (indexed by another column of ids, another row), which any entries of it hid at step 1, or " + CARRIED)
