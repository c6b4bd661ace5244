"""Denoising score matching, NumPy: a tanh MLP s(x_noisy, sigma) -> score, trained on
target -(x_noisy - x) / sigma^2 with weight sigma^2, three fixed noise levels per row,
the noise given as data (y: (N, 3*D) standard normal). Adam written by hand."""
import numpy as np

SIGMAS = (0.1, 0.3, 1.0)


class DSMNet:
    def __init__(self, n_in=4, hidden=32, lr=2e-3, b1=0.9, b2=0.999, eps=1e-8, seed=0):
        rng = np.random.RandomState(seed)
        d0 = n_in + 1
        self.params = {
            "W1": rng.randn(d0, hidden) / np.sqrt(d0),
            "b1": np.zeros(hidden),
            "W2": rng.randn(hidden, hidden) / np.sqrt(hidden),
            "b2": np.zeros(hidden),
            "W3": rng.randn(hidden, n_in) / np.sqrt(hidden),
            "b3": np.zeros(n_in),
        }
        self.lr, self.b1, self.b2, self.eps = lr, b1, b2, eps
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.grads = {}

    def _batch(self, X, y):
        N, D = X.shape
        sig = np.asarray(SIGMAS, dtype=X.dtype)
        noise = y.reshape(N, len(SIGMAS), D)
        xn = X[:, None, :] + sig[None, :, None] * noise
        target = -(xn - X[:, None, :]) / (sig[None, :, None] ** 2)
        s_col = np.broadcast_to(sig[None, :, None], (N, len(SIGMAS), 1))
        inp = np.concatenate([xn, s_col], axis=2).reshape(N * len(SIGMAS), D + 1)
        w = np.broadcast_to(sig[None, :] ** 2, (N, len(SIGMAS))).reshape(-1)
        return inp, target.reshape(N * len(SIGMAS), D), w

    def forward(self, inp):
        p = self.params
        h1 = np.tanh(inp @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        s = h2 @ p["W3"] + p["b3"]
        return h1, h2, s

    def loss(self, X, y):
        inp, target, w = self._batch(X, y)
        _, _, s = self.forward(inp)
        return float(np.mean(0.5 * w * np.sum((s - target) ** 2, axis=1)))

    def train_step(self, X, y):
        p = self.params
        inp, target, w = self._batch(X, y)
        h1, h2, s = self.forward(inp)
        R = inp.shape[0]
        diff = s - target
        loss = np.mean(0.5 * w * np.sum(diff ** 2, axis=1))

        ds = w[:, None] * diff / R
        g = {}
        g["W3"] = h2.T @ ds
        g["b3"] = ds.sum(axis=0)
        dh2 = ds @ p["W3"].T
        da2 = dh2 * (1.0 - h2 ** 2)
        g["W2"] = h1.T @ da2
        g["b2"] = da2.sum(axis=0)
        dh1 = da2 @ p["W2"].T
        da1 = dh1 * (1.0 - h1 ** 2)
        g["W1"] = inp.T @ da1
        g["b1"] = da1.sum(axis=0)
        self.grads = g

        self.t += 1
        c1 = 1.0 - self.b1 ** (self.t + 1)
        c2 = 1.0 - self.b2 ** (self.t + 1)
        for k in p:
            self.m[k] = self.b1 * self.m[k] + (1.0 - self.b1) * g[k]
            self.v[k] = self.b2 * self.v[k] + (1.0 - self.b2) * g[k] ** 2
            m_hat = self.m[k] / c1
            v_hat = self.v[k] / c2
            p[k] = p[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
