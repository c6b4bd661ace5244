"""A 1-D mixture density network from scratch in NumPy, trained by Adam written by hand.

    h        = tanh(x @ W1 + b1)                          (N, H)
    logits   = h @ Wpi + bpi                              (N, K)   mixture logits
    mu       = h @ Wmu + bmu                              (N, K)   component means
    logsig   = h @ Wls + bls                              (N, K)   log standard deviations
    log pi   = logits - logsumexp(logits)                 (log-softmax over the K components)
    log N_k  = -0.5 z_k^2 - logsig_k - 0.5 log(2 pi),     z_k = (y - mu_k) / exp(logsig_k)
    loss     = -mean_n logsumexp_k (log pi_k + log N_k)   (negative log-likelihood)

Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8, bias-corrected) as torch.optim.Adam.

    X: float (N, 1), y: float (N, 1).

Parameters (self.params), weights kept (in, out): W1 (1, H), b1 (H,), Wpi, Wmu, Wls (H, K),
bpi, bmu, bls (K,). Adam moments self.m, self.v; step count self.t.
"""

import math

import numpy as np

LOG_2PI = math.log(2.0 * math.pi)


def logsumexp(a, axis):
    amax = a.max(axis=axis, keepdims=True)
    return (amax + np.log(np.exp(a - amax).sum(axis=axis, keepdims=True))).squeeze(axis)


class MDN1D:
    def __init__(self, hidden=24, K=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.K = K
        self.params = {
            "W1": rng.standard_normal((1, hidden)) * 1.0,
            "b1": rng.uniform(-1.0, 1.0, hidden),
            "Wpi": rng.standard_normal((hidden, K)) / math.sqrt(hidden),
            "bpi": np.zeros(K),
            "Wmu": rng.standard_normal((hidden, K)) / math.sqrt(hidden),
            "bmu": np.linspace(-1.0, 1.0, K),
            "Wls": rng.standard_normal((hidden, K)) * 0.1 / math.sqrt(hidden),
            "bls": np.full(K, -1.0),
        }
        for k in self.params:
            self.params[k] = self.params[k].astype(np.float32)
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.t = 0

    def _forward(self, X, y):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["Wpi"] + p["bpi"]
        mu = h @ p["Wmu"] + p["bmu"]
        logsig = h @ p["Wls"] + p["bls"]
        log_pi = logits - logsumexp(logits, axis=1)[:, None]
        sigma = np.exp(logsig)
        z = (y - mu) / sigma                                   # y (N, 1) against (N, K)
        log_comp = -0.5 * z ** 2 - logsig - 0.5 * LOG_2PI
        a = log_pi + log_comp
        lse = logsumexp(a, axis=1)
        loss = -lse.mean()
        return loss, (h, log_pi, sigma, z, a, lse)

    def loss(self, X, y):
        return self._forward(X, y)[0]

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        loss, (h, log_pi, sigma, z, a, lse) = self._forward(X, y)
        gamma = np.exp(a - lse[:, None])                       # responsibilities (N, K)
        pi = np.exp(log_pi)

        dlogits = (pi - gamma) / N
        dmu = -gamma * z / sigma / N
        dlogsig = gamma * (1.0 - z ** 2) / N

        g = self.grads
        g["Wpi"] = h.T @ dlogits
        g["bpi"] = dlogits.sum(axis=0)
        g["Wmu"] = h.T @ dmu
        g["bmu"] = dmu.sum(axis=0)
        g["Wls"] = h.T @ dlogsig
        g["bls"] = dlogsig.sum(axis=0)
        dh = dlogits @ p["Wpi"].T + dmu @ p["Wmu"].T + dlogsig @ p["Wls"].T
        dpre = dh * (1.0 - h ** 2)
        g["W1"] = X.T @ dpre
        g["b1"] = dpre.sum(axis=0)
        return loss

    def step(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)
