"""Porting bugs in numerics: a float64 array in a float32 run, cross-entropy that loses digits."""

from __future__ import annotations

import numpy as np

import numpy_net


class Float64Leak(numpy_net.Trainer):
    """A bias created with np.zeros (float64 by default) added into a float32 run."""

    def forward(self, X):
        return numpy_net.forward(dict(self.params, b1=self.params["b1"].astype(np.float64)), X, self.hidden, self.loss.output)


class NaiveBCELoss(numpy_net.losses.BinaryCrossEntropy):
    def value(self, logits, output, y):
        return np.asarray(-np.mean(y * np.log(output) + (1 - y) * np.log(1 - output)))


class NaiveBCE(numpy_net.Trainer):
    """Cross-entropy written from the output, -mean(y log o + (1-y) log(1-o)), where the port uses logits."""

    def __init__(self, params, loss, optimizer, **network):
        super().__init__(params, NaiveBCELoss(), optimizer, **network)
