"""MADE on binary vectors, from scratch in NumPy.

x (N, 8) in {0,1} -> masked dense (8 -> 16) + ReLU -> masked dense (16 -> 8) logits,
plus a masked direct input-to-output connection A (8 -> 8). Each output d is the
Bernoulli logit of x_d given the inputs that come before d in the ordering; the
degree masks M1, M2, MA are read from made_bin_masks.npz.

Loss: the negative log-likelihood, sigmoid cross entropy summed over the 8 dims
and averaged over the batch. Optimizer: Adam, written by hand.

Parameters (self.params): W1 (8, 16), b1 (16,), W2 (16, 8), b2 (8,), A (8, 8),
every weight in (in, out) layout. Adam state: self.m, self.v, step count self.t.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


class MADE:
    def __init__(self, D=8, H=16, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        masks = np.load(os.path.join(HERE, "made_bin_masks.npz"))
        self.M1, self.M2, self.MA = masks["M1"], masks["M2"], masks["MA"]
        self.params = {
            "W1": rng.uniform(-1, 1, (D, H)) / np.sqrt(D),
            "b1": np.zeros(H),
            "W2": rng.uniform(-1, 1, (H, D)) / np.sqrt(H),
            "b2": np.zeros(D),
            "A": rng.uniform(-1, 1, (D, D)) / np.sqrt(D),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    def _forward(self, X):
        p = self.params
        z1 = X @ (p["W1"] * self.M1) + p["b1"]
        h = np.maximum(z1, 0)
        logits = h @ (p["W2"] * self.M2) + p["b2"] + X @ (p["A"] * self.MA)
        return logits, (z1, h)

    def forward(self, X):
        return self._forward(X)[0]

    def loss(self, X, y):
        logits = self.forward(X)
        return (softplus(logits) - y * logits).sum(axis=1).mean()

    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        logits, (z1, h) = self._forward(X)
        loss = (softplus(logits) - y * logits).sum(axis=1).mean()

        dlogits = (sigmoid(logits) - y) / N
        self.grads["W2"] = (h.T @ dlogits) * self.M2
        self.grads["b2"] = dlogits.sum(axis=0)
        self.grads["A"] = (X.T @ dlogits) * self.MA
        dh = dlogits @ (p["W2"] * self.M2).T
        dz1 = dh * (z1 > 0)
        self.grads["W1"] = (X.T @ dz1) * self.M1
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def update(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "made_bin.npz"))
    net = MADE()
    for step in range(300):
        loss = net.train_step(data["X"], data["y"])
        if step % 50 == 0:
            print(step, loss)
