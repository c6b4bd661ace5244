"""Mean teacher, from scratch in NumPy: a tanh MLP student trained with Adam on a
supervised cross-entropy over the labeled rows plus a consistency loss towards an
exponential-moving-average (EMA) teacher, the weights averaged after every step.

    student:   logits = tanh(X @ W1 + b1) @ W2 + b2           W kept (in, out)
    teacher:   the same network on the EMA weights (no gradient)
    loss = CE(softmax(logits)[labeled], y[labeled])  (mean over labeled rows; y = -1 unlabeled)
         + w * mean((softmax(student) - softmax(teacher)) ** 2)   (mean over N * K)
    Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8, bias-corrected), then
    alpha = min(1 - 1 / (global_step + 1), ema_decay); ema = alpha * ema + (1 - alpha) * theta

The teacher is created from the student's weights at the first step.
"""

import numpy as np


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class MeanTeacherMLP:
    def __init__(self, n_in=6, hidden=16, n_classes=3, lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                 ema_decay=0.9, cons_weight=2.0, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, hidden)),
            "b1": rng.normal(0.0, 0.1, hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_classes)),
            "b2": np.zeros(n_classes),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.betas, self.eps = lr, betas, eps
        self.t = 0
        self.ema = None
        self.ema_decay = ema_decay
        self.global_step = 0
        self.cons_weight = cons_weight
        self.teacher_logits = None

    @staticmethod
    def _forward(p, X):
        h = np.tanh(X @ p["W1"] + p["b1"])
        return h @ p["W2"] + p["b2"], h

    def loss(self, X, y):
        logits, _ = self._forward(self.params, X)
        ema = self.ema if self.ema is not None else self.params
        t_logits, _ = self._forward(ema, X)
        p, q = softmax(logits), softmax(t_logits)
        lab = y >= 0
        ce = -np.log(p[lab, y[lab]]).mean()
        return ce + self.cons_weight * ((p - q) ** 2).mean()

    def train_step(self, X, y):
        if self.ema is None:
            self.ema = {k: v.copy() for k, v in self.params.items()}
        P = self.params
        logits, h = self._forward(P, X)
        t_logits, _ = self._forward(self.ema, X)
        self.teacher_logits = t_logits
        p, q = softmax(logits), softmax(t_logits)
        N, K = p.shape

        lab = y >= 0
        n_lab = int(lab.sum())
        ce = -np.log(p[lab, y[lab]]).mean()
        cons = ((p - q) ** 2).mean()
        loss = ce + self.cons_weight * cons

        # supervised part: (p - onehot) / n_lab on the labeled rows only
        onehot = np.zeros_like(p)
        onehot[np.flatnonzero(lab), y[lab]] = 1.0
        dlogits = (p - onehot) * lab[:, None] / n_lab
        # consistency part through the softmax Jacobian
        g = 2.0 * self.cons_weight * (p - q) / (N * K)
        dlogits = dlogits + g

        self.grads["W2"] = h.T @ dlogits
        self.grads["b2"] = dlogits.sum(axis=0)
        dz1 = (dlogits @ P["W2"].T) * (1.0 - h ** 2)
        self.grads["W1"] = X.T @ dz1
        self.grads["b1"] = dz1.sum(axis=0)

        # Adam
        b1, b2 = self.betas
        self.t += 1
        for k in P:
            g_k = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g_k
            self.v[k] = b2 * self.v[k] + (1 - b2) * g_k ** 2
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            P[k] = P[k] - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

        # EMA teacher
        self.global_step += 1
        alpha = min(1.0 - 1.0 / (self.global_step + 1), self.ema_decay)
        for k in P:
            self.ema[k] = alpha * self.ema[k] + (1.0 - alpha) * P[k]
        return float(loss)
