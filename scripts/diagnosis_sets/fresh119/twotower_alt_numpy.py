"""The two-tower model written another way in NumPy: every parameter an attribute, the dense
weights kept (out, in) as torch stores them (so a layer is x @ W.T + b), the cosine similarity
computed as the dot product over the product of the norms, its backward through the Jacobian
(I - q q^T) / |z| applied with einsum, the cross-entropy through np.logaddexp.reduce, the
clipping coefficient from np.linalg.norm of the concatenated gradients, and Adam's bias
corrections folded into the step size and epsilon (lr_t = LR * sqrt(1 - b2^t) / (1 - b1^t),
eps_t = EPS * sqrt(1 - b2^t)), which is the same update as AdamW in torch; the decoupled weight
decay first.

    X: int64 (n, 6) user id, positive item id, 4 negative item ids; y: int64 (n,) zeros
"""

from pathlib import Path

import numpy as np

SIDE = np.load(Path(__file__).parent / "side.npz")
N_USERS, N_ITEMS, D_EMB, F_U, F_I, HIDDEN, D_OUT = 24, 40, 6, 3, 4, 12, 8
TAU, LR, BETAS, EPS, WD, CLIP = 0.2, 0.01, (0.9, 0.999), 1e-8, 0.01, 1.0
NAMES = ("user_table", "item_table", "u_fc1_w", "u_fc1_b", "u_fc2_w", "u_fc2_b",
         "i_fc1_w", "i_fc1_b", "i_fc2_w", "i_fc2_b")


class TwoTowerAttrs:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.user_table = rng.normal(0.0, 0.5, (N_USERS, D_EMB))
        self.item_table = rng.normal(0.0, 0.5, (N_ITEMS, D_EMB))
        self.u_fc1_w = rng.uniform(-1, 1, (HIDDEN, D_EMB + F_U)) / np.sqrt(D_EMB + F_U)
        self.u_fc1_b = np.zeros(HIDDEN)
        self.u_fc2_w = rng.uniform(-1, 1, (D_OUT, HIDDEN)) / np.sqrt(HIDDEN)
        self.u_fc2_b = np.zeros(D_OUT)
        self.i_fc1_w = rng.uniform(-1, 1, (HIDDEN, D_EMB + F_I)) / np.sqrt(D_EMB + F_I)
        self.i_fc1_b = np.zeros(HIDDEN)
        self.i_fc2_w = rng.uniform(-1, 1, (D_OUT, HIDDEN)) / np.sqrt(HIDDEN)
        self.i_fc2_b = np.zeros(D_OUT)
        self.ufeat = SIDE["user_feats"]
        self.ifeat = SIDE["item_feats"]
        self.adam_state = {name: [np.zeros_like(getattr(self, name)), np.zeros_like(getattr(self, name))]
                           for name in NAMES}
        self.n_updates = 0

    @staticmethod
    def _mlp(x, w1, b1, w2, b2):
        pre = x @ w1.T + b1
        h = np.where(pre > 0, pre, 0.0)
        return h, h @ w2.T + b2

    def _forward(self, X):
        u, cand = X[:, 0], X[:, 1:]
        xu = np.hstack([self.user_table[u], self.ufeat[u]])
        xi = np.concatenate([self.item_table[cand], self.ifeat[cand]], axis=-1)
        hu, zu = self._mlp(xu, self.u_fc1_w, self.u_fc1_b, self.u_fc2_w, self.u_fc2_b)
        hi, zi = self._mlp(xi, self.i_fc1_w, self.i_fc1_b, self.i_fc2_w, self.i_fc2_b)
        nu = np.sqrt(np.einsum("nd,nd->n", zu, zu))
        ni = np.sqrt(np.einsum("ncd,ncd->nc", zi, zi))
        cos = np.einsum("nd,ncd->nc", zu, zi) / (nu[:, None] * ni)
        return cos / TAU, (u, cand, xu, xi, hu, hi, zu, zi, nu, ni)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        return float(np.mean(np.logaddexp.reduce(logits, axis=1) - logits[np.arange(len(y)), y]))

    def _grads(self, X, y):
        n = len(y)
        logits, (u, cand, xu, xi, hu, hi, zu, zi, nu, ni) = self._forward(X)
        lse = np.logaddexp.reduce(logits, axis=1)
        loss = np.mean(lse - logits[np.arange(n), y])
        delta = np.exp(logits - lse[:, None])
        delta[np.arange(n), y] -= 1.0
        dcos = delta / (n * TAU)

        qu, qi = zu / nu[:, None], zi / ni[..., None]
        eye = np.eye(D_OUT, dtype=zu.dtype)
        Ju = (eye - np.einsum("nd,ne->nde", qu, qu)) / nu[:, None, None]            # (n, 8, 8)
        Ji = (eye - np.einsum("ncd,nce->ncde", qi, qi)) / ni[..., None, None]      # (n, 5, 8, 8)
        dzu = np.einsum("nde,ne->nd", Ju, np.einsum("nc,ncd->nd", dcos, qi))
        dzi = np.einsum("ncde,nce->ncd", Ji, dcos[..., None] * qu[:, None, :])

        g = {}
        g["u_fc2_w"] = dzu.T @ hu
        g["u_fc2_b"] = dzu.sum(0)
        dpre_u = np.where(hu > 0, dzu @ self.u_fc2_w, 0.0)
        g["u_fc1_w"] = dpre_u.T @ xu
        g["u_fc1_b"] = dpre_u.sum(0)
        dxu = dpre_u @ self.u_fc1_w

        dzi_f, hi_f, xi_f = dzi.reshape(-1, D_OUT), hi.reshape(-1, HIDDEN), xi.reshape(-1, D_EMB + F_I)
        g["i_fc2_w"] = dzi_f.T @ hi_f
        g["i_fc2_b"] = dzi_f.sum(0)
        dpre_i = np.where(hi_f > 0, dzi_f @ self.i_fc2_w, 0.0)
        g["i_fc1_w"] = dpre_i.T @ xi_f
        g["i_fc1_b"] = dpre_i.sum(0)
        dxi = dpre_i @ self.i_fc1_w

        dt = zu.dtype
        onehot_u = np.eye(N_USERS, dtype=dt)[u]
        onehot_i = np.eye(N_ITEMS, dtype=dt)[cand.reshape(-1)]
        g["user_table"] = onehot_u.T @ dxu[:, :D_EMB]
        g["item_table"] = onehot_i.T @ dxi[:, :D_EMB]
        return loss, g

    def train_step(self, X, y):
        loss, g = self._grads(X, y)
        norm = np.linalg.norm(np.concatenate([g[k].ravel() for k in NAMES]))
        if norm + 1e-6 > CLIP:
            scale = CLIP / (norm + 1e-6)
            g = {k: gk * scale for k, gk in g.items()}
        self.grads = g

        b1, b2 = BETAS
        self.n_updates += 1
        t = self.n_updates
        lr_t = LR * np.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        eps_t = EPS * np.sqrt(1.0 - b2 ** t)
        for name in NAMES:
            w = getattr(self, name)
            m, v = self.adam_state[name]
            w *= 1.0 - LR * WD
            m *= b1
            m += (1.0 - b1) * g[name]
            v *= b2
            v += (1.0 - b2) * g[name] * g[name]
            w -= lr_t * m / (np.sqrt(v) + eps_t)
        return float(loss)
