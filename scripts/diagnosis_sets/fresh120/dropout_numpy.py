"""Four-class MLP classifier with hand-written inverted dropout, label smoothing, an L2 penalty and
a max-norm constraint, trained by Nesterov SGD, in NumPy.

Forward: a ReLU hidden layer of 20 units, inverted dropout on it with the keep masks fixed as
data (dropout_masks.npz: step t uses keep[t - 1], kept units scaled by 1 / KEEP so the expected
activation is unchanged), then a linear layer to four logits. Loss: softmax cross entropy against
label-smoothed targets q = (1 - SMOOTH) * onehot + SMOOTH / K (torch's label_smoothing), averaged
over the rows, plus 0.5 * LAM * (|W1|^2 + |W2|^2) on the weights only. Update: SGD with Nesterov
momentum as torch.optim.SGD(nesterov=True) writes it (v = MU v + g, step along g + MU v). After
each update every hidden unit's incoming weight vector (a column of W1) is rescaled to norm at
most MAX_NORM (torch.renorm: a unit over the limit is multiplied by MAX_NORM / (norm + 1e-7)).

    X: float (n, 12), y: int64 (n,) class ids
"""

from pathlib import Path

import numpy as np

D, H, K = 12, 20, 4
LR, MU, LAM, SMOOTH, KEEP, MAX_NORM = 0.05, 0.9, 1e-3, 0.1, 0.75, 1.5
KEEP_MASKS = np.load(Path(__file__).with_name("dropout_masks.npz"))["keep"]


class DropoutNet:
    def __init__(self, seed=120):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, H)),
            "b1": np.zeros(H),
            "W2": rng.normal(0.0, np.sqrt(1.0 / H), (H, K)),
            "b2": np.zeros(K),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def keep_mask(self, n):
        return KEEP_MASKS[self.t % len(KEEP_MASKS), :n]

    def forward(self, X, keep):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        hd = h * keep / KEEP
        logits = hd @ p["W2"] + p["b2"]
        return pre, hd, logits

    def smoothed_targets(self, y):
        onehot = np.zeros((len(y), K))
        onehot[np.arange(len(y)), y] = 1.0
        return (1.0 - SMOOTH) * onehot + SMOOTH / K

    def objective(self, logits, y):
        p = self.params
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        q = self.smoothed_targets(y).astype(logits.dtype)
        ce = -(q * log_probs).sum(axis=1).mean()
        return ce + 0.5 * LAM * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2)), np.exp(log_probs), q

    def loss(self, X, y):
        return self.objective(self.forward(X, self.keep_mask(len(X)))[2], y)[0]

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        keep = self.keep_mask(n)
        pre, hd, logits = self.forward(X, keep)
        loss, probs, q = self.objective(logits, y)

        g = {}
        dlogits = (probs - q) / n
        g["W2"] = hd.T @ dlogits + LAM * p["W2"]
        g["b2"] = dlogits.sum(axis=0)
        dhd = dlogits @ p["W2"].T
        dh = dhd * keep / KEEP
        dpre = dh * (pre > 0)
        g["W1"] = X.T @ dpre + LAM * p["W1"]
        g["b1"] = dpre.sum(axis=0)
        self.grads = g

        self.t += 1
        for k in p:
            self.velocity[k] = MU * self.velocity[k] + g[k]
            p[k] -= LR * (g[k] + MU * self.velocity[k])

        norms = np.sqrt((p["W1"] ** 2).sum(axis=0, keepdims=True))
        p["W1"] *= np.where(norms > MAX_NORM, MAX_NORM / (norms + 1e-7), 1.0)
        return float(loss)
