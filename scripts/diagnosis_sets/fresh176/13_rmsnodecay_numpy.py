"""A mixture density network as a mixture of experts, by hand in NumPy.

A softmax gate gives the mixing weights; each of E = 3 experts is a small ReLU MLP
that predicts the mean and the log-variance of its own Gaussian:

    log_pi      = log_softmax(X @ Wg + bg)                          (N, E)
    h_k         = relu(X @ W1[k] + b1[k])                           (N, H)
    mu_k, s_k   = h_k @ W2[k] + b2[k]                               column 0 the mean, 1 the log-variance
    log N_k     = -0.5 * (log(2 pi) + s_k + (y - mu_k)^2 * exp(-s_k))
    loss        = -mean_n logsumexp_k (log_pi + log N_k)

The expert weights are stacked along a leading expert axis: W1 (E, D, H), b1 (E, H),
W2 (E, H, 2), b2 (E, 2); the gate is Wg (D, E), bg (E,). D = 3, H = 10.
Trained with RMSprop (lr 0.005, alpha 0.9, eps 1e-8 added to the root), as
torch.optim.RMSprop: sq = alpha sq + (1 - alpha) g^2;  w -= lr g / (sqrt(sq) + eps).
Gradients in self.grads, the running squares in self.sq, keyed like self.params.
"""

import math

import numpy as np

LOG_2PI = math.log(2.0 * math.pi)


class MDNExperts:
    def __init__(self, n_in=3, n_experts=3, hidden=10, lr=0.005, alpha=0.9, eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        s_in, s_h = 1.0 / math.sqrt(n_in), 1.0 / math.sqrt(hidden)
        self.params = {
            "Wg": rng.uniform(-s_in, s_in, (n_in, n_experts)),
            "bg": rng.uniform(-s_in, s_in, n_experts),
            "W1": rng.uniform(-s_in, s_in, (n_experts, n_in, hidden)),
            "b1": rng.uniform(-s_in, s_in, (n_experts, hidden)),
            "W2": rng.uniform(-s_h, s_h, (n_experts, hidden, 2)),
            "b2": rng.uniform(-s_h, s_h, (n_experts, 2)),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.sq = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.alpha, self.eps = lr, alpha, eps

    def _forward(self, X, y):
        p = self.params
        z = X @ p["Wg"] + p["bg"]
        zmax = z.max(axis=1, keepdims=True)
        log_pi = z - zmax - np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
        a = np.einsum("nd,edh->enh", X, p["W1"]) + p["b1"][:, None, :]
        h = np.maximum(a, 0.0)
        o = np.einsum("enh,eho->eno", h, p["W2"]) + p["b2"][:, None, :]
        mu, s = o[:, :, 0].T, o[:, :, 1].T                 # (N, E)
        inv_var = np.exp(-s)
        r2 = (y - mu) ** 2
        log_n = -0.5 * (LOG_2PI + s + r2 * inv_var)
        l = log_pi + log_n
        lmax = l.max(axis=1, keepdims=True)
        lse = lmax[:, 0] + np.log(np.exp(l - lmax).sum(axis=1))
        self.pred = (np.exp(log_pi) * mu).sum(axis=1, keepdims=True)   # mixture mean
        return -lse.mean(), (log_pi, a, h, mu, inv_var, r2, l, lse)

    def loss(self, X, y):
        return float(self._forward(X, y)[0])

    def backward(self, X, y):
        p, g = self.params, self.grads
        loss, (log_pi, a, h, mu, inv_var, r2, l, lse) = self._forward(X, y)
        N = X.shape[0]
        resp = np.exp(l - lse[:, None])                   # responsibilities (N, E)
        dl = -resp / N                                    # d loss / d l
        dmu = dl * (y - mu) * inv_var
        ds = dl * (-0.5 + 0.5 * r2 * inv_var)
        pi = np.exp(log_pi)
        dz = dl - pi * dl.sum(axis=1, keepdims=True)      # through log_softmax
        g["Wg"] = X.T @ dz
        g["bg"] = dz.sum(axis=0)

        do = np.stack([dmu.T, ds.T], axis=-1)             # (E, N, 2)
        g["W2"] = np.einsum("enh,eno->eho", h, do)
        g["b2"] = do.sum(axis=1)
        dh = np.einsum("eno,eho->enh", do, p["W2"])
        da = dh * (a > 0)
        g["W1"] = np.einsum("nd,enh->edh", X, da)
        g["b1"] = da.sum(axis=1)
        return loss

    def rmsprop_step(self):
        for k, w in self.params.items():
            gk = self.grads[k]
            self.sq[k] = self.alpha * self.sq[k] + gk * gk
            w -= self.lr * gk / (np.sqrt(self.sq[k]) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.rmsprop_step()
        return float(loss)
