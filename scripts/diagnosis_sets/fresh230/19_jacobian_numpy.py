"""Variant: the backward multiplies by the explicit sparsemax Jacobian matrix.

Sequence classifier with sparsemax attention pooling, from scratch in NumPy.

Each row of X is a sequence of T=5 steps of D=4 features, flattened (T, D).
    H = tanh(x_t W1 + b1)                     (N, T, 6)  per step
    s = H q                                   (N, T)     scores from a learned query
    a = sparsemax(s) over the T steps         (N, T)     sparse attention weights
    c = sum_t a_t H_t                         (N, 6)     pooled feature
    logits = c W2 + b2                        (N, 3)
Softmax cross-entropy averaged over the batch; Adam written by hand.

Sparsemax (Martins & Astudillo 2016): sort z descending, k(z) = max{k : 1 + k z_(k) > sum_{j<=k} z_(j)},
tau = (sum_{j<=k(z)} z_(j) - 1) / k(z), sparsemax(z) = max(z - tau, 0).
Backward through the support S = {a > 0}: dz = S * (da - sum_S da / |S|),
i.e. the Jacobian diag(S) - S S^T / |S|.
"""
import numpy as np


def sparsemax(z):
    """Sparsemax along the last axis; returns (a, tau)."""
    zs = np.sort(z, axis=-1)[..., ::-1]
    k = np.arange(1, z.shape[-1] + 1, dtype=z.dtype)
    cs = np.cumsum(zs, axis=-1)
    support = 1 + k * zs > cs
    kz = support.sum(axis=-1, keepdims=True)
    tau = (np.take_along_axis(cs, kz - 1, axis=-1) - 1) / kz.astype(z.dtype)
    return np.maximum(z - tau, 0), tau


def sparsemax_jacobian(a):
    """Per row the Jacobian d sparsemax / dz = diag(S) - S S^T / |S|, shape (..., T, T)."""
    S = (a > 0).astype(a.dtype)
    n_support = S.sum(axis=-1)[..., None, None]
    eye = np.eye(a.shape[-1], dtype=a.dtype)
    return eye * S[..., None, :] - S[..., :, None] * S[..., None, :] / n_support


class SparsemaxAttentionNet:
    def __init__(self, n_features=4, seq_len=5, hidden=6, n_classes=3, lr=0.05,
                 betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.D, self.T, self.C = n_features, seq_len, n_classes
        self.params = {
            "W1": rng.standard_normal((n_features, hidden)) / np.sqrt(n_features),
            "b1": rng.standard_normal(hidden) * 0.1,
            "q": rng.standard_normal(hidden) * 1.5,
            "W2": rng.standard_normal((hidden, n_classes)) / np.sqrt(hidden),
            "b2": np.zeros(n_classes),
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
        N = X.shape[0]
        Xs = X.reshape(N, self.T, self.D)
        H = np.tanh(Xs @ p["W1"] + p["b1"])
        s = H @ p["q"]
        a, _ = sparsemax(s)
        c = (a[:, :, None] * H).sum(axis=1)
        logits = c @ p["W2"] + p["b2"]
        return logits, (Xs, H, a, c)

    def forward(self, X):
        return self._forward(X)[0]

    @staticmethod
    def _cross_entropy(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean(), np.exp(log_probs)

    def loss(self, X, y):
        return self._cross_entropy(self.forward(X), y.astype(np.int64))[0]

    def backward(self, X, y):
        p = self.params
        y = y.astype(np.int64)
        N = X.shape[0]
        logits, (Xs, H, a, c) = self._forward(X)
        loss, probs = self._cross_entropy(logits, y)

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        self.grads["W2"] = c.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dc = dlogits @ p["W2"].T                         # (N, h)
        da = (H * dc[:, None, :]).sum(axis=-1)           # (N, T)
        dH = a[:, :, None] * dc[:, None, :]              # through the weighted sum
        J = sparsemax_jacobian(a)                        # (N, T, T), symmetric
        ds = np.einsum("ntu,nu->nt", J, da)              # (N, T)
        self.grads["q"] = (ds[:, :, None] * H).sum(axis=(0, 1))
        dH += ds[:, :, None] * p["q"]                    # through the scores
        dpre = dH * (1 - H ** 2)
        h = dpre.shape[-1]
        self.grads["W1"] = Xs.reshape(-1, self.D).T @ dpre.reshape(-1, h)
        self.grads["b1"] = dpre.sum(axis=(0, 1))
        return loss

    def update(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / np.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)
