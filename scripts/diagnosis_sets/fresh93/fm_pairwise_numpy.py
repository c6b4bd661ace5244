"""The factorization machine written another way, in NumPy: the pairwise term from the Gram
matrix of the factors, Q = V V^T, as 0.5 * (x^T Q x - sum_i Q_ii x_i^2) with np.einsum (the
O(kn^2) form of the same sum over i < j), the factors kept transposed as Vt (k, n), the bias and
the weights as attributes; the log loss written as the binary cross-entropy of log-sigmoids;
the one-hot blocks built by indexing an identity per field; the Adagrad accumulators kept in a
list in the order of the parameters.

    X: float (n, 7) four numeric features, then three categorical ids; y: float (n,) the click
"""

import numpy as np

N_NUM, CARDS, K = 4, (5, 4, 6), 4
N_FEAT = N_NUM + sum(CARDS)
LR, LAM, INIT_ACC, EPS = 0.1, 0.01, 0.1, 1e-10


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


class PairwiseFM:
    names = ("w0", "w", "Vt")

    def __init__(self, seed=93):
        rng = np.random.default_rng(seed)
        self.w0 = np.zeros(1)
        self.w = rng.normal(0.0, 0.1, N_FEAT)
        self.Vt = rng.normal(0.0, 0.2, (N_FEAT, K)).T.copy()
        self.acc = [np.full_like(getattr(self, k), INIT_ACC) for k in self.names]

    def one_hot(self, X):
        cols = [X[:, :N_NUM]]
        cols += [np.eye(c, dtype=X.dtype)[X[:, N_NUM + f].astype(int)] for f, c in enumerate(CARDS)]
        return np.hstack(cols)

    def scores(self, x):
        Q = self.Vt.T @ self.Vt
        both = np.einsum("ni,ij,nj->n", x, Q, x)
        self_terms = (x * x) @ np.diag(Q)
        return self.w0 + x @ self.w + 0.5 * (both - self_terms)

    def loss(self, X, y):
        z = self.scores(self.one_hot(X))
        data = -np.mean(y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))
        return data + 0.5 * LAM * (np.sum(self.w * self.w) + np.sum(self.Vt * self.Vt))

    def train_step(self, X, y):
        x = self.one_hot(X)
        z = self.scores(x)
        loss = -np.mean(y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))
        loss = loss + 0.5 * LAM * (np.sum(self.w * self.w) + np.sum(self.Vt * self.Vt))

        r = (np.exp(log_sigmoid(z)) - y) / len(x)
        # d/dV of 0.5 (x^T V V^T x - sum_i x_i^2 |v_i|^2) = (x x^T - diag(x^2)) V, summed with weights r
        C = np.einsum("n,ni,nj->ij", r, x, x) - np.diag((x * x).T @ r)
        grads = {
            "w0": np.array([r.sum()]),
            "w": x.T @ r + LAM * self.w,
            "Vt": self.Vt @ C + LAM * self.Vt,
        }
        self.grads = grads

        for k, acc in zip(self.names, self.acc):
            acc += grads[k] * grads[k]
            step = LR * np.divide(grads[k], np.sqrt(acc) + EPS)
            setattr(self, k, getattr(self, k) - step)
        return float(loss)
