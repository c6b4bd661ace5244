"""A categorical-latent autoencoder with a Gumbel-softmax (concrete) relaxation, in NumPy.

    h      = tanh(X W1 + b1)                       encoder, (N, H)
    logits = h W2 + b2                             (N, K) logits of one categorical latent
    tau_t  = max(tau_min, tau0 * exp(-anneal * t)) temperature annealed by the step t = 0, 1, ...
    z      = softmax((logits + g_t) / tau_t)       soft sample, g_t = gumbel[t % T] fixed as data
    xhat   = z Wd + bd                             decoder, (N, D)
    loss   = mean_n sum_d (xhat - y)^2 + beta * mean_n KL(softmax(logits) || uniform(K))

Backward by hand, Adam (torch.optim.Adam's formula) by hand.
Parameters: self.params = {W1 (D, H), b1 (H,), W2 (H, K), b2 (K,), Wd (K, D), bd (D,)}.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def softmax(s, axis=-1):
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class CatVAE:
    def __init__(self, D=12, H=16, K=6, tau0=1.0, tau_min=0.5, anneal=0.1, beta=0.1,
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0, 1 / math.sqrt(D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0, 1 / math.sqrt(H), (H, K)),
            "b2": np.zeros(K),
            "Wd": rng.normal(0, 1 / math.sqrt(K), (K, D)),
            "bd": np.zeros(D),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.gumbel = np.load(os.path.join(HERE, "catvae.npz"))["gumbel"]
        self.K = K
        self.tau0, self.tau_min, self.anneal, self.beta = tau0, tau_min, anneal, beta
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def temperature(self):
        return max(self.tau_min, self.tau0 * math.exp(-self.anneal * self.t))

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        logits = h @ p["W2"] + p["b2"]
        tau = self.temperature()
        g = self.gumbel[self.t % len(self.gumbel)][: X.shape[0]].astype(logits.dtype)
        z = softmax((logits + g) / tau)
        xhat = z @ p["Wd"] + p["bd"]
        return xhat, (h, logits, z, tau)

    def loss(self, X, y):
        xhat, (h, logits, z, tau) = self.forward(X)
        q = softmax(logits)
        logq = np.log(q)
        rec = ((xhat - y) ** 2).sum(axis=1).mean()
        kl = (q * (logq + math.log(self.K))).sum(axis=1).mean()
        return rec + self.beta * kl

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        xhat, (h, logits, z, tau) = self.forward(X)
        q = softmax(logits)
        logq = np.log(q)
        rec = ((xhat - y) ** 2).sum(axis=1).mean()
        kl = (q * (logq + math.log(self.K))).sum(axis=1).mean()

        dxhat = 2 * (xhat - y) / N
        self.grads["Wd"] = z.T @ dxhat
        self.grads["bd"] = dxhat.sum(axis=0)
        dz = dxhat @ p["Wd"].T
        ds = z * (dz - (dz * z).sum(axis=1, keepdims=True))     # softmax Jacobian
        dlogits = ds / tau
        # d KL / d logits = q * (log q - sum q log q), per row, averaged over the batch
        dlogits += q * (logq - (q * logq).sum(axis=1, keepdims=True)) / N  # fix: dlogits += self.beta / N * q * (logq - (q * logq).sum(axis=1, keepdims=True))
        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ p["W2"].T
        dpre = dh * (1 - h ** 2)
        self.grads["W1"] = X.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        return rec + self.beta * kl

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "catvae.npz"))
    net = CatVAE()
    for step in range(30):
        print(step, net.train_step(data["X"], data["y"]))
