"""The same graph regressor in NumPy with every parameter in one flat vector.

self.theta holds W1, b1, W2, b2, W3, b3 end to end and self.params are reshaped views into it;
the gradient is written into one flat vector the same way, so the global-norm clipping and the
RMSprop update are single vector operations on the whole. The padded batch is unpadded into the
75 real nodes of one block-diagonal graph with a batch assignment vector, and the mean readout is
a (graphs x nodes) assignment matrix S, each row 1 / node count on its graph's nodes: pooled =
S H, and its backward S^T.

    X: float (12, 9, 6) node features per graph, zero-padded, y: float (12,) one target per graph
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
F_IN, HIDDEN, HEAD = 6, 16, 8
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 0.5
SHAPES = {"W1": (F_IN, HIDDEN), "b1": (HIDDEN,), "W2": (HIDDEN, HEAD), "b2": (HEAD,),
          "W3": (HEAD, 1), "b3": (1,)}


def views(flat):
    out, i = {}, 0
    for k, shape in SHAPES.items():
        size = int(np.prod(shape))
        out[k] = flat[i:i + size].reshape(shape)
        i += size
    return out


class GraphRegressorFlat:
    def __init__(self, seed=97):
        data = np.load(HERE / "molecules.npz")
        A, n_nodes = data["A"], data["n_nodes"]
        g_count, n_max = A.shape[0], A.shape[1]
        self.valid = (np.arange(n_max)[None, :] < n_nodes[:, None]).reshape(-1)
        self.batch = np.repeat(np.arange(g_count), n_nodes)
        offsets = np.concatenate([[0], np.cumsum(n_nodes)])
        n = int(offsets[-1])
        A_big = np.eye(n)
        for g in range(g_count):
            s, e = offsets[g], offsets[g + 1]
            A_big[s:e, s:e] += A[g, :n_nodes[g], :n_nodes[g]]
        d = A_big.sum(axis=1) ** -0.5
        self.A_hat = A_big * np.outer(d, d)
        self.S = np.zeros((g_count, n))
        self.S[self.batch, np.arange(n)] = 1.0 / n_nodes[self.batch]

        rng = np.random.default_rng(seed)
        self.theta = np.zeros(sum(int(np.prod(s)) for s in SHAPES.values()))
        self.params = views(self.theta)
        self.params["W1"][...] = rng.normal(0.0, 1.0 / np.sqrt(F_IN), (F_IN, HIDDEN))
        self.params["W2"][...] = rng.normal(0.0, np.sqrt(2.0 / HIDDEN), (HIDDEN, HEAD))
        self.params["b2"][...] = 0.1
        self.params["W3"][...] = rng.normal(0.0, 1.0 / np.sqrt(HEAD), (HEAD, 1))
        self.sq = np.zeros_like(self.theta)

    def forward(self, X):
        p = self.params
        nodes = X.reshape(-1, X.shape[-1])[self.valid]
        AX = self.A_hat @ nodes
        H = np.tanh(AX @ p["W1"] + p["b1"])
        pooled = self.S @ H
        Z2 = pooled @ p["W2"] + p["b2"]
        R = np.maximum(Z2, 0.0)
        return AX, H, pooled, Z2, R, (R @ p["W3"] + p["b3"]).ravel()

    def loss(self, X, y):
        return float(np.mean((self.forward(X)[-1] - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        AX, H, pooled, Z2, R, out = self.forward(X)
        err = out - y
        loss = float(np.mean(err ** 2))

        gflat = np.zeros_like(self.theta)
        g = views(gflat)
        dout = 2.0 * err[:, None] / len(y)
        g["W3"][...] = R.T @ dout
        g["b3"][...] = dout.sum(axis=0)
        dZ2 = np.where(Z2 > 0, dout @ p["W3"].T, 0.0)
        g["W2"][...] = pooled.T @ dZ2
        g["b2"][...] = dZ2.sum(axis=0)
        dZ1 = (self.S.T @ (dZ2 @ p["W2"].T)) * (1.0 - H * H)
        g["W1"][...] = AX.T @ dZ1
        g["b1"][...] = dZ1.sum(axis=0)

        norm = np.linalg.norm(gflat)
        if norm + 1e-6 > MAX_NORM:
            gflat *= MAX_NORM / (norm + 1e-6)
        self.grads = g

        self.sq *= ALPHA
        self.sq += (1.0 - ALPHA) * gflat * gflat
        self.theta -= LR * gflat / (np.sqrt(self.sq) + EPS)
        return loss
