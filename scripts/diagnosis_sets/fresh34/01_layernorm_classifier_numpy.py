"""Three-class classifier with layer normalisation, NumPy.

    z  = X @ W1 + b1                                   (n, 12)
    zn = gain * (z - mean_row) / sqrt(var_row + EPS) + shift   (biased variance over the 12 units)
    h  = tanh(zn)
    logits = h @ W2 + b2                               (n, 3), softmax, mean cross-entropy

Heavy-ball momentum (v = mu v + g; theta -= lr v).

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

EPS = 1e-5
LR, MOMENTUM = 0.1, 0.9


class LayerNormClassifier:
    def __init__(self, n_in=6, hidden=12, n_out=3, seed=1):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden)),
            "b1": np.zeros(hidden),
            "gain": np.ones(hidden),
            "shift": np.zeros(hidden),
            "W2": rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        z = X @ p["W1"] + p["b1"]
        mean = z.mean(axis=1, keepdims=True)
        var = z.var(axis=1, keepdims=True)
        rstd = 1.0 / np.sqrt(var + EPS)
        xhat = (z - mean) * rstd
        zn = p["gain"] * xhat + p["shift"]
        h = np.tanh(zn)
        logits = h @ p["W2"] + p["b2"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        dlogits = (probs - y) / n
        grads = {"W2": h.T @ dlogits, "b2": dlogits.sum(axis=0)}
        dzn = (dlogits @ p["W2"].T) * (1.0 - h ** 2)
        grads["gain"] = (dzn * xhat).sum(axis=0)
        grads["shift"] = dzn.sum(axis=0)
        dxhat = dzn * p["gain"]
        dz = rstd * (dxhat - dxhat.mean(axis=1, keepdims=True)
                     - xhat * (dxhat * xhat).mean(axis=1, keepdims=True))
        grads["W1"] = X.T @ dz
        grads["b1"] = dz.sum(axis=0)
        self.grads = grads

        for k in p:
            self.velocity[k] = MOMENTUM * self.velocity[k] + grads[k]
            p[k] -= LR * self.velocity[k]
        return float(loss)
