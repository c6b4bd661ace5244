"""distil_numpy.py written another way: parameters in a dict, weights kept (in, out),
log-probabilities instead of probabilities, and Adam in its folded form

    lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t)
    p   -= lr_t * m / (sqrt(v) + eps * sqrt(1 - b2^t))

which equals torch's m_hat / (sqrt(v_hat) + eps).
"""

import math

import numpy as np


def log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


class DistilledMLPAlt:
    def __init__(self, n_in=12, hidden=24, n_cls=4, T=2.0, alpha=0.6, lr=0.01, seed=5):
        rng = np.random.default_rng(seed)
        self.params = {
            "w_in": rng.uniform(-1, 1, (n_in, hidden)) / np.sqrt(n_in),
            "b_in": rng.uniform(-1, 1, hidden) / np.sqrt(n_in),
            "w_out": rng.uniform(-1, 1, (hidden, n_cls)) / np.sqrt(hidden),
            "b_out": rng.uniform(-1, 1, n_cls) / np.sqrt(hidden),
        }
        self.state = {k: {"m": np.zeros_like(v), "v": np.zeros_like(v)}
                      for k, v in self.params.items()}
        self.step_count = 0
        self.T, self.alpha, self.lr = T, alpha, lr
        self.b1, self.b2, self.eps = 0.9, 0.999, 1e-8

    def _run(self, X, y):
        P, T, alpha = self.params, self.T, self.alpha
        n = X.shape[0]
        rows = np.arange(n)
        labels = y[:, 0].astype(int)
        h = np.tanh(X @ P["w_in"] + P["b_in"])
        s = h @ P["w_out"] + P["b_out"]
        log_p = log_softmax(y[:, 1:] / T)
        log_q = log_softmax(s / T)
        log_r = log_softmax(s)
        loss = (alpha * T ** 2 * np.sum(np.exp(log_p) * (log_p - log_q)) / n
                - (1 - alpha) * log_r[rows, labels].mean())
        ds = alpha * T * (np.exp(log_q) - np.exp(log_p))
        ds += (1 - alpha) * np.exp(log_r)
        ds[rows, labels] -= 1 - alpha
        ds /= n
        return loss, h, ds

    def loss(self, X, y):
        return self._run(X, y)[0]

    def train_step(self, X, y):
        loss, h, ds = self._run(X, y)
        P = self.params
        dh = ds @ P["w_out"].T
        dpre = dh * (1 - h * h)
        grads = {"w_out": h.T @ ds, "b_out": ds.sum(0), "w_in": X.T @ dpre, "b_in": dpre.sum(0)}
        self.grads = grads

        self.step_count += 1
        t = self.step_count
        c2 = math.sqrt(1 - self.b2 ** t)
        lr_t = self.lr * c2 / (1 - self.b1 ** t)
        for k, g in grads.items():
            st = self.state[k]
            st["m"] = self.b1 * st["m"] + (1 - self.b1) * g
            st["v"] = self.b2 * st["v"] + (1 - self.b2) * (g * g)
            P[k] = P[k] - lr_t * st["m"] / (np.sqrt(st["v"]) + self.eps * c2)
        return loss
