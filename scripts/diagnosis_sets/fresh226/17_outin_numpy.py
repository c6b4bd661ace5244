"""a_numpy.CenterLossNet written another way: every weight kept (out, in) as
torch keeps it, activations as rows times W.T, the cross-entropy by
log-sum-exp, and the centres moved class by class in a loop."""
import numpy as np


class CenterNetOI:
    def __init__(self, n_in=5, n_hidden=8, n_emb=2, n_classes=3,
                 lr=0.1, momentum=0.9, lam=0.01, alpha=0.5, seed=0):
        rng = np.random.default_rng(seed)
        # the same draws as CenterLossNet, stored transposed
        W1 = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_hidden))
        b1 = rng.normal(0.0, 0.1, n_hidden)
        W2 = rng.normal(0.0, 1.0 / np.sqrt(n_hidden), (n_hidden, n_emb))
        b2 = rng.normal(0.0, 0.1, n_emb)
        W3 = rng.normal(0.0, 1.0 / np.sqrt(n_emb), (n_emb, n_classes))
        self.params = {"W1": W1.T.copy(), "b1": b1, "W2": W2.T.copy(), "b2": b2,
                       "W3": W3.T.copy(), "b3": np.zeros(n_classes)}
        self.centers = np.zeros((n_classes, n_emb))
        self.velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.grads = {}
        self.n_classes = n_classes
        self.lr, self.momentum, self.lam, self.alpha = lr, momentum, lam, alpha

    def train_step(self, X, y):
        p = self.params
        N = X.shape[0]
        rows = np.arange(N)
        # forward
        z1 = X @ p["W1"].T + p["b1"]
        h1 = np.where(z1 > 0, z1, 0)
        emb = h1 @ p["W2"].T + p["b2"]
        logits = emb @ p["W3"].T + p["b3"]
        mx = logits.max(axis=1, keepdims=True)
        lse = mx[:, 0] + np.log(np.exp(logits - mx).sum(axis=1))
        ce = np.mean(lse - logits[rows, y])
        diff = emb - self.centers[y]
        loss = ce + 0.5 * self.lam * np.sum(diff * diff)
        # backward
        probs = np.exp(logits - lse[:, None])
        dlogits = probs.copy()
        dlogits[rows, y] -= 1
        dlogits /= N
        g = {"W3": dlogits.T @ emb, "b3": dlogits.sum(axis=0)}
        demb = dlogits @ p["W3"] + self.lam * diff
        g["W2"] = demb.T @ h1
        g["b2"] = demb.sum(axis=0)
        dz1 = (demb @ p["W2"]) * (z1 > 0)
        g["W1"] = dz1.T @ X
        g["b1"] = dz1.sum(axis=0)
        delta = np.zeros_like(self.centers)
        for j in range(self.n_classes):
            members = emb[y == j]
            n_j = len(members)
            delta[j] = (n_j * self.centers[j] - members.sum(axis=0)) / (1 + n_j)
        g["centers"] = delta
        self.grads = g
        # update
        for k in p:
            self.velocity[k] = self.momentum * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        self.centers -= self.alpha * delta
        return loss
