"""Three-head multi-task MLP, from scratch in NumPy, trained with Adam.

Shared trunk: dense 8->24 + tanh, dense 24->16 + leaky ReLU (slope 0.1). Heads on the features f:
    cls: dense 16->3 logits, softmax cross-entropy with label smoothing 0.1 (target
         (1 - eps) one-hot + eps / K, as F.cross_entropy(label_smoothing=0.1)), mean over the batch
    a:   dense 16->1, L1 loss against y[:, 1], mean
    b:   dense 16->1, squared error against y[:, 2], mean
Total loss = ce + 0.3 * l1 + 0.2 * mse.
Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam.

Weights are attributes kept (out, in), as nn.Linear keeps them: W1, b1, W2, b2, Wc, bc, Wa, ba,
Wb, bb. Adam state: self.m, self.v (dicts keyed by those names), step count self.t.
"""

import math

import numpy as np

NAMES = ("W1", "b1", "W2", "b2", "Wc", "bc", "Wa", "ba", "Wb", "bb")


class ThreeHeadNet:
    def __init__(self, n_in=8, h1=24, h2=16, n_classes=3, seed=1):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0, 1 / math.sqrt(n_in), (h1, n_in))
        self.b1 = np.zeros(h1)
        self.W2 = rng.normal(0, 1 / math.sqrt(h1), (h2, h1))
        self.b2 = np.zeros(h2)
        self.Wc = rng.normal(0, 1 / math.sqrt(h2), (n_classes, h2))
        self.bc = np.zeros(n_classes)
        self.Wa = rng.normal(0, 1 / math.sqrt(h2), (1, h2))
        self.ba = np.zeros(1)
        self.Wb = rng.normal(0, 1 / math.sqrt(h2), (1, h2))
        self.bb = np.zeros(1)
        self.n_classes = n_classes
        self.smoothing = 0.1
        self.w_l1, self.w_mse = 0.3, 0.2
        self.slope = 0.1
        self.lr, self.beta1, self.beta2, self.eps = 0.01, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0
        self.grads = {}

    def forward(self, X):
        z1 = X @ self.W1.T + self.b1
        h1 = np.tanh(z1)
        z2 = h1 @ self.W2.T + self.b2
        f = np.where(z2 > 0, z2, self.slope * z2)
        logits = f @ self.Wc.T + self.bc
        pa = (f @ self.Wa.T + self.ba)[:, 0]
        pb = (f @ self.Wb.T + self.bb)[:, 0]
        self.cache = (X, h1, z2, f)
        return logits, pa, pb

    def _targets(self, y):
        cls = y[:, 0].astype(np.int64)
        q = np.full((len(cls), self.n_classes), self.smoothing / (self.n_classes - 1), dtype=y.dtype)
        q[np.arange(len(cls)), cls] = 1 - self.smoothing
        return q, y[:, 1], y[:, 2]

    def loss(self, X, y):
        logits, pa, pb = self.forward(X)
        q, ta, tb = self._targets(y)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        ce = -(q * logp).sum(axis=1).mean()
        l1 = np.abs(pa - ta).mean()
        mse = ((pb - tb) ** 2).mean()
        return ce + self.w_l1 * l1 + self.w_mse * mse

    def backward(self, X, y):
        loss = self.loss(X, y)
        logits, pa, pb = self.forward(X)
        _, h1, z2, f = self.cache
        q, ta, tb = self._targets(y)
        N = X.shape[0]
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)

        dlogits = (probs - q) / N
        dpa = self.w_l1 * np.sign(pa - ta) / N
        dpb = self.w_mse * 2 * (pb - tb) / N

        g = self.grads
        g["Wc"] = dlogits.T @ f
        g["bc"] = dlogits.sum(axis=0)
        g["Wa"] = dpa[None, :] @ f
        g["ba"] = dpa.sum(keepdims=True)
        g["Wb"] = dpb[None, :] @ f
        g["bb"] = dpb.sum(keepdims=True)
        df = dlogits @ self.Wc + dpa[:, None] * self.Wa + dpb[:, None] * self.Wb
        dz2 = np.where(z2 > 0, df, self.slope * df)
        g["W2"] = dz2.T @ h1
        g["b2"] = dz2.sum(axis=0)
        dz1 = (dz2 @ self.W2) * (1 - h1 ** 2)
        g["W1"] = dz1.T @ X
        g["b1"] = dz1.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1 - self.beta1 ** self.t
        bc2 = 1 - self.beta2 ** self.t
        for k in NAMES:
            p, g = getattr(self, k), self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            denom = np.sqrt(self.v[k]) / math.sqrt(bc2) + self.eps
            p -= (self.lr / bc1) * self.m[k] / denom

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)
