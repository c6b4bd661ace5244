"""1-d CNN for two-channel signals, NumPy: Conv1d(2 -> 4, kernel 3, no padding, stride 1)
in torch's layout (weight (out, in, k), cross-correlation), ReLU, global average pooling over
time, a dense layer to 3 classes, softmax. Mean cross-entropy, plain gradient descent, lr 0.2.

    X: (n, 2, 12), y: one-hot (n, 3)
"""

import numpy as np


class SignalCNN:
    def __init__(self, c_in=2, c_out=4, k=3, classes=3, lr=0.2, seed=2):
        rng = np.random.default_rng(seed)
        self.conv_w = rng.normal(0.0, np.sqrt(2.0 / (c_in * k)), (c_out, c_in, k))
        self.conv_b = np.zeros(c_out)
        self.fc_w = rng.normal(0.0, np.sqrt(1.0 / c_out), (classes, c_out))
        self.fc_b = np.zeros(classes)
        self.lr = lr

    def conv(self, X):
        k = self.conv_w.shape[2]
        L = X.shape[2] - k + 1
        out = np.zeros((X.shape[0], self.conv_w.shape[0], L))
        for j in range(k):
            out += np.einsum("ncl,oc->nol", X[:, :, j:j + L], self.conv_w[:, :, j])
        return out + self.conv_b[None, :, None]

    def forward(self, X):
        self.z = self.conv(X)
        self.a = np.maximum(self.z, 0.0)
        self.pooled = self.a.mean(axis=2)
        logits = self.pooled @ self.fc_w.T + self.fc_b
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, X, y):
        return float(-np.mean(np.sum(y * np.log(self.forward(X)), axis=1)))

    def train_step(self, X, y):
        n = X.shape[0]
        p = self.forward(X)
        loss = -np.mean(np.sum(y * np.log(p), axis=1))
        dlogits = (p - y) / n
        g_fc_w = dlogits.T @ self.pooled
        g_fc_b = dlogits.sum(axis=0)
        dpooled = dlogits @ self.fc_w
        L = self.z.shape[2]
        dz = np.repeat(dpooled[:, :, None] / L, L, axis=2) * (self.z > 0)
        k = self.conv_w.shape[2]
        g_conv_w = np.stack([np.einsum("nol,ncl->oc", dz, X[:, :, j:j + L]) for j in range(k)], axis=2)
        g_conv_b = dz.sum(axis=(0, 2))
        self.conv_w -= self.lr * g_conv_w
        self.conv_b -= self.lr * g_conv_b
        self.fc_w -= self.lr * g_fc_w
        self.fc_b -= self.lr * g_fc_b
        return float(loss)
