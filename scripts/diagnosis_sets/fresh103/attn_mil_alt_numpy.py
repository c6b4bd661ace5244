"""AttnMIL again in NumPy, written another way: the weights kept (out, in) as torch keeps them
(enc_w (8, 5), att_v (6, 8), att_w (1, 6), cls_w (1, 8)), every product an np.einsum, the
attention as exp(s - logsumexp(s)), the loss through log-sigmoids, the forward's intermediates
in a cache dict, separate backward() and update(), and the AdamW state kept per parameter in one
dict of dicts with its own step count; the warm-up factor from a function. The same model,
loss and optimizer as attn_mil_numpy.py.

    X: float (n, 30) the bags, y: float (n,) the bag labels 0/1
"""

import math

import numpy as np

B, D, HIDDEN, ATT = 6, 5, 8, 6
LR, WD, WARMUP, SMOOTH = 0.01, 0.05, 4, 0.1
BETAS, EPS = (0.9, 0.999), 1e-8


def log_sigmoid(x):
    return -np.logaddexp(0.0, -x)


def warmup(t):
    return t / WARMUP if t < WARMUP else 1.0


class AttnMILAlt:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        self.params = {
            "enc_w": rng.uniform(-0.4, 0.4, (HIDDEN, D)),
            "enc_b": rng.uniform(-0.1, 0.1, HIDDEN),
            "att_v": rng.uniform(-0.35, 0.35, (ATT, HIDDEN)),
            "att_w": rng.uniform(-0.4, 0.4, (1, ATT)),
            "cls_w": rng.uniform(-0.35, 0.35, (1, HIDDEN)),
            "cls_b": np.zeros(1),
        }
        self.opt = {k: {"step": 0, "exp_avg": np.zeros_like(a), "exp_avg_sq": np.zeros_like(a),
                        "decay": WD if k.startswith("enc_") else 0.0}
                    for k, a in self.params.items()}
        self.cache = {}

    def forward(self, X):
        p = self.params
        c = self.cache
        c["x"] = X.reshape(len(X), B, D)
        c["pre"] = np.einsum("nbd,hd->nbh", c["x"], p["enc_w"]) + p["enc_b"]
        c["h"] = np.where(c["pre"] > 0, c["pre"], 0.0)
        c["t"] = np.tanh(np.einsum("nbh,lh->nbl", c["h"], p["att_v"]))
        s = np.einsum("nbl,l->nb", c["t"], p["att_w"][0])
        smax = s.max(axis=1, keepdims=True)
        lse = smax + np.log(np.exp(s - smax).sum(axis=1, keepdims=True))
        c["a"] = np.exp(s - lse)
        c["z"] = np.einsum("nb,nbh->nh", c["a"], c["h"])
        return np.einsum("nh,h->n", c["z"], p["cls_w"][0]) + p["cls_b"][0]

    def loss(self, X, y):
        logit = self.forward(X)
        target = (1.0 - SMOOTH) * y + SMOOTH / 2
        return float(-np.mean(target * log_sigmoid(logit) + (1.0 - target) * log_sigmoid(-logit)))

    def backward(self, logit, y):
        p, c = self.params, self.cache
        target = (1.0 - SMOOTH) * y + SMOOTH / 2
        dlogit = (np.exp(log_sigmoid(logit)) - target) / len(y)
        g = {"cls_w": np.einsum("n,nh->h", dlogit, c["z"])[None, :], "cls_b": np.array([dlogit.sum()])}
        dz = np.einsum("n,h->nh", dlogit, p["cls_w"][0])
        da = np.einsum("nh,nbh->nb", dz, c["h"])
        ds = c["a"] * da - c["a"] * np.einsum("nb,nb->n", c["a"], da)[:, None]
        g["att_w"] = np.einsum("nb,nbl->l", ds, c["t"])[None, :]
        du = np.einsum("nb,l->nbl", ds, p["att_w"][0]) * (1.0 - c["t"] * c["t"])
        g["att_v"] = np.einsum("nbl,nbh->lh", du, c["h"])
        dh = np.einsum("nb,nh->nbh", c["a"], dz) + np.einsum("nbl,lh->nbh", du, p["att_v"])
        dpre = np.where(c["pre"] > 0, dh, 0.0)
        g["enc_w"] = np.einsum("nbh,nbd->hd", dpre, c["x"])
        g["enc_b"] = np.einsum("nbh->h", dpre)
        return g

    def update(self, g):
        b1, b2 = BETAS
        for k, prm in self.params.items():
            st = self.opt[k]
            st["step"] += 1
            t = st["step"]
            lr = LR * warmup(t)
            prm *= 1.0 - lr * st["decay"]
            st["exp_avg"] += (1.0 - b1) * (g[k] - st["exp_avg"])
            st["exp_avg_sq"] += (1.0 - b2) * (g[k] * g[k] - st["exp_avg_sq"])
            denom = np.sqrt(st["exp_avg_sq"]) / math.sqrt(1.0 - b2 ** t) + EPS
            prm -= (lr / (1.0 - b1 ** t)) * st["exp_avg"] / denom

    def train_step(self, X, y):
        logit = self.forward(X)
        target = (1.0 - SMOOTH) * y + SMOOTH / 2
        loss = -np.mean(target * log_sigmoid(logit) + (1.0 - target) * log_sigmoid(-logit))
        self.grads = self.backward(logit, y)
        self.update(self.grads)
        return float(loss)
