"""Denoising score matching, NumPy, written another way: a list of layers with weights kept
(out, in) as torch does, einsum for the products, the noise levels stacked level-major, the loss
written with the noise eps directly (target -eps/sigma, weight sigma^2), Adam updated in place."""
import numpy as np

SIGMAS = (0.1, 0.3, 1.0)


class DSMLayers:
    def __init__(self, n_in=4, hidden=32, lr=2e-3, seed=0):
        rng = np.random.RandomState(seed)
        sizes = [n_in + 1, hidden, hidden, n_in]
        self.layers = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            self.layers.append({"W": rng.randn(b, a) / np.sqrt(a), "b": np.zeros(b)})
        self.lr = lr
        self.state = [{"mW": np.zeros_like(l["W"]), "vW": np.zeros_like(l["W"]),
                       "mb": np.zeros_like(l["b"]), "vb": np.zeros_like(l["b"])} for l in self.layers]
        self.t = 0

    def _inputs(self, X, y):
        N, D = X.shape
        L = len(SIGMAS)
        eps = y.reshape(N, L, D).transpose(1, 0, 2)            # (L, N, D)
        rows, targets, weights = [], [], []
        for j, s in enumerate(SIGMAS):
            xn = X + s * eps[j]
            rows.append(np.concatenate([xn, np.full((N, 1), s, dtype=X.dtype)], axis=1))
            targets.append(-eps[j] / s)
            weights.append(np.full(N, s * s, dtype=X.dtype))
        return np.concatenate(rows), np.concatenate(targets), np.concatenate(weights)

    def _forward(self, a):
        acts = [a]
        for i, l in enumerate(self.layers):
            a = np.einsum("ni,oi->no", a, l["W"]) + l["b"]
            if i < len(self.layers) - 1:
                a = np.tanh(a)
            acts.append(a)
        return acts

    def loss(self, X, y):
        inp, target, w = self._inputs(X, y)
        s = self._forward(inp)[-1]
        return float(0.5 * np.einsum("n,nd->", w, (s - target) ** 2) / len(w))

    def train_step(self, X, y):
        inp, target, w = self._inputs(X, y)
        acts = self._forward(inp)
        r = acts[-1] - target
        loss = 0.5 * np.einsum("n,nd->", w, r * r) / len(w)
        delta = r * (w / len(w))[:, None]
        grads = [None] * len(self.layers)
        for i in reversed(range(len(self.layers))):
            grads[i] = (np.einsum("no,ni->oi", delta, acts[i]), delta.sum(axis=0))
            if i > 0:
                delta = np.einsum("no,oi->ni", delta, self.layers[i]["W"]) * (1.0 - acts[i] * acts[i])
        self.t += 1
        c1, c2 = 1.0 - 0.9 ** self.t, 1.0 - 0.999 ** self.t
        for l, st, (gW, gb) in zip(self.layers, self.state, grads):
            for key, g in (("W", gW), ("b", gb)):
                m, v = st["m" + key], st["v" + key]
                m *= 0.9
                m += 0.1 * g
                v *= 0.999
                v += 0.001 * g * g
                l[key] -= self.lr * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        return float(loss)
