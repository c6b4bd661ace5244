"""A second NumPy actor-critic, written differently from ac_numpy.py but computing the same:
the policy head kept (out, in) like nn.Linear (Wp: (4, 32)), products written with einsum,
the entropy derivative written as -(p log p - p * sum(p log p)), the value-loss gradient with
the 0.5 * 2 folded, and Adam in torch's form (lr / bc1, sqrt(v) / sqrt(bc2) + eps) updating
every array in place.
"""

import math

import numpy as np


class ActorCriticAlt:
    def __init__(self, n_in=6, n_hidden=32, n_actions=4, lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                 entropy_coef=0.01, seed=1):
        rng = np.random.default_rng(seed)
        self.params = dict(
            W1=rng.normal(0.0, 1.0 / math.sqrt(n_in), (n_in, n_hidden)),
            b1=np.zeros(n_hidden),
            Wp=rng.normal(0.0, 0.1, (n_actions, n_hidden)),
            bp=np.zeros(n_actions),
            Wv=rng.normal(0.0, 1.0 / math.sqrt(n_hidden), (n_hidden, 1)),
            bv=np.zeros(1),
        )
        self.grads = {}
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.step_count = 0
        self.lr, (self.b1, self.b2), self.eps = lr, betas, eps
        self.c_ent = entropy_coef

    def train_step(self, X, y):
        P = self.params
        n = len(X)
        a = y[:, 0].astype(int)
        ret = y[:, 1]
        rows = np.arange(n)

        h = np.tanh(np.einsum("ni,ih->nh", X, P["W1"]) + P["b1"])
        logits = np.einsum("nh,ah->na", h, P["Wp"]) + P["bp"]
        V = np.einsum("nh,ho->n", h, P["Wv"]) + P["bv"][0]
        lse = logits.max(1, keepdims=True)
        lse = lse + np.log(np.exp(logits - lse).sum(1, keepdims=True))
        logp = logits - lse
        p = np.exp(logp)

        A = ret - V
        mu = A.mean()
        sigma = np.sqrt(((A - mu) ** 2).mean())
        A = (A - mu) / (sigma + 1e-8)

        plogp = p * logp
        H = -plogp.sum(1)
        loss = (-(A * logp[rows, a]).sum() + 0.5 * ((V - ret) ** 2).sum() - self.c_ent * H.sum()) / n

        dz = p * A[:, None]
        dz[rows, a] -= A
        dz -= self.c_ent * (p * plogp.sum(1, keepdims=True) - plogp)
        dz /= n
        dV = (V - ret) / n

        self.grads["Wp"] = np.einsum("na,nh->ah", dz, h)
        self.grads["bp"] = dz.sum(0)
        self.grads["Wv"] = np.einsum("nh,n->h", h, dV)[:, None]
        self.grads["bv"] = np.array([dV.sum()], dtype=dV.dtype)
        dh = np.einsum("na,ah->nh", dz, P["Wp"]) + np.outer(dV, P["Wv"][:, 0])
        dh *= 1.0 - h * h
        self.grads["W1"] = np.einsum("ni,nh->ih", X, dh)
        self.grads["b1"] = dh.sum(0)

        self.step_count += 1
        bc1 = 1.0 - self.b1 ** self.step_count
        bc2 = 1.0 - self.b2 ** self.step_count
        for k, w in P.items():
            g = self.grads[k]
            m, v = self.m[k], self.v[k]
            m *= self.b1
            m += (1.0 - self.b1) * g
            v *= self.b2
            v += (1.0 - self.b2) * g * g
            w -= (self.lr / bc1) * m / (np.sqrt(v) / math.sqrt(bc2) + self.eps)
        return float(loss)
