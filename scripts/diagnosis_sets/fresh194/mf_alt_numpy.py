"""BPR matrix factorisation in NumPy, written another way (same model as mf_numpy.py).

Rows are gathered and scattered through one-hot indicator matrices (the table gradients
are indicator.T @ per-row gradients, instead of np.add.at), the scores by einsum, the loss
derivative through the log-sigmoid identity 1 - sigmoid(x), and the SGD step in place
with np.subtract(..., out=...).
"""

import numpy as np


class BPRMF:
    def __init__(self, n_users=12, n_items=20, k=8, lr=1.0, reg=0.05, seed=0):
        rng = np.random.default_rng(seed)
        self.P = rng.normal(0.0, 0.1, (n_users, k))
        self.Q = rng.normal(0.0, 0.1, (n_items, k))
        self.b_item = np.zeros(n_items)
        self.lr = lr
        self.reg = reg
        self.grads = {}

    def _onehots(self, X):
        dt = self.P.dtype
        U = np.eye(self.P.shape[0], dtype=dt)[X[:, 0]]        # (N, n_users)
        I = np.eye(self.Q.shape[0], dtype=dt)[X[:, 1]]        # (N, n_items)
        J = np.eye(self.Q.shape[0], dtype=dt)[X[:, 2]]
        return U, I, J

    def _forward(self, X):
        U, I, J = self._onehots(X)
        pu, qi, qj = U @ self.P, I @ self.Q, J @ self.Q
        x = np.einsum("nk,nk->n", pu, qi - qj) + (I - J) @ self.b_item
        return x, (U, I, J, pu, qi, qj)

    def loss(self, X, y=None):
        x, (_, _, _, pu, qi, qj) = self._forward(X)
        N = x.shape[0]
        log_sig = -np.logaddexp(0.0, -x)
        reg = 0.5 * self.reg / N * (np.einsum("nk,nk->", pu, pu) + np.einsum("nk,nk->", qi, qi)
                                    + np.einsum("nk,nk->", qj, qj))
        return -log_sig.mean() + reg

    def train_step(self, X, y):
        loss = self.loss(X)
        x, (U, I, J, pu, qi, qj) = self._forward(X)
        N = x.shape[0]
        sig = 0.5 * (1.0 + np.tanh(0.5 * x))
        dx = (sig - 1.0) / N                                  # d/dx of -log sigmoid(x), mean

        c = self.reg / N
        dP = U.T @ (dx[:, None] * (qi - qj) + c * pu)
        dQ = I.T @ (dx[:, None] * pu + c * qi) + J.T @ (c * qj - dx[:, None] * pu)
        db = (I - J).T @ dx
        self.grads = {"P": dP, "Q": dQ, "b_item": db}

        np.subtract(self.P, self.lr * dP, out=self.P)
        np.subtract(self.Q, self.lr * dQ, out=self.Q)
        np.subtract(self.b_item, self.lr * db, out=self.b_item)
        return float(loss)
