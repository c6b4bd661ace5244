"""A per-token MLP tagger with a linear-chain CRF on top, from scratch in NumPy.

    x_t   = X[:, F*t : F*t+F]                       t = 0..T-1 (the sequence is stored flat)
    h_t   = tanh(x_t @ W1 + b1)
    e_t   = h_t @ W2 + b2                           emission scores, (N, T, K)
    score(y) = start[y_0] + sum_t e_t[y_t] + sum_t trans[y_t, y_{t+1}] + end[y_{T-1}]
    log Z = log sum_y exp(score(y))                 forward algorithm in log space
    loss  = mean over the batch of (log Z - score(y))

The gradient comes from the forward-backward marginals, written by hand:
d loss / d e_t[k] = (P(y_t = k) - [y_t = k]) / N, d loss / d trans[i, j] =
(sum_t P(y_t = i, y_{t+1} = j) - count(i -> j)) / N, and likewise for start and end.

SGD with momentum, torch.optim.SGD's convention: v = mu * v + g; p -= lr * v.

Parameters (self.params): W1 (F, H), b1 (H,), W2 (H, K), b2 (K,), trans (K, K) with
trans[i, j] the score of tag i followed by tag j, start (K,), end (K,).
"""

import os

import numpy as np


def logsumexp(a, axis):
    m = a.max(axis=axis, keepdims=True)
    return np.squeeze(m, axis=axis) + np.log(np.exp(a - m).sum(axis=axis))


class MLPCRFTagger:
    def __init__(self, n_feat=5, seq_len=6, hidden=12, n_tags=4, lr=0.1, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.F, self.T, self.K = n_feat, seq_len, n_tags
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(n_feat), (n_feat, hidden)),
            "b1": rng.normal(0.0, 0.1, hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, n_tags)),
            "b2": rng.normal(0.0, 0.1, n_tags),
            "trans": rng.normal(0.0, 0.5, (n_tags, n_tags)),
            "start": rng.normal(0.0, 0.5, n_tags),
            "end": rng.normal(0.0, 0.5, n_tags),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.velocity = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.momentum = momentum

    # ------------------------------------------------------------------ forward
    def emissions(self, X):
        p = self.params
        N = X.shape[0]
        Xs = np.asarray(X, dtype=p["W1"].dtype).reshape(N, self.T, self.F)
        h = np.tanh(Xs @ p["W1"] + p["b1"])
        return Xs, h, h @ p["W2"] + p["b2"]

    def forward_alg(self, em):
        """alpha[:, t, k]: log of the summed scores of all prefixes ending in tag k at t."""
        p = self.params
        N, T, K = em.shape
        alpha = np.empty_like(em)
        alpha[:, 0] = p["start"] + em[:, 0]
        for t in range(1, T):
            alpha[:, t] = logsumexp(alpha[:, t - 1, :, None] + p["trans"], axis=1) + em[:, t]
        log_z = logsumexp(alpha[:, -1] + p["end"], axis=1)
        return alpha, log_z

    def backward_alg(self, em):
        """beta[:, t, k]: log of the summed scores of all suffixes after tag k at t."""
        p = self.params
        N, T, K = em.shape
        beta = np.empty_like(em)
        beta[:, -1] = p["end"]
        for t in range(T - 2, -1, -1):
            beta[:, t] = logsumexp(p["trans"] + (em[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
        return beta

    def gold_score(self, em, y):
        p = self.params
        N, T, _ = em.shape
        rows = np.arange(N)[:, None]
        s = p["start"][y[:, 0]] + p["end"][y[:, -1]]
        s = s + em[rows, np.arange(T), y].sum(axis=1)
        s = s + p["trans"][y[:, :-1], y[:, 1:]].sum(axis=1)
        return s

    def loss(self, X, y):
        _, _, em = self.emissions(X)
        _, log_z = self.forward_alg(em)
        return np.mean(log_z - self.gold_score(em, y))

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        Xs, h, em = self.emissions(X)
        N, T, K = em.shape
        alpha, log_z = self.forward_alg(em)
        loss = np.mean(log_z - self.gold_score(em, y))
        beta = self.backward_alg(em)

        # node marginals P(y_t = k) and edge marginals P(y_t = i, y_{t+1} = j)
        gamma = np.exp(alpha + beta - log_z[:, None, None])
        xi = np.exp(alpha[:, :-1, :, None] + p["trans"]
                    + (em[:, 1:] + beta[:, 1:])[:, :, None, :]
                    - log_z[:, None, None, None])
        onehot = np.eye(K, dtype=em.dtype)[y]                       # (N, T, K)
        pair_counts = np.einsum("nti,ntj->ij", onehot[:, :-1], onehot[:, 1:])

        dem = (gamma - onehot) / N
        g = self.grads
        g["trans"] = (xi.sum(axis=(0, 1)) - pair_counts) / N
        g["start"] = dem[:, 0].sum(axis=0)
        g["end"] = (gamma[:, -1] - onehot[:, -1]).sum(axis=0) / N

        H = h.shape[-1]
        g["W2"] = h.reshape(-1, H).T @ dem.reshape(-1, K)
        g["b2"] = dem.sum(axis=(0, 1))
        dh = dem @ p["W2"].T
        dpre = dh * (1.0 - np.tanh(h) ** 2)
        g["W1"] = Xs.reshape(-1, self.F).T @ dpre.reshape(-1, H)
        g["b1"] = dpre.sum(axis=(0, 1))
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mlp.npz"))
    net = MLPCRFTagger()
    for step in range(100):
        loss = net.train_step(data["X"], data["y"])
        if step % 10 == 0:
            print(step, round(loss, 5))
