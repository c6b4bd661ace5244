"""Three-class softmax classifier with L2 regularisation and Adam: 5 inputs -> 10 sigmoid units ->
3 classes, mean cross-entropy. The L2 term WEIGHT_DECAY * w is added to every gradient (biases
included) before Adam's moments, as torch.optim.Adam(weight_decay=...) does."""

import numpy as np

WEIGHT_DECAY = 0.05


class RegularisedSoftmax:
    def __init__(self, n_in=5, n_hidden=10, n_classes=3, lr=0.02):
        rng = np.random.default_rng(12)
        self.params = {
            "W1": rng.normal(0.0, 0.4, (n_in, n_hidden)),
            "b1": np.zeros(n_hidden),
            "W2": rng.normal(0.0, 0.4, (n_hidden, n_classes)),
            "b2": np.zeros(n_classes),
        }
        self.lr = lr
        self.beta1, self.beta2, self.eps = 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def backprop(self, X, y):
        P = self.params
        a = 1.0 / (1.0 + np.exp(-(X @ P["W1"] + P["b1"])))
        z = a @ P["W2"] + P["b2"]
        z = z - z.max(axis=1, keepdims=True)
        probs = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        dz = (probs - y) / len(X)
        da = (dz @ P["W2"].T) * a * (1.0 - a)
        return {"W1": X.T @ da, "b1": da.sum(axis=0), "W2": a.T @ dz, "b2": dz.sum(axis=0)}

    def train_step(self, X, y):
        grads = self.backprop(X, y)
        self.t += 1
        for k, g in grads.items():
            g_reg = g + WEIGHT_DECAY * self.params[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g_reg
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g ** 2   # BUG: self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g_reg ** 2
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
