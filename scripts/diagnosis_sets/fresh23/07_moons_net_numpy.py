"""Two-moons classifier trained with RMSprop as in Hinton's Coursera lecture 6e: keep a moving
average of the squared gradient, MeanSquare = 0.9 MeanSquare + 0.1 g^2, and divide the gradient by
its square root. 2 inputs -> 10 sigmoid units -> 1 sigmoid output, mean binary cross-entropy."""

import numpy as np

LEARNING_RATE = 0.01
RHO = 0.9
EPS = 1e-8


class MoonsNet:
    def __init__(self, n_hidden=10):
        rng = np.random.default_rng(6)
        self.W_hidden = rng.uniform(-1.0, 1.0, (2, n_hidden))
        self.b_hidden = np.zeros(n_hidden)
        self.W_out = rng.uniform(-1.0, 1.0, (n_hidden, 1))
        self.b_out = np.zeros(1)
        self.mean_square = {name: np.zeros_like(getattr(self, name)) for name in ("W_hidden", "b_hidden", "W_out", "b_out")}

    def train_step(self, X, y):
        hidden = 1.0 / (1.0 + np.exp(-(X @ self.W_hidden + self.b_hidden)))
        prob = 1.0 / (1.0 + np.exp(-(hidden @ self.W_out + self.b_out)))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))

        delta_out = (prob - y) / len(X)
        delta_hidden = (delta_out @ self.W_out.T) * hidden * (1 - hidden)
        grads = {
            "W_hidden": X.T @ delta_hidden,
            "b_hidden": delta_hidden.sum(axis=0),
            "W_out": hidden.T @ delta_out,
            "b_out": delta_out.sum(axis=0),
        }
        for name, g in grads.items():
            self.mean_square[name] = RHO * self.mean_square[name] + (1 - RHO) * g ** 2
            setattr(self, name, getattr(self, name) - LEARNING_RATE * g / (np.sqrt(self.mean_square[name]) + EPS))
        return loss
