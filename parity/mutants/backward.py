"""Porting bugs in backpropagation: σ' of the wrong value, the sign convention, the hidden layer, the bias gradients."""

from __future__ import annotations

import numpy_net
from numpy_net.activations import sigmoid, sigmoid_derivative


class ActivatedOutputDerivative(numpy_net.Trainer):
    """σ' taken of the output after it was already squashed: σ(output)(1 - σ(output))."""

    def backward(self, X, acts, y):
        delta2 = _dloss_doutput(self, acts, y) * sigmoid_derivative(sigmoid(acts.output))
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(acts.hidden))


class PreactivationOutputDerivative(numpy_net.Trainer):
    """a (1 - a) fed the pre-activation z2 instead of the activation."""

    def backward(self, X, acts, y):
        delta2 = _dloss_doutput(self, acts, y) * sigmoid_derivative(acts.logits)
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(acts.hidden))


class ActivatedHiddenDerivative(numpy_net.Trainer):
    """The hidden layer's σ' taken of σ(hidden)."""

    def backward(self, X, acts, y):
        delta2 = self.loss.delta(acts.logits, acts.output, y)
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(sigmoid(acts.hidden)))


def _dloss_doutput(trainer, acts, y):
    return trainer.loss.scale(y) * 2 * (acts.output - y)


def _chain_rule_from(trainer, X, acts, delta2, hidden_derivative):
    """The gradients from the output delta down, with the given σ' of the hidden layer."""
    delta1 = (delta2 @ trainer.params["W2"].T) * hidden_derivative
    return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": acts.hidden.T @ delta2, "b2": delta2.sum(axis=0)}


class SignFlip(numpy_net.Trainer):
    """error = y - output (the negative gradient), then θ -= lr * ... as if it were the gradient."""

    def backward(self, X, acts, y):
        return {name: -g for name, g in super().backward(X, acts, y).items()}


class UpdatedW2InBackprop(numpy_net.Trainer):
    """W2 updated before layer 1's gradient is back-propagated through it."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        updated = dict(self.params, W2=self.params["W2"] - self.optimizer.lr * grads["W2"])
        through_updated = numpy_net.backward(updated, X, acts, y, self.loss, self.hidden)
        return dict(grads, W1=through_updated["W1"], b1=through_updated["b1"])


class BiasGradientAveraged(numpy_net.Trainer):
    """Bias gradients averaged over the batch (mean) while the weight gradients sum."""

    def backward(self, X, acts, y):
        grads = super().backward(X, acts, y)
        return dict(grads, b1=grads["b1"] / len(X), b2=grads["b2"] / len(X))


class BiasReshapedByBroadcast(numpy_net.Trainer):
    """b1 -= lr * delta.sum(axis=0, keepdims=True): the (h,) bias becomes (1, h)."""

    def update(self, grads):
        for name, g in grads.items():
            step = g.reshape(1, -1) if name == "b1" else g
            self.params[name] = self.params[name] - self.optimizer.lr * step


class OutputOverwrittenByError(numpy_net.Trainer):
    """error = output; error -= y: the output array now holds the error, and σ' reads it from there."""

    def backward(self, X, acts, y):
        error = acts.output
        error -= y
        delta2 = _dloss_doutput_of_error(self, error, y) * sigmoid_derivative(acts.output)
        return _chain_rule_from(self, X, acts, delta2, sigmoid_derivative(acts.hidden))


def _dloss_doutput_of_error(trainer, error, y):
    return trainer.loss.scale(y) * 2 * error
