"""Two-layer softmax classifier in the style of the cs231n assignment: 5 inputs, 10 tanh units,
3 classes, mean cross-entropy. Updates with the assignment's rmsprop rule (decay_rate 0.99,
epsilon 1e-8), one config dict per parameter holding its cache."""

import numpy as np


def rmsprop(w, dw, config):
    config["cache"] = config["decay_rate"] * config["cache"] + (1 - config["decay_rate"]) * dw ** 2
    next_w = w - config["learning_rate"] * dw / (np.sqrt(config["cache"]) + config["epsilon"])
    return next_w, config


class TwoLayerNet:
    def __init__(self, input_size=5, hidden_size=10, output_size=3, std=0.3):
        rng = np.random.RandomState(231)
        self.params = {
            "W1": std * rng.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * rng.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.optim_configs = {
            name: {"learning_rate": 1e-2, "decay_rate": 0.99, "epsilon": 1e-8, "cache": np.zeros_like(p)}
            for name, p in self.params.items()
        }

    def loss(self, X, y):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        N = X.shape[0]
        hidden = np.tanh(X.dot(W1) + b1)
        scores = hidden.dot(W2) + b2
        scores -= scores.max(axis=1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        labels = y.argmax(axis=1)
        loss = -np.log(probs[np.arange(N), labels]).mean()

        grads = {}
        dscores = probs.copy()
        dscores[np.arange(N), labels] -= 1
        dscores /= N
        grads["W2"] = hidden.T.dot(dscores)
        grads["b2"] = dscores.sum(axis=0)
        dhidden = dscores.dot(W2.T) * (1 - hidden ** 2)
        grads["W1"] = X.T.dot(dhidden)
        grads["b1"] = dhidden.sum(axis=0)
        return loss, grads

    def train_step(self, X, y):
        loss, grads = self.loss(X, y)
        for name in self.params:
            self.params[name], self.optim_configs[name] = rmsprop(self.params[name], grads[name], self.optim_configs[name])
        return loss
