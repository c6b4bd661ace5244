"""The linear-chain CRF tagger of crf_numpy.py written another way: no forward algorithm at all.

With K = 4 tags and T = 6 steps there are only K ** T = 4096 tag paths, so the program lists
them once (self.paths, int, (P, T)) and scores every path of every row: log Z is a max-subtracted
logsumexp over the 4096 path scores, and the gradient uses the posterior of each path: the
expected one-hot emissions, pair counts and first / last tags are posterior-weighted sums of each
path's counts (matrix products with the paths' count tables), minus the gold path's.

Other layout and bookkeeping: the hidden weight is kept (out, in) as W_in (H, D) and used as
x @ W_in.T; the emission weight (K, H) as W_out; Adam's moments live in self.exp_avg and
self.exp_avg_sq, and the step is written in the folded form

    p -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps * sqrt(1 - b2^t))

(the same as torch's m_hat / (sqrt(v_hat) + eps)). Linear warmup over WARMUP updates; the
transitions get the L2 decay WD * A in their gradient (torch Adam's weight_decay).
"""

import itertools

import numpy as np

T, D, K, H = 6, 5, 4, 8
LR, WARMUP, WD = 0.02, 4, 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class CRFEnum:
    def __init__(self, seed=88):
        rng = np.random.default_rng(seed)
        self.params = {
            "W_in": rng.normal(0.0, 0.4, (H, D)),
            "b_in": np.zeros(H),
            "W_out": rng.normal(0.0, 0.4, (K, H)),
            "b_out": np.zeros(K),
            "trans": rng.normal(0.0, 0.1, (K, K)),
            "first": rng.normal(0.0, 0.1, K),
            "last": rng.normal(0.0, 0.1, K),
        }
        self.exp_avg = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.exp_avg_sq = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_updates = 0
        self.paths = np.array(list(itertools.product(range(K), repeat=T)), dtype=np.int64)   # (P, T)
        P = len(self.paths)
        # count tables of every path: its one-hot emissions (P, T*K) and its pair counts (P, K*K)
        self.path_emits = np.zeros((P, T * K), dtype=np.int8)
        self.path_emits[np.arange(P)[:, None], np.arange(T) * K + self.paths] = 1
        self.path_pairs = np.zeros((P, K * K), dtype=np.int8)
        for t in range(1, T):
            np.add.at(self.path_pairs, (np.arange(P), self.paths[:, t - 1] * K + self.paths[:, t]), 1)

    def _emissions(self, X):
        p = self.params
        x = X.reshape(-1, T, D)
        h = np.tanh(np.einsum("ntd,hd->nth", x, p["W_in"]) + p["b_in"])
        return x, h, np.einsum("nth,kh->ntk", h, p["W_out"]) + p["b_out"]

    def _scores(self, E):
        """Score of every path for every row, (n, P)."""
        p = self.params
        emit = E.reshape(len(E), T * K) @ self.path_emits.T.astype(E.dtype)
        pair = p["trans"].reshape(-1) @ self.path_pairs.T.astype(E.dtype)
        return emit + pair + p["first"][self.paths[:, 0]] + p["last"][self.paths[:, -1]]

    def _gold_index(self, y):
        return (y * K ** np.arange(T - 1, -1, -1)).sum(axis=1)       # position of y in self.paths

    def _nll(self, E, y):
        S = self._scores(E)
        top = S.max(axis=1, keepdims=True)
        log_z = top[:, 0] + np.log(np.exp(S - top).sum(axis=1))
        gold = S[np.arange(len(y)), self._gold_index(y)]
        return S, log_z, np.mean(log_z - gold)

    def loss(self, X, y):
        return float(self._nll(self._emissions(X)[2], y)[2])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x, h, E = self._emissions(X)
        S, log_z, loss = self._nll(E, y)
        post = np.exp(S - log_z[:, None])                             # (n, P) path posteriors
        post[np.arange(n), self._gold_index(y)] -= 1.0                # minus the gold path
        post /= n

        dE = (post @ self.path_emits.astype(E.dtype)).reshape(n, T, K)
        g = {
            "trans": (post.sum(axis=0) @ self.path_pairs.astype(E.dtype)).reshape(K, K),
            "first": np.bincount(self.paths[:, 0], weights=post.sum(axis=0), minlength=K).astype(E.dtype),
            "last": np.bincount(self.paths[:, -1], weights=post.sum(axis=0), minlength=K).astype(E.dtype),
            "W_out": np.einsum("ntk,nth->kh", dE, h),
            "b_out": dE.sum(axis=(0, 1)),
        }
        dpre = np.einsum("ntk,kh->nth", dE, p["W_out"]) * (1.0 - h * h)
        g["W_in"] = np.einsum("nth,ntd->hd", dpre, x)
        g["b_in"] = dpre.sum(axis=(0, 1))
        self.grads = g

        self.n_updates += 1
        t = self.n_updates
        lr = LR * min(1.0, t / WARMUP)
        fold = np.sqrt(1.0 - BETA2 ** t)
        step = lr * fold / (1.0 - BETA1 ** t)
        for k in p:
            grad = g[k] + WD * p[k] if k == "trans" else g[k]
            self.exp_avg[k] *= BETA1
            self.exp_avg[k] += (1.0 - BETA1) * grad
            self.exp_avg_sq[k] *= BETA2
            self.exp_avg_sq[k] += (1.0 - BETA2) * np.square(grad)
            p[k] -= step * self.exp_avg[k] / (np.sqrt(self.exp_avg_sq[k]) + EPS * fold)
        return float(loss)
