"""One training step: forward, loss, backward, update."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numpy_net.losses import Loss
from numpy_net.network import Activations, Params, backward, forward
from numpy_net.optimizers import Optimizer


@dataclass
class StepOutcome:
    """What one step computed, before its update changed the parameters."""

    activations: Activations
    loss: np.ndarray
    grads: Params


class Trainer:
    """Trains a parameter dict in place, one step on the batch it is given.

    Each stage is a method so that a variant (a porting bug, say) can
    replace exactly one of them. The output unit is the loss's: the two
    belong together (a softmax under cross-entropy, a sigmoid under bce).
    """

    def __init__(self, params: Params, loss: Loss, optimizer: Optimizer, hidden: str = "sigmoid") -> None:
        self.params = params
        self.loss = loss
        self.optimizer = optimizer
        self.hidden = hidden

    def forward(self, X: np.ndarray) -> Activations:
        return forward(self.params, X, self.hidden, self.loss.output)

    def backward(self, X: np.ndarray, acts: Activations, y: np.ndarray) -> Params:
        return backward(self.params, X, acts, y, self.loss, self.hidden)

    def update(self, grads: Params) -> None:
        self.optimizer.step(self.params, grads)

    def step(self, X: np.ndarray, y: np.ndarray) -> StepOutcome:
        """Forward, loss, backward, update. The outcome holds what each stage computed as that stage ended:
        a later stage that writes into an array in place (an optimizer scaling the gradient it was given,
        a backward pass overwriting the output) cannot change what the step reports."""
        acts = self.forward(X)
        seen = Activations([a.copy() for a in acts.layers], acts.logits.copy(), acts.output.copy())
        loss = np.array(self.loss.value(acts.logits, acts.output, y), copy=True)
        grads = self.backward(X, acts, y)
        seen_grads = {name: np.array(g, copy=True) for name, g in grads.items()}
        self.update(grads)
        return StepOutcome(activations=seen, loss=loss, grads=seen_grads)
