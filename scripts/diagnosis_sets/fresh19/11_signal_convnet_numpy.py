"""Small 1-d convnet in NumPy, weights laid out as in torch.nn.Conv1d (out, in, k):
Conv1d(2 -> 3, kernel 4, valid) -> tanh -> flatten (3 x 9 = 27) -> dense to 3 classes ->
softmax; mean cross-entropy; SGD with momentum 0.9 at lr 0.05.

    X: (n, 2, 12), y: one-hot (n, 3)
"""

import numpy as np


class SignalConvNet:
    def __init__(self, c_in=2, c_out=3, k=4, length=12, classes=3, lr=0.05, mu=0.9, seed=6):
        rng = np.random.default_rng(seed)
        self.K = rng.normal(0.0, 1.0 / np.sqrt(c_in * k), (c_out, c_in, k))
        self.bK = np.zeros(c_out)
        flat = c_out * (length - k + 1)
        self.W = rng.normal(0.0, 1.0 / np.sqrt(flat), (flat, classes))
        self.b = np.zeros(classes)
        self.lr, self.mu = lr, mu
        self.velocity = {name: np.zeros_like(getattr(self, name)) for name in ("K", "bK", "W", "b")}

    def conv1d(self, X):
        n, c_in, _ = X.shape
        c_out = self.K.shape[0]
        rows = []
        for i in range(n):
            maps = []
            for o in range(c_out):
                acc = self.bK[o]
                for c in range(c_in):
                    acc = acc + np.convolve(X[i, c], self.K[o, c], mode="valid")   # BUG: acc = acc + np.correlate(X[i, c], self.K[o, c], mode="valid")
                maps.append(acc)
            rows.append(maps)
        return np.array(rows)           # (n, c_out, L - k + 1)

    def forward(self, X):
        self.a = np.tanh(self.conv1d(X))
        self.f = self.a.reshape(len(X), -1)
        s = self.f @ self.W + self.b
        s = np.exp(s - s.max(axis=1, keepdims=True))
        return s / s.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-np.mean(np.log(np.sum(self.forward(X) * y, axis=1))))

    def train_step(self, X, y):
        n = len(X)
        p = self.forward(X)
        loss = -np.mean(np.log(np.sum(p * y, axis=1)))
        ds = (p - y) / n
        grads = {"W": self.f.T @ ds, "b": ds.sum(axis=0)}
        dconv = (ds @ self.W.T).reshape(self.a.shape) * (1.0 - self.a ** 2)
        gK = np.zeros_like(self.K)
        for i in range(n):
            for o in range(self.K.shape[0]):
                for c in range(self.K.shape[1]):
                    gK[o, c] += np.correlate(X[i, c], dconv[i, o], mode="valid")
        grads["K"] = gK
        grads["bK"] = dconv.sum(axis=(0, 2))
        self.grads = grads
        for name, g in grads.items():
            self.velocity[name] = self.mu * self.velocity[name] + g
            setattr(self, name, getattr(self, name) - self.lr * self.velocity[name])
        return float(loss)
