"""The iterative refinement classifier of refine_numpy.py written in another style: the weights in
a dict named p under other names in torch's (out, in) layout, the hidden layer's weight applied
in two column blocks (one for the features, one for the fed-back probabilities) and its gradient
put back together with np.hstack, the cross-entropy through a log-sum-exp log-softmax with the
labels picked by integer indexing, its gradient as softmax minus one at the label, and the
exponential decay kept as a learning rate multiplied by GAMMA after every update.

    X: float (n, 6), y: int (n,) the class 0..2
"""

import numpy as np

N_FEAT, N_CLASS, N_HID, ROUNDS = 6, 3, 10, 3
BASE_LR, MU, DECAY, GAMMA = 0.2, 0.9, 1e-3, 0.95


def log_softmax(z):
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))


class RefinerAlt:
    def __init__(self, seed=80):
        rng = np.random.default_rng(seed)
        self.p = {
            "hid_w": rng.normal(0.0, np.sqrt(2.0 / (N_FEAT + N_CLASS)), (N_FEAT + N_CLASS, N_HID)).T.copy(),
            "hid_b": np.zeros(N_HID),
            "out_w": rng.normal(0.0, 1.0 / np.sqrt(N_HID), (N_HID, N_CLASS)).T.copy(),
            "out_b": np.zeros(N_CLASS),
        }
        self.velocity = {k: np.zeros_like(v) for k, v in self.p.items()}
        self.lr = BASE_LR

    def rounds(self, X):
        p = self.p
        w_x, w_p = p["hid_w"][:, :N_FEAT], p["hid_w"][:, N_FEAT:]
        z = np.zeros((X.shape[0], N_CLASS), dtype=X.dtype)
        q = np.exp(log_softmax(z))
        trace = []
        for _ in range(ROUNDS):
            a = X @ w_x.T + q @ w_p.T + p["hid_b"]
            r = np.where(a > 0, a, 0.0)
            z = z + r @ p["out_w"].T + p["out_b"]
            logq = log_softmax(z)
            trace.append({"q_in": q, "a": a, "r": r, "logq": logq})
            q = np.exp(logq)
        return trace

    def loss(self, X, y):
        rows = np.arange(X.shape[0])
        return float(sum(-t["logq"][rows, y].mean() for t in self.rounds(X)) / ROUNDS)

    def train_step(self, X, y):
        p = self.p
        n = X.shape[0]
        rows = np.arange(n)
        trace = self.rounds(X)
        loss = sum(-t["logq"][rows, y].mean() for t in trace) / ROUNDS

        grads = {k: np.zeros_like(v) for k, v in p.items()}
        dz = np.zeros((n, N_CLASS), dtype=X.dtype)
        for k in range(ROUNDS - 1, -1, -1):
            t = trace[k]
            own = np.exp(t["logq"])
            own[rows, y] -= 1.0
            dz = dz + own / (ROUNDS * n)
            grads["out_w"] += dz.T @ t["r"]
            grads["out_b"] += dz.sum(axis=0)
            da = np.where(t["a"] > 0, dz @ p["out_w"], 0.0)
            grads["hid_w"] += np.hstack([da.T @ X, da.T @ t["q_in"]])
            grads["hid_b"] += da.sum(axis=0)
            if k > 0:
                q = t["q_in"]
                dq = da @ p["hid_w"][:, N_FEAT:]
                dz = dz + q * dq - q * (q * dq).sum(axis=1, keepdims=True)
        self.grads = grads

        for k in p:
            self.velocity[k] = MU * self.velocity[k] + (grads[k] + DECAY * p[k])
            p[k] -= self.lr * self.velocity[k]
        self.lr *= GAMMA
        return float(loss)
