"""The three-head multi-task MLP of mt3_numpy.py, written another way.

Parameters in one dict, weights kept (in, out); the gradient of each head's loss folded into one
(N, 5) output gradient [cls logits | a | b] against one (16, 5) stacked head view; Adam written in
its textbook form m_hat / (sqrt(v_hat) + eps) with the moments updated in place.
"""

import numpy as np


class ThreeHeadDict:
    def __init__(self, seed=1):
        rng = np.random.default_rng(seed)
        W1 = rng.normal(0, 1 / np.sqrt(8), (24, 8))
        W2 = rng.normal(0, 1 / np.sqrt(24), (16, 24))
        Wc = rng.normal(0, 1 / np.sqrt(16), (3, 16))
        Wa = rng.normal(0, 1 / np.sqrt(16), (1, 16))
        Wb = rng.normal(0, 1 / np.sqrt(16), (1, 16))
        self.params = {"W1": W1.T.copy(), "b1": np.zeros(24), "W2": W2.T.copy(), "b2": np.zeros(16),
                       "Wc": Wc.T.copy(), "bc": np.zeros(3), "Wa": Wa.T.copy(), "ba": np.zeros(1),
                       "Wb": Wb.T.copy(), "bb": np.zeros(1)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}

    def _forward(self, X):
        p = self.params
        h1 = np.tanh(X @ p["W1"] + p["b1"])
        z2 = h1 @ p["W2"] + p["b2"]
        f = np.maximum(z2, 0.1 * z2)                      # leaky ReLU, slope 0.1
        W = np.concatenate([p["Wc"], p["Wa"], p["Wb"]], axis=1)
        b = np.concatenate([p["bc"], p["ba"], p["bb"]])
        out = f @ W + b
        return out, (h1, z2, f, W)

    def _loss(self, out, y):
        n = len(y)
        logits, pa, pb = out[:, :3], out[:, 3], out[:, 4]
        cls = y[:, 0].astype(int)
        logp = logits - logits.max(1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(1, keepdims=True))
        ce = -(0.9 * logp[np.arange(n), cls] + (0.1 / 3) * logp.sum(1)).mean()
        ra, rb = pa - y[:, 1], pb - y[:, 2]
        loss = ce + 0.3 * np.abs(ra).mean() + 0.2 * np.mean(rb * rb)
        dout = np.empty_like(out)
        dout[:, :3] = np.exp(logp) - 0.1 / 3
        dout[np.arange(n), cls] -= 0.9
        dout[:, 3] = 0.3 * np.sign(ra)
        dout[:, 4] = 0.4 * rb
        return loss, dout / n

    def loss(self, X, y):
        return self._loss(self._forward(X)[0], y)[0]

    def train_step(self, X, y, lr=0.01, b1=0.9, b2=0.999, eps=1e-8):
        p = self.params
        out, (h1, z2, f, W) = self._forward(X)
        loss, dout = self._loss(out, y)
        gW = f.T @ dout
        gb = dout.sum(0)
        g = {"Wc": gW[:, :3], "Wa": gW[:, 3:4], "Wb": gW[:, 4:5],
             "bc": gb[:3], "ba": gb[3:4], "bb": gb[4:5]}
        dz2 = (dout @ W.T) * np.where(z2 > 0, 1, 0.1).astype(z2.dtype)
        g["W2"], g["b2"] = h1.T @ dz2, dz2.sum(0)
        dz1 = (dz2 @ p["W2"].T) * (1 - h1 ** 2)
        g["W1"], g["b1"] = X.T @ dz1, dz1.sum(0)
        self.grads = g

        self.t += 1
        for k, w in p.items():
            self.m[k] *= b1
            self.m[k] += (1 - b1) * g[k]
            self.v[k] *= b2
            self.v[k] += (1 - b2) * g[k] ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            w -= lr * m_hat / (np.sqrt(v_hat) + eps)
        return float(loss)
