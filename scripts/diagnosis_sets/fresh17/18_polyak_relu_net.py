"""NumPy binary classifier, 6 -> 10 -> 7 -> 1: two ReLU hidden layers, sigmoid output, mean
binary cross-entropy. Momentum in Polyak's heavy-ball form, written on the parameters
themselves:

    theta_next = theta - lr * grad + mu * (theta - theta_prev)

with theta_prev = theta before the first step (no momentum on step one). Parameters are
kernel_i / bias_i attributes; the previous values are copies kept in a dict."""

import numpy as np


class PolyakReluNet:
    def __init__(self, X, y, widths=(10, 7), lr=0.1, mu=0.9, seed=18):
        rng = np.random.default_rng(seed)
        sizes = (X.shape[1], *widths, y.shape[1])
        self.n_layers = len(sizes) - 1
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            setattr(self, f"kernel_{i}", rng.normal(0.0, np.sqrt(2.0 / a), (a, b)))
            setattr(self, f"bias_{i}", np.zeros(b))
        self.lr, self.mu = lr, mu
        self.previous = None

    def names(self):
        return [f"{kind}_{i}" for i in range(self.n_layers) for kind in ("kernel", "bias")]

    def train_step(self, X, y):
        L = self.n_layers
        acts, zs = [X], []
        for i in range(L):
            z = np.einsum("nk,kj->nj", acts[-1], getattr(self, f"kernel_{i}")) + getattr(self, f"bias_{i}")
            zs.append(z)
            acts.append(np.exp(-np.logaddexp(0.0, -z)) if i == L - 1 else np.maximum(z, 0.0))
        p = acts[-1]
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p))

        grads = {}
        delta = (p - y) / len(X)
        for i in reversed(range(L)):
            grads[f"kernel_{i}"] = np.einsum("nk,nj->kj", acts[i], delta)
            grads[f"bias_{i}"] = np.einsum("nj->j", delta)
            if i:
                delta = np.einsum("nj,kj->nk", delta, getattr(self, f"kernel_{i}")) * np.greater(zs[i - 1], 0)

        if self.previous is None:
            self.previous = {name: getattr(self, name).copy() for name in self.names()}
        for name in self.names():
            theta = getattr(self, name)
            step = -self.lr * grads[name] + self.mu * (theta - self.previous[name])
            self.previous[name] = theta.copy()
            setattr(self, name, theta + step)
        return float(loss)
