"""Many-to-one LSTM regressor in NumPy, laid out like TensorFlow's BasicLSTMCell: one kernel W of
shape (D + H, 4H) applied to [x, h], one bias b, the gates in TF's order i, j, f, o (j the
candidate). The forget gate's bias block is started at 1.0 instead of TF's forget_bias (the
same thing written into the parameters, Jozefowicz et al.), so the cell computes

    c' = c * sigmoid(f) + sigmoid(i) * tanh(j),  h' = tanh(c') * sigmoid(o).

The last state is read out linearly; mean squared error, BPTT, Adam.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 5


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class ConcatLSTM:
    def __init__(self, lr=0.01, seed=3):
        rng = np.random.default_rng(seed)
        b = np.zeros(4 * H)
        b[2 * H:3 * H] = 1.0
        self.params = {"W": rng.uniform(-0.4, 0.4, (D + H, 4 * H)), "b": b,
                       "Wy": rng.uniform(-0.5, 0.5, (H, 1)), "by": np.zeros(1)}
        self.lr, self.b1, self.b2, self.eps, self.t = lr, 0.9, 0.999, 1e-8, 0
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        W, b = self.params["W"], self.params["b"]
        n = X.shape[0]
        h = np.zeros((n, H), dtype=X.dtype)
        c = np.zeros((n, H), dtype=X.dtype)
        self.trace = []
        for t in range(X.shape[1]):
            xh = np.concatenate([X[:, t], h], axis=1)
            i, j, f, o = np.split(xh @ W + b, 4, axis=1)
            si, tj, sf, so = sigmoid(i), np.tanh(j), sigmoid(f), sigmoid(o)
            c_new = c * sf + si * tj
            tc = np.tanh(c_new)
            self.trace.append((xh, c, si, tj, sf, so, tc))
            h, c = tc * so, c_new
        self.h = h
        return h @ self.params["Wy"] + self.params["by"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        P = self.params
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / X.shape[0]
        grads = {"Wy": self.h.T @ dpred, "by": dpred.sum(axis=0),
                 "W": np.zeros_like(P["W"]), "b": np.zeros_like(P["b"])}
        dh = dpred @ P["Wy"].T
        dc = np.zeros_like(dh)
        for xh, c_prev, si, tj, sf, so, tc in reversed(self.trace):
            dc = dc + dh * so * (1.0 - tc ** 2)
            d_i = dc * tj * si * (1.0 - si)
            d_j = dc * si * (1.0 - tj ** 2)
            d_f = dc * c_prev * sf * (1.0 - sf)
            d_o = dh * tc * so * (1.0 - so)
            da = np.concatenate([d_i, d_j, d_f, d_o], axis=1)
            grads["W"] += xh.T @ da
            grads["b"] += da.sum(axis=0)
            dh = (da @ P["W"].T)[:, D:]
            dc = dc * sf
        self.grads = grads
        self.t += 1
        for k in P:
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * grads[k]
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * grads[k] ** 2
            m_hat = self.m[k] / (1 - self.b1 ** self.t)
            v_hat = self.v[k] / (1 - self.b2 ** self.t)
            P[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return float(loss)
