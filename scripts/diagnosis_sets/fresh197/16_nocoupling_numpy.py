"""Capsule net with a fixed, non-uniform coupling: tanh hidden layer (weights kept (out, in)),
5 primary capsules of dim 4, 3 class capsules of dim 4, coupling c = softmax over the class
capsules of fixed logits, squash, lengths, margin loss; RMSprop (alpha 0.9) by hand."""
import numpy as np


class FixedRouteCaps:
    m_plus = 0.9
    m_minus = 0.1
    lam = 0.5
    eps_len = 1e-7

    def __init__(self, n_in=8, n_hidden=16, n_prim=5, n_cls=3, dim=4):
        rng = np.random.default_rng(1)
        self.n_prim, self.n_cls, self.dim = n_prim, n_cls, dim
        self.W1 = rng.normal(0, 0.4, size=(n_hidden, n_in))
        self.b1 = np.zeros(n_hidden)
        self.W2 = rng.normal(0, 0.3, size=(n_prim * dim, n_hidden))
        self.b2 = np.zeros(n_prim * dim)
        self.Wc = rng.normal(0, 0.6, size=(n_prim, n_cls, dim, dim))
        logits = np.linspace(-1.0, 1.0, n_prim * n_cls).reshape(n_prim, n_cls)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        self.c = e / e.sum(axis=1, keepdims=True)
        self.lr, self.alpha, self.eps = 0.005, 0.9, 1e-8
        self.names = ["W1", "b1", "W2", "b2", "Wc"]
        self.sq = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def _squash(self, s):
        n2 = (s ** 2).sum(-1, keepdims=True)
        r = np.sqrt(n2 + self.eps_len)
        return n2 / (1 + n2) * s / r, n2, r

    def _squash_grad(self, s, n2, r, dv):
        f = n2 / (1 + n2) / r
        dfdn2 = 1.0 / ((1 + n2) ** 2 * r) - n2 / (2 * (1 + n2) * r ** 3)
        return f * dv + 2 * dfdn2 * (dv * s).sum(-1, keepdims=True) * s

    def loss(self, X, y):
        N = X.shape[0]
        self.h = np.tanh(X @ self.W1.T + self.b1)
        self.u = (self.h @ self.W2.T + self.b2).reshape(N, self.n_prim, self.dim)
        self.p, self.n2u, self.ru = self._squash(self.u)
        self.u_hat = np.einsum("nid,ijde->nije", self.p, self.Wc)
        self.s = np.einsum("ij,nije->nje", self.c, self.u_hat)
        self.v, self.n2s, self.rs = self._squash(self.s)
        self.L = np.sqrt((self.v ** 2).sum(-1) + self.eps_len)
        self.T = np.zeros_like(self.L)
        self.T[np.arange(N), y] = 1.0
        up = np.maximum(0.0, self.m_plus - self.L)
        down = np.maximum(0.0, self.L - self.m_minus)
        self.up, self.down = up, down
        return (self.T * up ** 2 + self.lam * (1 - self.T) * down ** 2).sum(axis=1).mean()

    def train_step(self, X, y):
        loss = self.loss(X, y)
        N = X.shape[0]
        dL = (-2 * self.T * self.up + 2 * self.lam * (1 - self.T) * self.down) / N
        dv = dL[..., None] * self.v / self.L[..., None]
        ds = self._squash_grad(self.s, self.n2s, self.rs, dv)
        du_hat = np.broadcast_to(ds[:, None, :, :], self.u_hat.shape)
        grads = {}
        grads["Wc"] = np.einsum("nid,nije->ijde", self.p, du_hat)
        dp = np.einsum("nije,ijde->nid", du_hat, self.Wc)
        du = self._squash_grad(self.u, self.n2u, self.ru, dp).reshape(N, -1)
        grads["W2"] = du.T @ self.h
        grads["b2"] = du.sum(0)
        dz = (du @ self.W2) * (1 - self.h ** 2)
        grads["W1"] = dz.T @ X
        grads["b1"] = dz.sum(0)
        self.grads = grads
        for k in self.names:
            g = grads[k]
            self.sq[k] = self.alpha * self.sq[k] + (1 - self.alpha) * g * g
            setattr(self, k, getattr(self, k) - self.lr * g / (np.sqrt(self.sq[k]) + self.eps))
        return loss
