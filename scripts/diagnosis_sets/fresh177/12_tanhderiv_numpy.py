"""A tanh MLP student distilled from fixed teacher logits, by hand in NumPy, trained with Adam.

Weights are kept in torch's layout (out, in) as attributes:
    W1 (24, 12), b1 (24,), W2 (4, 24), b2 (4,)

    a = tanh(X @ W1.T + b1) ; s = a @ W2.T + b2
    soft = T^2 * mean_n KL(softmax(t/T) || softmax(s/T))      T = 2
    hard = cross-entropy(s, label), mean over the batch
    loss = alpha * soft + (1 - alpha) * hard                   alpha = 0.6

Adam as torch.optim.Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected).
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class DistilledMLP:
    def __init__(self, n_in=12, hidden=24, n_cls=4, T=2.0, alpha=0.6, lr=0.01,
                 betas=(0.9, 0.999), eps=1e-8, seed=1):
        rng = np.random.default_rng(seed)
        bound1 = 1.0 / np.sqrt(n_in)
        bound2 = 1.0 / np.sqrt(hidden)
        self.W1 = rng.uniform(-bound1, bound1, (hidden, n_in))
        self.b1 = rng.uniform(-bound1, bound1, hidden)
        self.W2 = rng.uniform(-bound2, bound2, (n_cls, hidden))
        self.b2 = rng.uniform(-bound2, bound2, n_cls)
        self.T, self.alpha = T, alpha
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.m = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.v = {k: np.zeros_like(getattr(self, k)) for k in NAMES}
        self.t = 0
        self.grads = {}

    def loss(self, X, y):
        return self._loss(X, y)[0]

    def _loss(self, X, y):
        T, alpha = self.T, self.alpha
        labels = y[:, 0].astype(int)
        teacher = y[:, 1:]
        a = np.tanh(X @ self.W1.T + self.b1)
        s = a @ self.W2.T + self.b2
        n = X.shape[0]

        p = softmax(teacher / T)
        q = softmax(s / T)
        soft = T ** 2 * np.sum(p * (np.log(p) - np.log(q))) / n
        probs = softmax(s)
        hard = -np.mean(np.log(probs[np.arange(n), labels]))
        return alpha * soft + (1 - alpha) * hard, (a, p, q, probs, labels)

    def train_step(self, X, y):
        T, alpha = self.T, self.alpha
        loss, (a, p, q, probs, labels) = self._loss(X, y)
        n = X.shape[0]

        # gradient with respect to the student logits
        d_soft = T * (q - p) / n
        d_hard = probs.copy()
        d_hard[np.arange(n), labels] -= 1
        d_hard /= n
        ds = alpha * d_soft + (1 - alpha) * d_hard

        g = {}
        g["W2"] = ds.T @ a
        g["b2"] = ds.sum(axis=0)
        da = ds @ self.W2
        dz = da * (1 - np.tanh(a) ** 2)
        g["W1"] = dz.T @ X
        g["b1"] = dz.sum(axis=0)
        self.grads = g

        # Adam
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for k in NAMES:
            self.m[k] = b1 * self.m[k] + (1 - b1) * g[k]
            self.v[k] = b2 * self.v[k] + (1 - b2) * g[k] ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            setattr(self, k, getattr(self, k) - self.lr * m_hat / (np.sqrt(v_hat) + self.eps))
        return loss
