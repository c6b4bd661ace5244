"""FiLM MLP in NumPy, weights kept (out, in) and applied with einsum; hidden FiLM as one affine map
per unit; Nesterov written as p -= lr ((1 + mu) v_new - mu v_old), updated in place."""
import numpy as np


class FiLMNet:
    def __init__(self, n_feat=6, n_cond=4, hidden=16, n_cls=3, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.n_feat = n_feat
        W1 = rng.standard_normal((n_feat, hidden)) * np.sqrt(2.0 / n_feat)
        b1 = 0.1 * rng.standard_normal(hidden)
        Wg = 0.3 * rng.standard_normal((n_cond, hidden))
        Wb = 0.3 * rng.standard_normal((n_cond, hidden))
        W2 = rng.standard_normal((hidden, n_cls)) / np.sqrt(hidden)
        self.params = {"W1": W1.T.copy(), "b1": b1, "Wg": Wg.T.copy(), "bg": np.zeros(hidden),
                       "Wb": Wb.T.copy(), "bb": np.zeros(hidden), "W2": W2.T.copy(),
                       "b2": np.zeros(n_cls)}
        self.grads = {}
        self.vel = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.mu = lr, momentum

    def _forward(self, X):
        P = self.params
        x, c = X[:, :self.n_feat], X[:, self.n_feat:]
        h = np.einsum("ni,hi->nh", x, P["W1"]) + P["b1"]
        gamma = np.einsum("nk,hk->nh", c, P["Wg"]) + P["bg"] + 1.0
        beta = np.einsum("nk,hk->nh", c, P["Wb"]) + P["bb"]
        z = h * gamma + beta
        mask = z > 0
        a = np.where(mask, z, 0.0)
        logits = np.einsum("nh,oh->no", a, P["W2"]) + P["b2"]
        return logits, x, c, h, gamma, mask, a

    def loss(self, X, y):
        logits = self._forward(X)[0]
        y = np.asarray(y).astype(np.int64)
        lse = np.log(np.exp(logits - logits.max(1, keepdims=True)).sum(1)) + logits.max(1)
        return np.mean(lse - logits[np.arange(len(y)), y])

    def train_step(self, X, y):
        P = self.params
        y = np.asarray(y).astype(np.int64)
        logits, x, c, h, gamma, mask, a = self._forward(X)
        m = logits.max(1, keepdims=True)
        e = np.exp(logits - m)
        s = e.sum(1, keepdims=True)
        loss = np.mean(np.log(s[:, 0]) + m[:, 0] - logits[np.arange(len(y)), y])
        onehot = np.eye(logits.shape[1], dtype=logits.dtype)[y]
        d = (e / s - onehot) / len(y)
        G = self.grads
        G["W2"] = d.T @ a
        G["b2"] = d.sum(0)
        dz = (d @ P["W2"]) * mask
        G["Wb"] = dz.T @ c
        G["bb"] = dz.sum(0)
        G["Wg"] = (dz * h).T @ c
        G["bg"] = (dz * h).sum(0)
        dh = dz * gamma
        G["W1"] = dh.T @ x
        G["b1"] = dh.sum(0)
        for k, p in P.items():
            v = self.vel[k]
            old = v.copy()
            v *= self.mu
            v += G[k]
            p -= self.lr * ((1.0 + self.mu) * v - self.mu * old)
        return float(loss)
