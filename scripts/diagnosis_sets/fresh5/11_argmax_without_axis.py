"""CS231n-style NumPy softmax classifier (ReLU hidden layer, mean cross-entropy, SGD with
momentum). The course code wants integer labels for dscores[range(n), labels] -= 1; the
one-hot targets are turned into labels with np.argmax(y), without axis=1, which is the flat
index of the first 1 in the matrix: row 0's class, given as the label of every row."""

import numpy as np


class TwoLayerNet:
    def __init__(self, X, y, hidden_size=10, learning_rate=0.1, mu=0.9):
        rng = np.random.default_rng(11)
        self.params = {
            "W1": 0.1 * rng.standard_normal((X.shape[1], hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": 0.1 * rng.standard_normal((hidden_size, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.velocity = None
        self.learning_rate, self.mu = learning_rate, mu

    def loss(self, X, y):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        num_examples = X.shape[0]
        labels = np.argmax(y)   # BUG: np.argmax(y, axis=1)
        hidden = np.maximum(0, X @ W1 + b1)
        scores = hidden @ W2 + b2
        exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        data_loss = -np.sum(y * np.log(probs)) / num_examples

        dscores = probs.copy()
        dscores[range(num_examples), labels] -= 1
        dscores /= num_examples
        grads = {"W2": hidden.T @ dscores, "b2": np.sum(dscores, axis=0)}
        dhidden = dscores @ W2.T
        dhidden[hidden <= 0] = 0
        grads["W1"] = X.T @ dhidden
        grads["b1"] = np.sum(dhidden, axis=0)
        return data_loss, grads

    def train_step(self, X, y):
        loss, grads = self.loss(X, y)
        if self.velocity is None:
            self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        for k in self.params:
            self.velocity[k] = self.mu * self.velocity[k] + grads[k]
            self.params[k] -= self.learning_rate * self.velocity[k]
        return loss
