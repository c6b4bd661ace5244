"""Porting bugs in the loss: another reduction, a target that broadcasts."""

from __future__ import annotations

import numpy as np

import numpy_net
from numpy_net.losses import SquaredError


class SumForMean(numpy_net.Trainer):
    """np.sum((output - y) ** 2) where the port uses F.mse_loss's mean."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, SquaredError("sse", loss.output), optimizer, **network)


class HalfSumForSum(numpy_net.Trainer):
    """0.5 * sum, the textbook loss, where the port sums."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, SquaredError("half-sse", loss.output), optimizer, **network)


class BroadcastTarget(numpy_net.Trainer):
    """The loss taken against y of shape (n,): output - y broadcasts to (n, n)."""

    def step(self, X, y):
        outcome = super().step(X, y)
        outcome.loss = np.asarray(np.sum((outcome.activations.output - y.ravel()) ** 2))
        return outcome
