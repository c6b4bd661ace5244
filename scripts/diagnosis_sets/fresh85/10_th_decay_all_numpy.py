"""Two-task network in NumPy: a shared tanh trunk with a price head and a segment head.

One tanh layer (10 -> 16) feeds two linear heads: a regression head (16 -> 1) trained with the
mean squared error on every row, and a 3-class softmax head trained with the cross-entropy
averaged over the rows whose segment is labelled (the mask column of y; unlabelled rows carry
a placeholder label 0 and are left out). The task losses are combined as a fixed weighted sum
W_REG * L_reg + W_CLS * L_cls. Hand-written backward; SGD with Nesterov momentum (torch's
formulation: v = mu v + d, step d + mu v), per-task learning rates (trunk, price head, segment
head) and an L2 weight decay, added to the gradient, on the trunk only.

    X: float (n, 10), y: float (n, 3) = [price, segment, has_segment]
"""

import numpy as np

D, HIDDEN, K = 10, 16, 3
LR_TRUNK, LR_REG, LR_CLS = 0.05, 0.1, 0.2
MOMENTUM, WD = 0.9, 1e-3
W_REG, W_CLS = 1.0, 0.5


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class TwoHeadNet:
    def __init__(self, seed=85):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "Wr": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "br": np.zeros(1),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "bc": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr = {"W1": LR_TRUNK, "b1": LR_TRUNK, "Wr": LR_REG, "br": LR_REG, "Wc": LR_CLS, "bc": LR_CLS}
        self.decay = {k: WD for k in self.params}  # fix: self.decay = {"W1": WD, "b1": WD, "Wr": 0.0, "br": 0.0, "Wc": 0.0, "bc": 0.0}

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        r = h @ p["Wr"] + p["br"]
        z = h @ p["Wc"] + p["bc"]
        return h, r, z

    def task_losses(self, X, y):
        t, c, m = y[:, 0], y[:, 1].astype(int), y[:, 2]
        h, r, z = self.forward(X)
        P = softmax(z)
        cnt = max(m.sum(), 1.0)
        l_reg = np.mean((r[:, 0] - t) ** 2)
        l_cls = np.sum(-m * np.log(P[np.arange(len(c)), c])) / cnt
        return h, r, P, cnt, l_reg, l_cls

    def loss(self, X, y):
        l_reg, l_cls = self.task_losses(X, y)[4:]
        return W_REG * l_reg + W_CLS * l_cls

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        t, c, m = y[:, 0], y[:, 1].astype(int), y[:, 2]
        h, r, P, cnt, l_reg, l_cls = self.task_losses(X, y)
        loss = W_REG * l_reg + W_CLS * l_cls

        onehot = np.eye(K, dtype=X.dtype)[c]
        dr = W_REG * 2.0 * (r - t[:, None]) / n
        dz = W_CLS * m[:, None] * (P - onehot) / cnt
        g = {}
        g["Wr"] = h.T @ dr
        g["br"] = dr.sum(axis=0)
        g["Wc"] = h.T @ dz
        g["bc"] = dz.sum(axis=0)
        dh = dr @ p["Wr"].T + dz @ p["Wc"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        for k in p:
            d = g[k] + self.decay[k] * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= self.lr[k] * (d + MOMENTUM * self.velocity[k])
        return float(loss)
