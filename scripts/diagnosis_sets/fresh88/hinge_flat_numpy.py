"""The structured-hinge tagger of hinge_numpy.py written another way.

All parameters live in one flat vector self.theta, and self.params holds views into it (W_h
(H, D) kept (out, in) and used as x @ W_h.T, c_h, W_e (K, H), c_e, trans, first, last); the
gradient is one flat vector too (self.grads: views into it), so the global-norm clipping is one
np.linalg.norm and Adagrad runs once over the flat vector, its accumulator flat with views in
self.sum_sq. No Viterbi: with K = 3 tags and T = 5 steps there are 3 ** 5 = 243 paths, so the
loss-augmented maximiser is found by scoring every path (emission + transition + first/last
scores + Hamming cost) and taking the argmax. The transitions get WD * trans added to their part
of the flat gradient before the accumulator (torch Adagrad's weight_decay on their group).
"""

import itertools

import numpy as np

T, D, K, H = 5, 4, 3, 6
LR, WD, EPS, MAX_NORM = 0.05, 0.02, 1e-10, 0.5

SHAPES = [("W_h", (H, D)), ("c_h", (H,)), ("W_e", (K, H)), ("c_e", (K,)),
          ("trans", (K, K)), ("first", (K,)), ("last", (K,))]


def views(flat):
    out, i = {}, 0
    for name, shape in SHAPES:
        size = int(np.prod(shape))
        out[name] = flat[i:i + size].reshape(shape)
        i += size
    return out


class HingeFlat:
    def __init__(self, seed=88):
        rng = np.random.default_rng(seed)
        size = sum(int(np.prod(s)) for _, s in SHAPES)
        self.theta = np.zeros(size)
        self.params = views(self.theta)
        init = {"W_h": rng.normal(0.0, 0.5, (D, H)).T, "c_h": rng.normal(0.0, 0.1, H),
                "W_e": rng.normal(0.0, 0.5, (H, K)).T, "c_e": np.zeros(K),
                "trans": rng.normal(0.0, 0.2, (K, K)), "first": rng.normal(0.0, 0.2, K),
                "last": rng.normal(0.0, 0.2, K)}
        for name, a in init.items():
            self.params[name][...] = a
        self.flat_sum = np.zeros_like(self.theta)
        self.sum_sq = views(self.flat_sum)
        self.paths = np.array(list(itertools.product(range(K), repeat=T)), dtype=np.int64)  # (243, T)

    def _emissions(self, X):
        p = self.params
        x = X.reshape(len(X), T, D)
        pre = x @ p["W_h"].T + p["c_h"]
        h = np.where(pre > 0, pre, 0.0).astype(pre.dtype)
        return x, pre, h, h @ p["W_e"].T + p["c_e"]

    def _all_scores(self, S):
        """Score of every path under emission scores S (n, T, K): (n, P)."""
        p = self.params
        P = self.paths
        emit = S[:, np.arange(T), P].sum(axis=-1)                                # (n, P)
        static = p["trans"][P[:, :-1], P[:, 1:]].sum(axis=1) + p["first"][P[:, 0]] + p["last"][P[:, -1]]
        return emit + static

    def _hinge(self, E, y):
        cost = (np.arange(K) != y[..., None]).astype(E.dtype)                    # Hamming cost
        yhat = self.paths[self._all_scores(E + cost).argmax(axis=1)]
        p = self.params
        rows = np.arange(len(y))[:, None]

        def score(path):
            return (E[rows, np.arange(T), path].sum(axis=1) + p["trans"][path[:, :-1], path[:, 1:]].sum(axis=1)
                    + p["first"][path[:, 0]] + p["last"][path[:, -1]])

        return yhat, np.mean(score(yhat) + (yhat != y).sum(axis=1) - score(y))

    def loss(self, X, y):
        return float(self._hinge(self._emissions(X)[3], y)[1])

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        x, pre, h, E = self._emissions(X)
        yhat, loss = self._hinge(E, y)

        flat_grad = np.zeros_like(self.theta)
        g = views(flat_grad)
        dE = np.zeros_like(E)
        rows = np.arange(n)[:, None]
        steps = np.arange(T)[None, :]
        np.add.at(dE, (rows, steps, yhat), 1.0)
        np.add.at(dE, (rows, steps, y), -1.0)
        dE /= n
        np.add.at(g["trans"], (yhat[:, :-1], yhat[:, 1:]), 1.0 / n)
        np.add.at(g["trans"], (y[:, :-1], y[:, 1:]), -1.0 / n)
        np.add.at(g["first"], yhat[:, 0], 1.0 / n)
        np.add.at(g["first"], y[:, 0], -1.0 / n)
        np.add.at(g["last"], yhat[:, -1], 1.0 / n)
        np.add.at(g["last"], y[:, -1], -1.0 / n)
        g["W_e"][...] = np.einsum("ntk,nth->kh", dE, h)
        g["c_e"][...] = dE.sum(axis=(0, 1))
        dpre = np.where(pre > 0, dE @ p["W_e"], 0.0)
        g["W_h"][...] = np.einsum("nth,ntd->hd", dpre, x)
        g["c_h"][...] = dpre.sum(axis=(0, 1))

        norm = np.linalg.norm(flat_grad)
        if norm + 1e-6 > MAX_NORM:
            flat_grad *= MAX_NORM / (norm + 1e-6)
        self.grads = g

        step_grad = flat_grad.copy()
        views(step_grad)["trans"][...] += WD * p["trans"]
        self.flat_sum += step_grad ** 2
        self.theta -= LR * step_grad / (np.sqrt(self.flat_sum) + EPS)
        return float(loss)
