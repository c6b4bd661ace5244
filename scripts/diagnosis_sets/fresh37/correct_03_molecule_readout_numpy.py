"""Graph classification in NumPy on batches of small graphs (7 nodes each, the adjacency in the
first 7 columns of each graph's node table, three node features after it): one GIN-style layer
relu((x_v + sum of the neighbours' x_u) W1 + b1) through a batched np.einsum over the (g, 7, 7)
adjacencies, a sum read-out over each graph's nodes, softmax logits; mean cross-entropy,
Nesterov momentum in torch's form (v = mu v + g; p -= lr (g + mu v)).

    X: (n_graphs, 7, 10) adjacency | features, y: one-hot (n_graphs, 2)
"""

import numpy as np

LR, MU = 0.05, 0.9


class MoleculeGIN:
    def __init__(self, n_feat=3, hidden=6, n_out=2, seed=53):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.5, (n_feat, hidden))
        self.b1 = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 0.3, (hidden, n_out))
        self.b2 = np.zeros(n_out)
        self.buf = {k: np.zeros_like(getattr(self, k)) for k in ("W1", "b1", "W2", "b2")}

    def train_step(self, X, y):
        adj, x = X[:, :, :7], X[:, :, 7:]
        m = x + np.einsum("gij,gjf->gif", adj, x)
        z1 = m @ self.W1 + self.b1                      # (g, 7, hidden)
        h = np.maximum(z1, 0.0)
        r = h.sum(axis=1)                               # sum read-out, (g, hidden)
        z = r @ self.W2 + self.b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(np.sum(p * y, axis=1)))

        dz = (p - y) / len(X)
        dr = dz @ self.W2.T
        dz1 = np.broadcast_to(dr[:, None, :], z1.shape) * (z1 > 0)
        grads = {"W2": r.T @ dz, "b2": dz.sum(axis=0),
                 "W1": np.einsum("gnf,gnh->fh", m, dz1), "b1": dz1.sum(axis=(0, 1))}
        for k, g in grads.items():
            self.buf[k] = MU * self.buf[k] + g
            setattr(self, k, getattr(self, k) - LR * (g + MU * self.buf[k]))
        return float(loss)
