"""The Cox risk model of cox_numpy.py written in another style.

All parameters live in one flat vector self.theta; W1, b1 and W2 are reshaped views into it (the
optimizer updates the vector in place, the views follow). The partial likelihood is computed on the
subjects sorted latest first: the risk-set sums are a cumulative sum of exp(eta) read at the last
row of each group of tied times (np.unique over the sorted times: Breslow's ties, one shared
denominator), and the backward is the matching reverse cumulative sum over the tie groups of
event_i / S_i. Adam is kept as two flat moment vectors, the L2 term added through a 0/1 mask that
is 1 on the weights; the step schedule is a function of the update count.

    X: float (n, 8), y: float (n, 2) [time, event]
"""

import numpy as np

N_IN, N_HID = 8, 16
BASE_LR, L2, DROP_EVERY, DROP = 0.01, 5e-3, 8, 0.5
B1, B2, EPSILON = 0.9, 0.999, 1e-8


def step_lr(t):
    """Learning rate of the t-th update, t = 1, 2, ..."""
    return BASE_LR * DROP ** ((t - 1) // DROP_EVERY)


class CoxFlat:
    def __init__(self, seed=7):
        rng = np.random.default_rng(seed)
        shapes = {"W1": (N_IN, N_HID), "b1": (N_HID,), "W2": (N_HID, 1)}
        sizes = {k: int(np.prod(s)) for k, s in shapes.items()}
        self.theta = np.concatenate([
            rng.normal(0.0, 0.3, sizes["W1"]), np.zeros(sizes["b1"]), rng.normal(0.0, 0.25, sizes["W2"])])
        self.slices, start = {}, 0
        for k in shapes:
            self.slices[k] = (slice(start, start + sizes[k]), shapes[k])
            start += sizes[k]
        self.W1 = self.view(self.theta, "W1")
        self.b1 = self.view(self.theta, "b1")
        self.W2 = self.view(self.theta, "W2")
        self.decay_mask = np.ones_like(self.theta)
        self.decay_mask[self.slices["b1"][0]] = 0.0
        self.mom1 = np.zeros_like(self.theta)
        self.mom2 = np.zeros_like(self.theta)
        self.n_updates = 0

    def view(self, flat, name):
        sl, shape = self.slices[name]
        return flat[sl].reshape(shape)

    def scores(self, X):
        hid = np.tanh(X @ self.W1 + self.b1)
        return hid, hid @ self.W2[:, 0]

    @staticmethod
    def sorted_terms(eta, y):
        order = np.argsort(-y[:, 0], kind="stable")
        t_s, d_s, eta_s = y[order, 0], y[order, 1], eta[order]
        _, group, counts = np.unique(-t_s, return_inverse=True, return_counts=True)
        group_end = (np.cumsum(counts) - 1)[group]
        top = eta_s.max()
        w = np.exp(eta_s - top)
        S = np.cumsum(w)[group_end]
        return order, d_s, eta_s, w, S, group, top

    def loss(self, X, y):
        _, eta = self.scores(X)
        _, d_s, eta_s, _, S, _, top = self.sorted_terms(eta, y)
        return float(-np.sum(d_s * (eta_s - np.log(S) - top)) / d_s.sum())

    def train_step(self, X, y):
        hid, eta = self.scores(X)
        order, d_s, eta_s, w, S, group, top = self.sorted_terms(eta, y)
        n_ev = d_s.sum()
        loss = -np.sum(d_s * (eta_s - np.log(S) - top)) / n_ev

        # subject j is in the risk set of every tie group at or before its own (in sorted order)
        per_group = np.bincount(group, weights=d_s / S).astype(eta.dtype)
        reach = np.cumsum(per_group[::-1])[::-1][group]
        deta = np.empty_like(eta)
        deta[order] = -(d_s - w * reach) / n_ev

        gflat = np.zeros_like(self.theta)
        gW1, gb1, gW2 = self.view(gflat, "W1"), self.view(gflat, "b1"), self.view(gflat, "W2")
        gW2[:, 0] = hid.T @ deta
        dz = np.outer(deta, self.W2[:, 0]) * (1.0 - hid * hid)
        gW1[...] = X.T @ dz
        gb1[...] = dz.sum(axis=0)
        self.grads = {"W1": gW1, "b1": gb1, "W2": gW2}

        self.n_updates += 1
        t = self.n_updates
        gfull = gflat + L2 * self.decay_mask * self.theta
        self.mom1 *= B1
        self.mom1 += (1.0 - B1) * gfull
        self.mom2 *= B2
        self.mom2 += (1.0 - B2) * gfull * gfull
        denom = np.sqrt(self.mom2 / (1.0 - B2 ** t)) + EPSILON
        self.theta -= step_lr(t) * (self.mom1 / (1.0 - B1 ** t)) / denom
        return float(loss)
