"""A binarised MLP trained with straight-through estimators, from scratch in NumPy.

    W1q    = round(W1 * 4) / 4                    quantised weights (straight-through: dW1 = dW1q)
    h      = X @ W1q + b1
    a      = sign(h)                               binary activation
    logits = a @ W2 + b2
    loss   = mean over rows of -sum(y * log softmax(logits))

Backward of sign: the straight-through estimator of hardtanh, the incoming
gradient passed where |h| <= 1 and zero elsewhere. Trained with Adam
(lr 0.01, betas 0.9, 0.999, eps 1e-8), written out as torch.optim.Adam does it.

    X: float (N, 6), y: one-hot (N, 3).
Parameters (self.params): W1 (6, 16), b1 (16,), W2 (16, 3), b2 (3,).
Optimizer state: self.m, self.v (keyed like the parameters), step count self.t.
"""

import numpy as np


class BinaryMLP:
    def __init__(self, n_in=6, hidden=16, n_out=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 qscale=4.0, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-0.6, 0.6, (n_in, hidden)),
            "b1": rng.uniform(-0.3, 0.3, hidden),
            "W2": rng.normal(0.0, 0.4, (hidden, n_out)),
            "b2": rng.uniform(-0.1, 0.1, n_out),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.qscale = qscale

    def quantize(self, W):
        return np.round(W * self.qscale) / self.qscale

    def _forward(self, X):
        p = self.params
        W1q = self.quantize(p["W1"])
        h = X @ W1q + p["b1"]
        a = np.sign(h)
        logits = a @ p["W2"] + p["b2"]
        return logits, (h, a)

    def _softmax(self, z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        logits, _ = self._forward(X)
        probs = self._softmax(logits)
        return -np.mean(np.sum(y * np.log(probs), axis=1))

    def backward(self, X, y):
        p = self.params
        logits, (h, a) = self._forward(X)
        probs = self._softmax(logits)
        loss = -np.mean(np.sum(y * np.log(probs), axis=1))
        N = X.shape[0]

        dlogits = (probs - y) / N
        self.grads["W2"] = a.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        da = dlogits @ p["W2"].T
        dh = da * (np.abs(h) <= 1)                   # straight-through sign
        self.grads["W1"] = X.T @ dh                  # straight-through rounding
        self.grads["b1"] = dh.sum(axis=0)
        return loss

    def adam_step(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_step()
        return float(loss)
