"""Log-sum-exp pooling MIL over padded bags with a class-weighted BCE, in NumPy, by hand.

Each row of X holds a bag of up to B = 8 instances of D = 6 features (48 columns, padding zero)
followed by its 0/1 instance mask (8 columns). A shared two-layer instance MLP,
h = relu(x W1 + b1) W2 + b2 (10 then 6 units); each of the 6 features pooled over the bag's real
instances by the log-mean-exp with temperature R,
z_k = (1/R) log( sum_b m_b exp(R h_bk) / sum_b m_b ), between the mean (R -> 0) and the max
(R -> inf); a bag logit z Wc + bc; binary cross-entropy with logits with the positive bags
weighted POS_W (torch's pos_weight), averaged over the bags. RMSprop as torch.optim.RMSprop
(alpha ALPHA, eps outside the square root, no momentum, no bias correction) with a step decay:
the t-th update uses LR * GAMMA ** ((t - 1) // STEP).

    X: float (n, 56) the padded bags and their masks, y: float (n,) the bag labels 0/1
"""

import numpy as np

B, D, H1, HIDDEN = 8, 6, 10, 6
R, POS_W = 2.5, 2.0
LR, ALPHA, EPS, STEP, GAMMA = 0.01, 0.9, 1e-8, 6, 0.5


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class LSEMIL:
    def __init__(self, seed=103):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, H1)),
            "b1": rng.normal(0.0, 0.1, H1),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(H1), (H1, HIDDEN)),
            "b2": np.zeros(HIDDEN),
            "Wc": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "bc": np.zeros(1),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        n = len(X)
        Xi = X[:, :B * D].reshape(n, B, D)
        M = X[:, B * D:][:, :, None]                       # (n, B, 1)
        pre = Xi @ p["W1"] + p["b1"]
        h1 = np.maximum(pre, 0.0)
        h = h1 @ p["W2"] + p["b2"]                         # (n, B, H)
        mx = np.where(M > 0, h, -np.inf).max(axis=1, keepdims=True)
        e = M * np.exp(R * (h - mx))                       # (n, B, H)
        tot = e.sum(axis=1)                                # (n, H)
        cnt = M.sum(axis=1)                                # (n, 1)
        z = mx[:, 0, :] + np.log(tot / cnt) / R            # (n, H)
        logit = (z @ p["Wc"] + p["bc"])[:, 0]
        return Xi, pre, h1, e, tot, z, logit

    def bce(self, logit, y):
        return np.mean(POS_W * y * np.logaddexp(0.0, -logit) + (1.0 - y) * np.logaddexp(0.0, logit))

    def loss(self, X, y):
        return float(self.bce(self.forward(X)[-1], y))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        Xi, pre, h1, e, tot, z, logit = self.forward(X)
        loss = self.bce(logit, y)

        g = {}
        prob = sigmoid(logit)
        dlogit = ((POS_W * y + 1.0 - y) * prob - POS_W * y) / n
        g["Wc"] = z.T @ dlogit[:, None]
        g["bc"] = np.array([dlogit.sum()])
        dz = dlogit[:, None] * p["Wc"][:, 0]               # (n, H)
        dh = (e / tot[:, None, :]) * dz[:, None, :]        # softmax of R h over the real instances
        g["W2"] = h1.reshape(-1, H1).T @ dh.reshape(-1, HIDDEN)
        g["b2"] = dh.sum(axis=(0, 1))
        dpre = (dh @ p["W2"].T) * (pre > 0)
        g["W1"] = Xi.reshape(-1, D).T @ dpre.reshape(-1, H1)
        g["b1"] = dpre.sum(axis=(0, 1))
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP)
        for k in p:
            self.sq[k] = ALPHA * self.sq[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
