"""A mixture of two experts in NumPy: each expert a linear map 3 -> 2 (f1 = X W1 + b1,
f2 = X W2 + b2), a softmax gate over the two experts (g = softmax(X Wg + bg), one weight per
expert and example), and the prediction the gate-weighted sum g1 f1 + g2 f2 of the experts'
2-d outputs. Mean squared error over every output; the gate trained through the softmax's
Jacobian. Plain SGD.

    X: (n, 3), y: (n, 2)
"""

import numpy as np

N_IN, N_OUT = 3, 2


class MixtureOfTwo:
    def __init__(self, lr=0.2, seed=5):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 0.6, (N_IN, N_OUT))
        self.b1 = np.zeros(N_OUT)
        self.W2 = rng.normal(0.0, 0.6, (N_IN, N_OUT))
        self.b2 = np.zeros(N_OUT)
        self.Wg = rng.normal(0.0, 0.6, (N_IN, 2))
        self.bg = np.zeros(2)
        self.lr = lr

    def train_step(self, X, y):
        f1 = X @ self.W1 + self.b1
        f2 = X @ self.W2 + self.b2
        s = X @ self.Wg + self.bg
        e = np.exp(s - s.max(axis=1, keepdims=True))
        g = e / e.sum(axis=1, keepdims=True)
        out = g[:, 0:1] * f1 + g[:, 1:2] * f2
        loss = np.mean((out - y) ** 2)

        d_out = 2.0 * (out - y) / out.size
        d_f1 = d_out * g[:, 0:1]
        d_f2 = d_out * g[:, 1:2]
        d_g = np.stack([(d_out * f1).sum(axis=1), (d_out * f2).sum(axis=1)], axis=1)
        d_s = g * (d_g - (d_g * g).sum(axis=1, keepdims=True))
        self.grads = {"W1": X.T @ d_f1, "b1": d_f1.sum(axis=0), "W2": X.T @ d_f2, "b2": d_f2.sum(axis=0),
                      "Wg": X.T @ d_s, "bg": d_s.sum(axis=0)}
        for k, grad in self.grads.items():
            getattr(self, k)[...] -= self.lr * grad
        return float(loss)
