"""Gradually magnitude-pruned MLP classifier in NumPy (blobs.npz: 12 features, 4 classes).

12 -> 24 ReLU -> 4 softmax, the mean cross-entropy over the rows. Each weight matrix has a 0/1
mask held beside it: the forward pass uses W * mask, the weight gradients are multiplied by the
mask, and after every update the masked weights are set back to zero. Every EVERY steps (at
t = 0, 4, 8, ...) the masks are recomputed per layer from the weight magnitudes, with the cubic
sparsity schedule s_t = S_FINAL * (1 - (1 - min(1, t / RAMP))^3) of Zhu & Gupta: the k = int(s_t *
size) smallest |W| are pruned (|W| <= the k-th smallest). SGD with heavy-ball momentum (torch's
buffer, v = MOM * v + g), L2 weight decay on the weights only (added to the gradient), and a step
learning-rate decay, LR * GAMMA ** (t // DECAY_EVERY).

    X: float (n, 12), y: int (n,) class labels 0..3
"""

import numpy as np

D, H, K = 12, 24, 4
LR, MOM, WD = 0.05, 0.9, 5e-4
S_FINAL, RAMP, EVERY = 0.7, 16, 4
DECAY_EVERY, GAMMA = 8, 0.5
WEIGHTS = ("W1", "W2")


def sparsity(t):
    return S_FINAL * (1.0 - (1.0 - min(1.0, t / RAMP)) ** 3)


class PrunedMLP:
    def __init__(self, seed=95):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, np.sqrt(1.0 / H), (H, K)),
            "b2": np.zeros(K),
        }
        self.masks = {k: np.ones_like(self.params[k]) for k in WEIGHTS}
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def update_masks(self):
        s = sparsity(self.t)
        for k in WEIGHTS:
            W = self.params[k]
            n_prune = int(s * np.count_nonzero(W))  # fix: n_prune = int(s * W.size)
            if n_prune > 0:
                thr = np.sort(np.abs(W).ravel())[n_prune - 1]
                self.masks[k] = (np.abs(W) > thr).astype(W.dtype)
            W *= self.masks[k]

    def forward(self, X):
        p, m = self.params, self.masks
        self.X = X
        self.z1 = X @ (p["W1"] * m["W1"]) + p["b1"]
        self.h = np.maximum(self.z1, 0.0)
        logits = self.h @ (p["W2"] * m["W2"]) + p["b2"]
        return logits

    def loss(self, X, y):
        logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return float(-logp[np.arange(len(y)), y].mean())

    def train_step(self, X, y):
        if self.t % EVERY == 0:
            self.update_masks()
        p, m = self.params, self.masks
        n = len(X)
        logits = self.forward(X)
        z = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(n), y]).mean()

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        g = {}
        g["W2"] = (self.h.T @ dlogits) * m["W2"]
        g["b2"] = dlogits.sum(axis=0)
        dh = dlogits @ (p["W2"] * m["W2"]).T
        dz1 = dh * (self.z1 > 0)
        g["W1"] = (X.T @ dz1) * m["W1"]
        g["b1"] = dz1.sum(axis=0)
        self.grads = g

        lr = LR * GAMMA ** (self.t // DECAY_EVERY)
        for k in p:
            d = g[k] + WD * p[k] if k in WEIGHTS else g[k]
            self.velocity[k] = MOM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        for k in WEIGHTS:
            p[k] *= m[k]
        self.t += 1
        return float(loss)
