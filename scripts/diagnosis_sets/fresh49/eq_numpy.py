"""Equalised-learning-rate regressor in NumPy (Karras et al., progressive GANs): 4 -> 8 tanh -> 2
linear; each weight stored raw from N(0, 1) and scaled at every forward by the He constant
c = sqrt(2 / fan_in) (fan_in = rows of the (in, out) weight); biases unscaled; mean squared error,
plain SGD on the raw weights.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR = 0.1


class EqNet:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.W1 = rng.standard_normal((4, 8))
        self.b1 = np.zeros(8)
        self.W2 = rng.standard_normal((8, 2))
        self.b2 = np.zeros(2)
        self.c1 = np.sqrt(2.0 / self.W1.shape[0])
        self.c2 = np.sqrt(2.0 / self.W2.shape[0])

    def train_step(self, X, y):
        h = np.tanh(X @ (self.c1 * self.W1) + self.b1)
        out = h @ (self.c2 * self.W2) + self.b2
        self.output = out
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        dW2 = self.c2 * (h.T @ d_out)
        db2 = d_out.sum(axis=0)
        dz1 = (d_out @ (self.c2 * self.W2).T) * (1.0 - h ** 2)
        dW1 = self.c1 * (X.T @ dz1)
        db1 = dz1.sum(axis=0)

        self.grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        self.W1 -= LR * dW1
        self.b1 -= LR * db1
        self.W2 -= LR * dW2
        self.b2 -= LR * db2
        return float(loss)
