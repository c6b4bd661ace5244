"""Deep-learning-course NumPy network, samples as columns and weights stored (out, in) in a
dict (ReLU hidden layer, sigmoid output, binary cross-entropy), trained with momentum as an
exponentially weighted average of the gradients, v = beta v + (1 - beta) dW. The course's
optional bias correction was switched on, v / (1 - beta^t), where the momentum to match
has none: every early step is scaled up by 1 / (1 - beta^t) (10x on the first)."""

import numpy as np


class ShallowNet:
    def __init__(self, X, Y, n_h=6, learning_rate=0.5, beta=0.9):
        rng = np.random.default_rng(16)
        n_x, n_y = X.shape[0], Y.shape[0]
        self.parameters = {
            "W1": rng.standard_normal((n_h, n_x)) * 0.01,
            "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)) * 0.01,
            "b2": np.zeros((n_y, 1)),
        }
        self.v = None
        self.t = 0
        self.learning_rate, self.beta = learning_rate, beta

    def forward_propagation(self, X):
        p = self.parameters
        Z1 = p["W1"] @ X + p["b1"]
        A1 = np.maximum(0, Z1)
        Z2 = p["W2"] @ A1 + p["b2"]
        A2 = 1 / (1 + np.exp(-Z2))
        return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}

    def backward_propagation(self, cache, X, Y):
        m = X.shape[1]
        dZ2 = cache["A2"] - Y
        dW2 = dZ2 @ cache["A1"].T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (self.parameters["W2"].T @ dZ2) * (cache["Z1"] > 0)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}

    def update_parameters_with_momentum(self, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(w) for k, w in self.parameters.items()}
        self.t += 1
        for k in self.parameters:
            self.v[k] = self.beta * self.v[k] + (1 - self.beta) * grads["d" + k]
            v_corrected = self.v[k] / (1 - self.beta ** self.t)   # BUG: no bias correction, self.v[k]
            self.parameters[k] = self.parameters[k] - self.learning_rate * v_corrected

    def iterate(self, X, Y):
        cache = self.forward_propagation(X)
        grads = self.backward_propagation(cache, X, Y)
        self.update_parameters_with_momentum(grads)
        A2 = cache["A2"]
        return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
