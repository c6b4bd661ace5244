"""The rounding an optimizer's state may carry: it sums the gradients of every step so far.

Lockstep hands torch the NumPy parameters after each step, but each side keeps
its own optimizer state. A momentum buffer, buf_t = μ buf_t-1 + (1 - d) g_t,
so differs between the sides by Σ_k μ^k (1 - d) δg_t-k: every earlier step's
gradient rounding, decayed. Each δg is within the gradient's allowance,
R · max|g| (R from compare.reduction_allowance), so the buffers may differ by
R · B_t, where B_t = μ B_t-1 + (1 - d) max|g_t| is the same recursion run on
the gradients' largest entries: one float per parameter. Adam's averages
follow with β1 and (1 - β1) max|g|, and β2 and (1 - β2) · 2 max|g|² (squaring
doubles a relative error). Where the gradients keep their sign the buffer is
as large as what it summed and R · max|buf| already covers it; where they
change sign the buffer is smaller than its history, and B_t is the bound.
"""

from __future__ import annotations

import numpy as np

from parity.config.config import RunConfig
from parity.engine.largest import at_least_zero, if_finite, largest


def state_recursions(config: RunConfig) -> dict[str, tuple[float, float, int]]:
    """state kind -> (decay, weight, power): B = decay · B + weight · max|g|^power."""
    mu, d = config.momentum, config.dampening
    beta1, beta2 = config.betas
    if config.optimizer in ("momentum", "nesterov"):
        return {"momentum": (mu, 1 - d, 1)}
    if config.optimizer == "ema-momentum":
        return {"momentum": (mu, 1 - mu, 1)}
    if config.optimizer == "adam":
        return {"exp_avg": (beta1, 1 - beta1, 1), "exp_avg_sq": (beta2, 2 * (1 - beta2), 2)}
    return {}


class StateBounds:
    """B_t for every state tensor of the run, stepped with the torch side's gradients."""

    def __init__(self, config: RunConfig, names: tuple[str, ...]) -> None:
        table = state_recursions(config)
        self.recursions = {name: table[name.rpartition(".")[2]] for name in names
                           if name.rpartition(".")[2] in table and name.rpartition(".")[0] + ".grad" in names}
        self.bounds = dict.fromkeys(self.recursions, 0.0)
        self.steps_seen = 0

    def step(self, record: dict) -> None:
        """record: the torch side's arrays, or its tensors on their device (the bounds are then 0-d tensors there)."""
        self.steps_seen += 1
        for name, (decay, weight, power) in self.recursions.items():
            gradient = record.get(name.rpartition(".")[0] + ".grad")
            found = largest(gradient) if gradient is not None else 0.0
            self.bounds[name] = if_finite(found, decay * self.bounds[name] + weight * found**power, self.bounds[name])

    def extra_atol(self, name: str, reduction: float, record: dict):
        """What the state's allowance lacks, given R · max|state| (compare's reduction allowance): R · (B - max|state|)
        where B is the larger, so that the whole is R · max(max|state|, B)."""
        bound = self.bounds.get(name, 0.0)
        if (isinstance(bound, float) and not bound) or not reduction:
            return 0.0
        return reduction * at_least_zero(bound - largest(record[name]))

    def terms_bound(self, name: str, gradient_terms: np.ndarray, gradient: np.ndarray) -> np.ndarray:
        """Σ|terms| of a state tensor's entries, from its gradient's (taken as steady over the steps it remembers):
        weight / (1 - decay) of them, and for a square, 2 |g| times them."""
        decay, weight, power = self.recursions[name]
        remembered = weight / (1 - decay) if decay < 1 else weight * self.steps_seen
        remembered = max(remembered, 1.0)  # torch's first momentum step takes the raw gradient, undampened
        return remembered * (gradient_terms if power == 1 else 2 * gradient * gradient_terms)
