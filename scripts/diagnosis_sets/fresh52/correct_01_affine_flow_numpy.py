"""Element-wise affine flow in NumPy, parameters in one dict, the quadratic form by np.einsum and
the scale applied by np.divide by exp(log_s); NLL of the standard normal base plus sum(log_s),
averaged over the rows; gradients in one dict, updated in place.

    X: (n, 2) data, y ignored
"""

import numpy as np

LR = 0.1


class DictAffineFlow:
    def __init__(self, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {"mu": rng.normal(0.0, 0.5, 2), "log_s": rng.normal(0.0, 0.3, 2)}

    def train_step(self, X, y=None):
        p = self.params
        n, d = X.shape
        scale = np.exp(p["log_s"])
        z = np.divide(X - p["mu"], scale)
        quad = np.einsum("ij,ij->i", z, z)
        loss = np.mean(0.5 * quad + 0.5 * d * np.log(2 * np.pi) + np.add.reduce(p["log_s"]))
        self.grads = {"mu": -np.einsum("ij->j", z) / scale / n,
                      "log_s": np.ones(d) - np.einsum("ij,ij->j", z, z) / n}
        for k in p:
            p[k] -= LR * self.grads[k]
        return float(loss)
