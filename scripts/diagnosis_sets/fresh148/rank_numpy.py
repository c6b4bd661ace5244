"""A siamese pair encoder trained with cosine-embedding, margin-ranking and weighted BCE losses,
from scratch in NumPy.

Both items of a pair go through the same encoder and scorer:

    e = tanh(x @ W1 + b1) @ W2 + b2     (N, 4) embedding
    s = e @ w3 + b3                     (N, 1) score, also the click logit

    loss = cosine_embedding(e1, e2, sim, margin=0.2)        mean
         + margin_ranking(s1, s2, rank, margin=0.5)         mean
         + 0.5 * BCE_with_logits(s1, click, pos_weight=3)   mean

cosine_embedding: 1 - cos(e1, e2) for a similar pair (sim = 1),
max(0, cos(e1, e2) - margin) for a dissimilar one (sim = -1).
margin_ranking: max(0, -rank * (s1 - s2) + margin).
BCE with pos_weight: -(pw * t * log sigmoid(s) + (1 - t) * log(1 - sigmoid(s))).
AdamW (torch's defaults: betas 0.9, 0.999, eps 1e-8, decoupled weight decay 0.01), lr 0.01.

    X: float (N, 2, 5) the pairs; y: float (N, 3) = [sim +-1, rank +-1, click 0/1].

Parameters (self.params): W1 (5, 8), b1 (8,), W2 (8, 4), b2 (4,), w3 (4, 1), b3 (1,).
Optimizer state: self.m, self.v (dicts keyed like self.params), step count self.t.
"""

import os

import numpy as np


class PairRanker:
    def __init__(self, n_in=5, hidden=8, emb=4, lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8,
                 weight_decay=0.01, cos_margin=0.2, rank_margin=0.5, pos_weight=3.0,
                 bce_weight=0.5, seed=0, dtype=np.float64):
        rng = np.random.default_rng(seed)
        self.dtype = dtype
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) / np.sqrt(n_in),
            "b1": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, emb)) / np.sqrt(hidden),
            "b2": 0.1 * rng.standard_normal(emb),
            "w3": rng.standard_normal((emb, 1)) / np.sqrt(emb),
            "b3": np.zeros(1),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(dtype)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.cos_margin, self.rank_margin = cos_margin, rank_margin
        self.pos_weight, self.bce_weight = pos_weight, bce_weight

        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.weight_decay = weight_decay
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def tower(self, x):
        p = self.params
        h = np.tanh(x @ p["W1"] + p["b1"])
        e = h @ p["W2"] + p["b2"]
        s = e @ p["w3"] + p["b3"]
        return h, e, s

    def _losses(self, e1, e2, s1, s2, y):
        sim, rank, click = y[:, 0:1], y[:, 1:2], y[:, 2:3]
        n1 = np.sqrt((e1 * e1).sum(axis=1, keepdims=True))
        n2 = np.sqrt((e2 * e2).sum(axis=1, keepdims=True))
        cos = (e1 * e2).sum(axis=1, keepdims=True) / (n1 * n2)
        cos_loss = np.where(sim > 0, 1 - cos, np.maximum(cos - self.cos_margin, 0)).mean()

        hinge = -rank * (s1 - s2) + self.rank_margin
        rank_loss = np.maximum(hinge, 0).mean()

        pw = self.pos_weight
        log_sig = -(np.maximum(-s1, 0) + np.log1p(np.exp(-np.abs(s1))))     # log sigmoid(s1)
        log_one_minus = log_sig - s1                                         # log(1 - sigmoid(s1))
        bce = -(pw * click * log_sig + (1 - click) * log_one_minus).mean()

        loss = cos_loss + rank_loss + self.bce_weight * bce
        return loss, (sim, rank, click, n1, n2, cos, hinge)

    def loss(self, X, y):
        _, e1, s1 = self.tower(X[:, 0])
        _, e2, s2 = self.tower(X[:, 1])
        return self._losses(e1, e2, s1, s2, y)[0]

    # ----------------------------------------------------------------- backward
    def _tower_backward(self, x, h, de, ds):
        """Gradients of one tower's parameters, given d loss / d e and d loss / d s."""
        p = self.params
        de_total = de + ds @ p["w3"].T
        dh = de_total @ p["W2"].T
        da = dh * (1 - h * h)
        return {"W1": x.T @ da, "b1": da.sum(axis=0), "W2": h.T @ de_total,
                "b2": de_total.sum(axis=0)}

    def backward(self, X, y):
        p = self.params
        x1, x2 = X[:, 0], X[:, 1]
        h1, e1, s1 = self.tower(x1)
        h2, e2, s2 = self.tower(x2)
        loss, (sim, rank, click, n1, n2, cos, hinge) = self._losses(e1, e2, s1, s2, y)
        N = X.shape[0]

        # cosine embedding: d cos / d e1 = e2 / (n1 n2) - cos e1 / n1^2
        dcos = np.where(sim > 0, -1.0, (cos > self.cos_margin).astype(e1.dtype)) / N
        de1 = dcos * (e2 / (n1 * n2) - cos * e1 / (n1 * n1))
        de2 = dcos * (e1 / (n1 * n2) - cos * e2 / (n2 * n2))

        # margin ranking: d/ds1 = -rank where the hinge is active, d/ds2 = +rank
        active = (hinge > 0).astype(s1.dtype)
        ds1 = -rank * active / N
        ds2 = rank * active / N

        # BCE with pos_weight on s1: d/ds = (1 - t) sigmoid(s) - pw t (1 - sigmoid(s))
        sig = 1.0 / (1.0 + np.exp(-s1))
        ds1 = ds1 + self.bce_weight * ((1 - click) * sig - self.pos_weight * click * (1 - sig)) / N

        # scorer (shared by both towers)
        self.grads["w3"] = e1.T @ ds1 + e2.T @ ds2
        self.grads["b3"] = ds1.sum(axis=0) + ds2.sum(axis=0)

        # encoder (shared): the two towers' gradients add up
        g1 = self._tower_backward(x1, h1, de1, ds1)
        g2 = self._tower_backward(x2, h2, de2, ds2)
        for k in ("W1", "b1", "W2", "b2"):
            self.grads[k] = g1[k] + g2[k]
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        """AdamW: decay the weights by lr * wd, then the Adam step."""
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            p *= 1 - self.lr * self.weight_decay
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rank.npz"))
    X, y = data["X"], data["y"]
    net = PairRanker()
    for step in range(300):
        loss = net.train_step(X, y)
        if step % 50 == 0 or step == 299:
            _, _, s1 = net.tower(X[:, 0])
            _, _, s2 = net.tower(X[:, 1])
            acc = (np.sign(s1 - s2)[:, 0] == y[:, 1]).mean()
            print(f"step {step:4d}  loss {loss:.4f}  pair accuracy {acc:.2f}")
