"""A two-tower retrieval model trained with a sampled softmax, from scratch in NumPy, AdamW with
global-norm gradient clipping.

Each row holds a user id, the id of the item the user engaged with and four pre-sampled negative
item ids. The user tower reads the user's id embedding beside the user's three side features,
the item tower the item's id embedding beside its four side features; each is a small MLP
(Linear, ReLU, Linear). Both outputs are L2-normalised, and the logits are the cosine
similarities of the user with its five candidates divided by a temperature TAU. The loss is the
softmax cross-entropy of the positive (class y = 0, the first candidate) averaged over the batch.
The gradients of the whole model are clipped to a global L2 norm of CLIP as
torch.nn.utils.clip_grad_norm_ does (scaled by CLIP / (norm + 1e-6) where that is below one),
then AdamW (decoupled weight decay WD on every parameter, the embedding tables whole).

    X: int64 (n, 6) user id, positive item id, 4 negative item ids; y: int64 (n,) zeros
    side.npz: user_feats (24, 3), item_feats (40, 4)
"""

from pathlib import Path

import numpy as np

SIDE = np.load(Path(__file__).parent / "side.npz")
N_USERS, N_ITEMS, D_EMB, F_U, F_I, HIDDEN, D_OUT = 24, 40, 6, 3, 4, 12, 8
TAU, LR, BETAS, EPS, WD, CLIP = 0.2, 0.01, (0.9, 0.999), 1e-8, 0.01, 1.0


def relu(x):
    return np.maximum(x, 0.0)


class TwoTower:
    def __init__(self, seed=119):
        rng = np.random.default_rng(seed)

        def dense(fan_in, fan_out):
            return rng.uniform(-1.0, 1.0, (fan_in, fan_out)) / np.sqrt(fan_in)

        self.params = {
            "user_emb": rng.normal(0.0, 0.5, (N_USERS, D_EMB)),
            "item_emb": rng.normal(0.0, 0.5, (N_ITEMS, D_EMB)),
            "Wu1": dense(D_EMB + F_U, HIDDEN), "bu1": np.zeros(HIDDEN),
            "Wu2": dense(HIDDEN, D_OUT), "bu2": np.zeros(D_OUT),
            "Wi1": dense(D_EMB + F_I, HIDDEN), "bi1": np.zeros(HIDDEN),
            "Wi2": dense(HIDDEN, D_OUT), "bi2": np.zeros(D_OUT),
        }
        self.user_feats = SIDE["user_feats"]
        self.item_feats = SIDE["item_feats"]
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        u, items = X[:, 0], X[:, 1:]
        xu = np.concatenate([p["user_emb"][u], self.user_feats[u]], axis=1)          # (n, 9)
        hu = relu(xu @ p["Wu1"] + p["bu1"])
        zu = hu @ p["Wu2"] + p["bu2"]                                                # (n, 8)
        xi = np.concatenate([p["item_emb"][items], self.item_feats[items]], axis=2)  # (n, 5, 10)
        hi = relu(xi @ p["Wi1"] + p["bi1"])
        zi = hi @ p["Wi2"] + p["bi2"]                                                # (n, 5, 8)
        nu = np.linalg.norm(zu, axis=-1, keepdims=True)
        ni = np.linalg.norm(zi, axis=-1, keepdims=True)
        qu, qi = zu / nu, zi / ni
        logits = np.einsum("nd,ncd->nc", qu, qi) / TAU
        return logits, (u, items, xu, hu, zu, nu, qu, xi, hi, zi, ni, qi)

    @staticmethod
    def softmax_xent(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self.softmax_xent(self.forward(X)[0], y)[0]

    def backward(self, X, y):
        p = self.params
        n = len(y)
        logits, (u, items, xu, hu, zu, nu, qu, xi, hi, zi, ni, qi) = self.forward(X)
        loss, probs = self.softmax_xent(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        dcos = dlogits / TAU                                          # (n, 5)
        dqu = np.einsum("nc,ncd->nd", dcos, qi)
        dqi = dcos[:, :, None] * qu[:, None, :]
        # through the normalisation q = z / |z|
        dzu = (dqu - qu * np.sum(dqu * qu, axis=-1, keepdims=True)) / nu
        dzi = (dqi - qi * np.sum(dqi * qi, axis=-1, keepdims=True)) / ni

        g = {}
        g["Wu2"] = hu.T @ dzu
        g["bu2"] = dzu.sum(axis=0)
        dhu = (dzu @ p["Wu2"].T) * (hu > 0)
        g["Wu1"] = xu.T @ dhu
        g["bu1"] = dhu.sum(axis=0)
        dxu = dhu @ p["Wu1"].T
        g["user_emb"] = np.zeros_like(p["user_emb"])
        np.add.at(g["user_emb"], u, dxu[:, :D_EMB])

        hi2, dzi2 = hi.reshape(-1, HIDDEN), dzi.reshape(-1, D_OUT)
        g["Wi2"] = hi2.T @ dzi2
        g["bi2"] = dzi2.sum(axis=0)
        dhi = (dzi2 @ p["Wi2"].T) * (hi2 > 0)
        g["Wi1"] = xi.reshape(-1, D_EMB + F_I).T @ dhi
        g["bi1"] = dhi.sum(axis=0)
        dxi = dhi @ p["Wi1"].T
        g["item_emb"] = np.zeros_like(p["item_emb"])
        np.add.at(g["item_emb"], items.reshape(-1), dxi[:, :D_EMB])
        return loss, g

    def clip(self, g):
        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        for k in g:
            g[k] = g[k] * min(1.0, CLIP / (np.linalg.norm(g[k]) + 1e-6))  # fix: g[k] = g[k] * min(1.0, CLIP / (total + 1e-6))
        return g

    def update(self, g):
        b1, b2 = BETAS
        self.t += 1
        bc1, bc2 = 1.0 - b1 ** self.t, 1.0 - b2 ** self.t
        for k, a in self.params.items():
            a *= 1.0 - LR * WD
            self.m[k] = b1 * self.m[k] + (1.0 - b1) * g[k]
            self.v[k] = b2 * self.v[k] + (1.0 - b2) * g[k] ** 2
            denom = np.sqrt(self.v[k]) / np.sqrt(bc2) + EPS
            a -= LR / bc1 * self.m[k] / denom

    def train_step(self, X, y):
        loss, g = self.backward(X, y)
        g = self.clip(g)
        self.grads = g
        self.update(g)
        return float(loss)
