"""Two-layer GraphSAGE with mean aggregation and ELU, by hand in NumPy.

    P    = D^-1 A                                    row-normalised adjacency (mean over neighbours)
    Z1   = X @ Ws1 + (P @ X) @ Wn1 + b1              root and neighbour weights, one bias
    H    = elu(Z1)                                   (N, 12)
    Hd   = H * hid_mask / (1 - p)                    dropout, keep-masks fixed in advance
    Z    = Hd @ Ws2 + (P @ Hd) @ Wn2 + b2            (N, 4) logits
    loss = cross-entropy, mean over the training nodes

Step t (from 0) uses the hidden dropout mask t % 3 of sage_graph.npz.
SGD, lr 0.1, momentum 0.9, weight decay 1e-3 coupled as torch.optim.SGD (g + wd w into the
velocity, velocity = mu velocity + g, w -= lr velocity).
"""

import os

import numpy as np

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage_graph.npz")


def elu(z):
    return np.where(z > 0, z, np.expm1(np.minimum(z, 0)))


class GraphSAGE:
    def __init__(self, n_feat=8, n_hidden=12, n_class=4, p=0.3, lr=0.1, momentum=0.9,
                 weight_decay=1e-3, seed=1):
        g = np.load(GRAPH)
        A = g["A"]
        self.P = A / A.sum(axis=1, keepdims=True)
        self.train_mask = g["train_mask"]
        self.masks = g["hid_masks"]
        self.p = p

        rng = np.random.default_rng(seed)
        s1, s2 = 1 / np.sqrt(n_feat), 1 / np.sqrt(n_hidden)
        self.params = {
            "Ws1": rng.uniform(-s1, s1, (n_feat, n_hidden)),
            "Wn1": rng.uniform(-s1, s1, (n_feat, n_hidden)),
            "b1": rng.uniform(-s1, s1, n_hidden),
            "Ws2": rng.uniform(-s2, s2, (n_hidden, n_class)),
            "Wn2": rng.uniform(-s2, s2, (n_hidden, n_class)),
            "b2": rng.uniform(-s2, s2, n_class),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.momentum, self.weight_decay = lr, momentum, weight_decay
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.step_count = 0

    def forward(self, X):
        p = self.params
        mask = self.masks[self.step_count % len(self.masks)]
        PX = self.P @ X
        Z1 = X @ p["Ws1"] + PX @ p["Wn1"] + p["b1"]
        H = elu(Z1)
        Hd = H * mask / (1 - self.p)
        PH = self.P @ Hd
        Z = Hd @ p["Ws2"] + PH @ p["Wn2"] + p["b2"]
        self.cache = (X, PX, Z1, H, Hd, PH, mask)
        return Z

    def softmax_xent(self, Z, y):
        tm = self.train_mask
        n = int(tm.sum())
        e = np.exp(Z - Z.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[tm, y[tm]]).mean()
        dZ = probs.copy()
        dZ[np.arange(len(y)), y] -= 1
        dZ *= tm[:, None]
        dZ /= n
        return loss, dZ

    def loss(self, X, y):
        return self.softmax_xent(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        Z = self.forward(X)
        loss, dZ = self.softmax_xent(Z, y)
        X, PX, Z1, H, Hd, PH, mask = self.cache

        self.grads["Ws2"] = Hd.T @ dZ
        self.grads["Wn2"] = PH.T @ dZ
        self.grads["b2"] = dZ.sum(axis=0)
        dHd = dZ @ p["Ws2"].T + self.P.T @ (dZ @ p["Wn2"].T)
        dH = dHd * mask / (1 - self.p)
        dZ1 = dH * np.where(Z1 > 0, 1.0, H + 1.0)
        self.grads["Ws1"] = X.T @ dZ1
        self.grads["Wn1"] = PX.T @ dZ1
        self.grads["b1"] = dZ1.sum(axis=0)
        return loss

    def sgd(self):
        for k, w in self.params.items():
            g = self.grads[k] - self.weight_decay * w
            self.velocity[k] = self.momentum * self.velocity[k] + g
            w -= self.lr * self.velocity[k]
        self.step_count += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage.npz"))
    net = GraphSAGE()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 40 == 0:
            print(step, round(loss, 4))
