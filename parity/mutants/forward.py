"""Porting bugs in the forward pass: a bias left out, a weight used in the wrong layout."""

from __future__ import annotations

import numpy as np

import numpy_net


class MissingHiddenBias(numpy_net.Trainer):
    """The hidden layer's bias is left out of the forward pass."""

    def forward(self, X):
        return numpy_net.forward(dict(self.params, b1=np.zeros_like(self.params["b1"])), X, self.hidden, self.loss.output)


class TransposedW1(numpy_net.Trainer):
    """W1 used as (hidden, inputs): the weights were loaded without the layout transpose."""

    def forward(self, X):
        return numpy_net.forward(self._as_used(), X, self.hidden, self.loss.output)

    def backward(self, X, acts, y):
        grads = numpy_net.backward(self._as_used(), X, acts, y, self.loss, self.hidden)
        return dict(grads, W1=grads["W1"].T)

    def _as_used(self):
        return dict(self.params, W1=self.params["W1"].T)


class ReluForTanhHidden(numpy_net.Trainer):
    """relu in the hidden layer where the network has tanh (a copied activation)."""

    def forward(self, X):
        return numpy_net.forward(self.params, X, "relu", self.loss.output)

    def backward(self, X, acts, y):
        return numpy_net.backward(self.params, X, acts, y, self.loss, "relu")


class NoisyInput(numpy_net.Trainer):
    """Gaussian noise added to the input every step from the unseeded global generator (an augmentation left on)."""

    def step(self, X, y):
        return super().step(X + 0.01 * np.random.standard_normal(X.shape).astype(X.dtype), y)
