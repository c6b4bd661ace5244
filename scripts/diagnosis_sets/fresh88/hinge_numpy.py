"""A structured-hinge (max-margin) tagger from scratch in NumPy.

Each row of X is T = 5 steps of D = 4 features stored flat, each row of y its T tags in 0..2.
Per-step emission scores from a ReLU MLP, E = relu(x W1 + b1) W2 + b2, shape (N, T, K); a path
scores start[p_0] + sum_t E[t, p_t] + sum_{t>=1} A[p_{t-1}, p_t] + end[p_{T-1}].

The loss is the structured hinge with a Hamming cost, averaged over the rows:

    max_p [score(p) + hamming(p, y)] - score(y)

The loss-augmented maximiser is found by Viterbi on the emissions plus the cost (1 on every
non-gold tag), with backpointers. Its subgradient is the feature counts of the maximising path
minus the gold path's: one-hot emissions, pair counts for A, the first and last tags for start
and end, each over N, then back through the MLP.

The gradients are clipped by their global L2 norm (MAX_NORM, as torch.nn.utils.clip_grad_norm_)
and applied by Adagrad (torch's: the sum of squared gradients, lr * g / (sqrt(sum) + EPS)); the
transitions A get an L2 weight decay WD * A added to their gradient first (torch.optim.Adagrad's
weight_decay in their own parameter group). self.grads holds the clipped gradients, without
the decay.
"""

import numpy as np

T, D, K, H = 5, 4, 3, 6
LR, WD, EPS, MAX_NORM = 0.05, 0.02, 1e-10, 0.5


class HingeTagger:
    def __init__(self, seed=88):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 0.5, (D, H)),
            "b1": rng.normal(0.0, 0.1, H),
            "W2": rng.normal(0.0, 0.5, (H, K)),
            "b2": np.zeros(K),
            "A": rng.normal(0.0, 0.2, (K, K)),
            "start": rng.normal(0.0, 0.2, K),
            "end": rng.normal(0.0, 0.2, K),
        }
        self.acc = {k: np.zeros_like(p) for k, p in self.params.items()}

    def emissions(self, X):
        p = self.params
        x = X.reshape(len(X), T, D)
        pre = x @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0.0)
        return x, pre, h, h @ p["W2"] + p["b2"]

    def viterbi(self, S):
        """The best path under emission scores S (n, T, K) and the current A, start, end."""
        p = self.params
        n = len(S)
        delta = p["start"] + S[:, 0]                                      # (n, K)
        back = np.zeros((n, T, K), dtype=np.int64)
        for t in range(1, T):
            cand = delta[:, :, None] + p["A"]                             # (n, K_prev, K)
            back[:, t] = cand.argmax(axis=1)
            delta = cand.max(axis=1) + S[:, t]
        path = np.zeros((n, T), dtype=np.int64)
        path[:, T - 1] = (delta + p["end"]).argmax(axis=1)
        rows = np.arange(n)
        for t in range(T - 1, 0, -1):
            path[:, t - 1] = back[rows, t, path[:, t]]
        return path

    def path_score(self, E, path):
        p = self.params
        rows = np.arange(len(path))[:, None]
        return (p["start"][path[:, 0]] + E[rows, np.arange(T)[None, :], path].sum(axis=1)
                + p["A"][path[:, :-1], path[:, 1:]].sum(axis=1) + p["end"][path[:, -1]])

    def _hinge(self, E, y):
        cost = 1.0 - np.eye(K, dtype=E.dtype)[y]                           # Hamming: 1 off gold
        yhat = self.viterbi(E + cost)
        hamming = (yhat != y).sum(axis=1)
        margins = self.path_score(E, yhat) + hamming - self.path_score(E, y)
        return yhat, margins.mean()

    def loss(self, X, y):
        return float(self._hinge(self.emissions(X)[3], y)[1])

    def backward(self, X, y):
        p = self.params
        n = len(X)
        x, pre, h, E = self.emissions(X)
        yhat, loss = self._hinge(E, y)

        eye = np.eye(K, dtype=E.dtype)
        dE = (eye[yhat] - eye[y]) / n                                       # (n, T, K)
        g = {}
        g["W2"] = h.reshape(-1, H).T @ dE.reshape(-1, K)
        g["b2"] = dE.sum(axis=(0, 1))
        dA = np.zeros_like(p["A"])
        np.add.at(dA, (yhat[:, :-1], yhat[:, 1:]), 1.0)
        np.add.at(dA, (y[:, :-1], y[:, 1:]), -1.0)
        g["A"] = dA / n
        g["start"] = (eye[yhat[:, 0]] - eye[y[:, 0]]).sum(axis=0) / n
        g["end"] = (eye[yhat[:, -1]] - eye[y[:, -1]]).sum(axis=0) / n
        dpre = (dE @ p["W2"].T) * (pre > 0)
        g["W1"] = x.reshape(-1, D).T @ dpre.reshape(-1, H)
        g["b1"] = dpre.sum(axis=(0, 1))
        self.grads = g
        return loss

    def clip(self):
        norms = {k: np.sqrt(np.sum(g * g)) for k, g in self.grads.items()}
        total = np.sqrt(sum(v * v for v in norms.values()))
        for k in self.grads:
            coef = MAX_NORM / (total + 1e-6)
            if coef < 1.0:
                self.grads[k] = self.grads[k] * coef
        self.grad_norms = norms

    def update(self):
        for k, p in self.params.items():
            g = self.grads[k]
            if k == "A":
                g = g + WD * p
            self.acc[k] += g * g
            p -= LR * g / (np.sqrt(self.acc[k]) + EPS)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.clip()
        self.update()
        return float(loss)
