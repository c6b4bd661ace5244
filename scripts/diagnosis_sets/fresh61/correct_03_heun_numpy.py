"""Neural ODE, one Heun (explicit trapezoid, RK2) step of a learned vector field, by hand in NumPy:
k1 = f(z), k2 = f(z + H k1), z' = z + H / 2 (k1 + k2), f a 2 -> 16 tanh -> 2 network evaluated twice.
The backward pass goes through both evaluations, k2's gradient reaching k1 through the predictor.
Loss: squared error of the predicted state summed over (q, p), mean over the rows. SGD.

    X: (n, 2) states, y: (n, 2) the states H later
"""

import numpy as np

H = 0.5
LR = 0.1


class HeunODE:
    def __init__(self, hidden=16, seed=63):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(2), (2, hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 2)),
            "b2": np.zeros(2),
        }

    def field(self, z):
        p = self.params
        t = np.tanh(z @ p["W1"] + p["b1"])
        return t @ p["W2"] + p["b2"], (z, t)

    def field_backward(self, dk, cache, grads):
        p = self.params
        z, t = cache
        grads["W2"] += t.T @ dk
        grads["b2"] += dk.sum(axis=0)
        da = (dk @ p["W2"].T) * (1.0 - t ** 2)
        grads["W1"] += z.T @ da
        grads["b1"] += da.sum(axis=0)
        return da @ p["W1"].T

    def train_step(self, X, y):
        n = len(X)
        k1, c1 = self.field(X)
        k2, c2 = self.field(X + H * k1)
        pred = X + H / 2 * (k1 + k2)
        loss = np.mean(np.sum((pred - y) ** 2, axis=1))

        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        dpred = 2.0 * (pred - y) / n
        dk2 = H / 2 * dpred
        dz2 = self.field_backward(dk2, c2, grads)
        dk1 = H / 2 * dpred + H * dz2
        self.field_backward(dk1, c1, grads)
        self.grads = grads
        for k in self.params:
            self.params[k] -= LR * grads[k]
        return float(loss)
