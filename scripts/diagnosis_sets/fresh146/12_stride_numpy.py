"""A grouped 1-D convolutional classifier of four-channel signals, from scratch in NumPy.

conv1: grouped conv, 2 groups, 4 -> 6 channels, kernel 3, padding 1, bias -> tanh
conv2: grouped conv, 2 groups, 6 -> 4 channels, kernel 3, stride 2, padding 1, bias -> ReLU
-> flatten (channel-major) -> dense 24 -> 3 -> softmax cross-entropy averaged over the batch.
Adam (lr 0.01, betas 0.9, 0.999, eps 1e-8), bias-corrected.

    X: float (N, 4, 12), y: int64 (N,) class labels in {0, 1, 2}.

Parameters (self.params), in PyTorch's layouts:
    W1 (6, 2, 3), b1 (6,)    group g: output channels 3g..3g+2 read input channels 2g, 2g+1
    W2 (4, 3, 3), b2 (4,)    group g: output channels 2g, 2g+1 read channels 3g..3g+2
    Wf (3, 24),   bf (3,)
Optimizer state: self.m, self.v (keyed like self.params), step count self.t.
"""

import numpy as np


def conv1d(X, W, b, stride, pad, groups):
    """Grouped cross-correlation: X (N, Cin, L), W (Cout, Cin/groups, k) -> (N, Cout, Lout); also X padded."""
    N, Cin, L = X.shape
    Cout, cin_g, k = W.shape
    cout_g = Cout // groups
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad)))
    Lout = (L + 2 * pad - k) // stride + 1
    Z = np.empty((N, Cout, Lout), dtype=W.dtype)
    for g in range(groups):
        gin, gout = slice(g * cin_g, (g + 1) * cin_g), slice(g * cout_g, (g + 1) * cout_g)
        xs = Xp[:, gin]
        cols = np.stack([xs[:, :, a:a + stride * (Lout - 1) + 1:stride] for a in range(k)], axis=2)
        Z[:, gout] = np.einsum("ock,nckl->nol", W[gout], cols)
    return Z + b[None, :, None], Xp


def conv1d_backward(dZ, Xp, W, stride, pad, groups):
    """dL/dX, dL/dW, dL/db of conv1d from dL/dZ."""
    Cout, cin_g, k = W.shape
    cout_g = Cout // groups
    Lout = dZ.shape[2]
    dW = np.zeros_like(W)
    dXp = np.zeros_like(Xp)
    for g in range(groups):
        gin, gout = slice(g * cin_g, (g + 1) * cin_g), slice(g * cout_g, (g + 1) * cout_g)
        dz = dZ[:, gout]
        for a in range(k):
            win = slice(a, a + stride * (Lout - 1) + 1, stride)
            dW[gout, :, a] = np.einsum("nol,ncl->oc", dz, Xp[:, gin, win])
            dXp[:, gin, a:a + Lout] += np.einsum("oc,nol->ncl", W[gout, :, a], dz)  # fix: dXp[:, gin, win] += np.einsum("oc,nol->ncl", W[gout, :, a], dz)
    dX = dXp[:, :, pad:Xp.shape[2] - pad]
    return dX, dW, dZ.sum(axis=(0, 2))


class GroupedConvNet:
    def __init__(self, channels=4, length=12, classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 seed=0, dtype=np.float32):
        rng = np.random.default_rng(seed)
        self.groups = 2
        l2 = (length + 2 - 3) // 2 + 1
        self.params = {
            "W1": rng.standard_normal((6, channels // 2, 3)) / np.sqrt(2 * 3),
            "b1": rng.standard_normal(6) * 0.1,
            "W2": rng.standard_normal((4, 3, 3)) * np.sqrt(2.0 / 9),
            "b2": rng.standard_normal(4) * 0.1,
            "Wf": rng.standard_normal((classes, 4 * l2)) / np.sqrt(4 * l2),
            "bf": np.zeros(classes),
        }
        self.params = {k: v.astype(dtype) for k, v in self.params.items()}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=p["W1"].dtype)
        Z1, X1p = conv1d(X, p["W1"], p["b1"], 1, 1, self.groups)
        H1 = np.tanh(Z1)
        Z2, H1p = conv1d(H1, p["W2"], p["b2"], 2, 1, self.groups)
        H2 = np.maximum(Z2, 0)
        flat = H2.reshape(len(X), -1)
        logits = flat @ p["Wf"].T + p["bf"]
        return logits, (X1p, H1, H1p, Z2, flat)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _softmax_ce(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -logp[np.arange(len(y)), y].mean(), np.exp(logp)

    def loss(self, X, y):
        return self._softmax_ce(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        logits, (X1p, H1, H1p, Z2, flat) = self._forward(X)
        loss, probs = self._softmax_ce(logits, y)
        N = len(y)
        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["Wf"] = dlogits.T @ flat
        self.grads["bf"] = dlogits.sum(axis=0)
        dH2 = (dlogits @ p["Wf"]).reshape(Z2.shape)
        dZ2 = dH2 * (Z2 > 0)
        dH1, self.grads["W2"], self.grads["b2"] = conv1d_backward(dZ2, H1p, p["W2"], 2, 1, self.groups)
        dZ1 = dH1 * (1 - H1 ** 2)
        _, self.grads["W1"], self.grads["b1"] = conv1d_backward(dZ1, X1p, p["W1"], 1, 1, self.groups)
        return loss

    def update(self):
        self.t += 1
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            m_hat = self.m[k] / (1 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1 - self.beta2 ** self.t)
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
