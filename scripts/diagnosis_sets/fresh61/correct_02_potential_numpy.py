"""Energy-based force field by hand in NumPy: a learned potential V(q) = tanh(q W1 + b1) W2 whose force
is F = -dV/dq = -((1 - t^2) * W2^T) W1^T, fitted to measured forces (force matching). W1 enters the
force twice (inside tanh and as the outer factor), and the second derivative of tanh appears in the
backward pass. Loss: squared force error summed over the components, mean over the rows. SGD.

    X: (n, 2) positions, y: (n, 2) forces
"""

import numpy as np

LR = 0.05


class PotentialNet:
    def __init__(self, hidden=12, seed=62):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0, (2, hidden)),
            "b1": rng.normal(0.0, 0.5, hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
        }

    def train_step(self, X, y):
        p = self.params
        W1, b1, W2 = p["W1"], p["b1"], p["W2"]
        v = W2[:, 0]
        n = len(X)

        t = np.tanh(X @ W1 + b1)
        t1 = 1.0 - t ** 2
        M = t1 * v
        force = -M @ W1.T
        loss = np.mean(np.sum((force - y) ** 2, axis=1))

        G = 2.0 * (force - y) / n
        dM = -G @ W1
        dW1 = -(G.T @ M)
        da = dM * v * (-2.0 * t * t1)
        grads = {
            "W1": dW1 + X.T @ da,
            "b1": da.sum(axis=0),
            "W2": (dM * t1).sum(axis=0)[:, None],
        }
        self.grads = grads
        for k in p:
            p[k] -= LR * grads[k]
        return float(loss)
