"""PrunedMLP in NumPy written another way: the weights kept (out, in) like torch, as attributes
W1, b1, W2, b2; the pruning threshold found with np.partition; the products written with
np.einsum; the softmax's gradient taken from log-probabilities; the masks and the momentum
buffers in lists; the learning rate read from a precomputed table of the step decay. Same model
and training as pruned_mlp_numpy.py (cubic gradual sparsity every four steps, masked forward and
gradients, masked weights zeroed after each update, SGD momentum with weight decay on the weights
only, step decay).

    X: float (n, 12), y: int (n,) class labels 0..3
"""

import numpy as np

D, H, K = 12, 24, 4
LR, MOM, WD = 0.05, 0.9, 5e-4
S_FINAL, RAMP, EVERY = 0.7, 16, 4
DECAY_EVERY, GAMMA = 8, 0.5
LR_TABLE = [LR * GAMMA ** (t // DECAY_EVERY) for t in range(1000)]
NAMES = ("W1", "b1", "W2", "b2")


class PrunedMLPAlt:
    def __init__(self, seed=195):
        rng = np.random.default_rng(seed)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / D), (H, D))
        self.b1 = np.zeros(H)
        self.W2 = rng.normal(0.0, np.sqrt(1.0 / H), (K, H))
        self.b2 = np.zeros(K)
        self.mask = [np.ones_like(self.W1), np.ones_like(self.W2)]
        self.buf = [np.zeros_like(getattr(self, k)) for k in NAMES]
        self.step_count = 0

    def _prune(self):
        frac = 1.0 - min(1.0, self.step_count / RAMP)
        s = S_FINAL * (1.0 - frac * frac * frac)
        for i, name in enumerate(("W1", "W2")):
            W = getattr(self, name)
            a = np.abs(W).reshape(-1)
            n_prune = int(s * a.size)
            if n_prune:
                thr = np.partition(a, n_prune - 1)[n_prune - 1]
                self.mask[i] = np.where(np.abs(W) > thr, 1, 0).astype(W.dtype)
            np.multiply(W, self.mask[i], out=W)

    def train_step(self, X, y):
        if self.step_count % EVERY == 0:
            self._prune()
        m1, m2 = self.mask
        n = X.shape[0]
        A1 = np.einsum("nd,hd->nh", X, self.W1 * m1) + self.b1
        R = np.where(A1 > 0, A1, 0)
        logits = np.einsum("nh,kh->nk", R, self.W2 * m2) + self.b2
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        onehot = np.eye(K, dtype=X.dtype)[y]
        loss = -(onehot * logp).sum() / n

        G = (np.exp(logp) - onehot) / n
        gW2 = np.einsum("nk,nh->kh", G, R) * m2
        gb2 = G.sum(axis=0)
        dA1 = np.einsum("nk,kh->nh", G, self.W2 * m2) * (A1 > 0)
        gW1 = np.einsum("nh,nd->hd", dA1, X) * m1
        gb1 = dA1.sum(axis=0)
        self.grads = {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}

        lr = LR_TABLE[self.step_count]
        for i, name in enumerate(NAMES):
            P = getattr(self, name)
            d = self.grads[name] + (WD * P if name.startswith("W") else 0)
            self.buf[i] *= MOM
            self.buf[i] += d
            P -= lr * self.buf[i]
        self.W1 *= m1
        self.W2 *= m2
        self.step_count += 1
        return float(loss)
