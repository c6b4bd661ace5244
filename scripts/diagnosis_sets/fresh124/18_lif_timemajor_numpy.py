"""The LIF network of lif_numpy.py written another way: time-major arrays, the
surrogate derivatives kept from the forward pass, the weight gradient summed
over time with one einsum, and the momentum update written in place.

    I_t = x_t @ W1 + b1
    v_t = beta v_{t-1} + I_t - theta s_{t-1}     (reset not differentiated)
    s_t = H(v_t - theta), surrogate 1 / (k |v_t - theta| + 1)^2, k = 5
    logits = (1/T) sum_t s_t @ W2 + b2, cross-entropy (mean over rows)
SGD with momentum 0.9, lr 0.5 (torch.optim.SGD's rule).

    X: 0/1 spikes (N, T, 8), y: one-hot (N, 3).
Parameters (self.params): W1 (8, 20), b1 (20,), W2 (20, 3), b2 (3,).
Optimizer state: self.velocity.
"""

import numpy as np


class LIFNet:
    def __init__(self, n_in=8, hidden=20, n_out=3, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.4, 0.6, (n_in, hidden)),
            "b1": rng.uniform(0.0, 0.4, hidden),
            "W2": rng.normal(0.0, 0.5, (hidden, n_out)),
            "b2": np.zeros(n_out),
        }
        self.grads = {}
        self.velocity = {name: np.zeros_like(p) for name, p in self.params.items()}
        self.beta, self.theta, self.k = 0.8, 1.0, 5.0
        self.lr, self.mu = 0.5, 0.9

    def forward(self, X):
        p = self.params
        Xt = np.transpose(X, (1, 0, 2))                  # (T, N, n_in)
        T, N = Xt.shape[0], Xt.shape[1]
        H = p["W1"].shape[1]
        S = np.zeros((T, N, H), dtype=X.dtype)
        G = np.zeros((T, N, H), dtype=X.dtype)           # surrogate derivative at each step
        v = np.zeros((N, H), dtype=X.dtype)
        s_prev = np.zeros((N, H), dtype=X.dtype)
        for t in range(T):
            v = self.beta * v + (Xt[t] @ p["W1"] + p["b1"]) - self.theta * s_prev
            u = v - self.theta
            S[t] = u >= 0
            G[t] = 1.0 / (self.k * np.abs(u) + 1.0) ** 2
            s_prev = S[t]
        rate = S.mean(axis=0)
        logits = rate @ p["W2"] + p["b2"]
        self.cache = (Xt, S, G, rate)
        return logits

    def loss(self, X, y):
        z = self.forward(X)
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -(y * logp).sum(axis=1).mean()

    def train_step(self, X, y):
        p = self.params
        z = self.forward(X)
        Xt, S, G, rate = self.cache
        T, N = S.shape[0], S.shape[1]
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(y * logp).sum(axis=1).mean()

        dz = (np.exp(logp) - y) / N
        self.grads["W2"] = rate.T @ dz
        self.grads["b2"] = dz.sum(axis=0)
        ds = dz @ p["W2"].T / T

        dV = np.zeros_like(G)
        carry = np.zeros_like(ds)
        for t in range(T - 1, -1, -1):
            carry = ds * G[t] + self.beta * carry
            dV[t] = carry
        self.grads["W1"] = np.einsum("tni,tnh->ih", Xt, dV)
        self.grads["b1"] = dV.sum(axis=(0, 1))

        for name in p:
            vel = self.velocity[name]
            vel *= self.mu
            vel += self.grads[name]
            p[name] -= self.lr * vel
        return float(loss)
