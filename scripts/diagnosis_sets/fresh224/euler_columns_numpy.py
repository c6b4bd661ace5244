"""The Euler neural ODE classifier with samples as columns (a correct variant of euler_numpy.py).

States are (features, N); weights are kept (out, in) and biases as columns (out, 1) in the
dict self.p; the time enters as an extra last row of the field's input. The softmax is over
axis 0, the gradient of the mean cross-entropy is (P - Y) / N with a one-hot Y. Momentum is
updated in place (v *= mu; v += g; w -= lr v).
"""

import numpy as np


class ColumnEulerODE:
    def __init__(self, sizes=(2, 6, 16, 3), steps=5, lr=0.1, mu=0.9, seed=3):
        n_in, state, width, n_cls = sizes
        rng = np.random.default_rng(seed)
        shapes = {"A": (state, n_in), "a": (state, 1),
                  "W1": (width, state + 1), "b1": (width, 1),
                  "W2": (state, width), "b2": (state, 1),
                  "C": (n_cls, state), "c": (n_cls, 1)}
        fans = {"A": n_in, "a": n_in, "W1": state + 1, "b1": state + 1,
                "W2": width, "b2": width, "C": state, "c": state}
        self.p = {k: rng.uniform(-1, 1, s) / np.sqrt(fans[k]) for k, s in shapes.items()}
        self.velocity = {k: np.zeros_like(w) for k, w in self.p.items()}
        self.K, self.lr, self.mu = steps, lr, mu
        self.grads = {}

    def _forward(self, Xc):
        p = self.p
        dt = 1.0 / self.K
        H = p["A"] @ Xc + p["a"]
        tape = []
        for k in range(self.K):
            U = np.vstack([H, np.full((1, H.shape[1]), k * dt, dtype=H.dtype)])
            S = np.tanh(p["W1"] @ U + p["b1"])
            tape.append((U, S))
            H = H + dt * (p["W2"] @ S + p["b2"])
        return H, tape

    @staticmethod
    def _softmax_cols(Z):
        Z = Z - Z.max(axis=0, keepdims=True)
        E = np.exp(Z)
        return E / E.sum(axis=0, keepdims=True)

    def loss(self, X, y):
        Xc = np.asarray(X, dtype=self.p["A"].dtype).T
        H, _ = self._forward(Xc)
        P = self._softmax_cols(self.p["C"] @ H + self.p["c"])
        return float(-np.log(P[y, np.arange(len(y))]).mean())

    def train_step(self, X, y):
        p = self.p
        Xc = np.asarray(X, dtype=p["A"].dtype).T
        N = Xc.shape[1]
        state = p["A"].shape[0]
        dt = 1.0 / self.K
        H, tape = self._forward(Xc)
        P = self._softmax_cols(p["C"] @ H + p["c"])
        loss = float(-np.log(P[y, np.arange(N)]).mean())

        Y = np.zeros_like(P)
        Y[y, np.arange(N)] = 1.0
        dZ = (P - Y) / N
        g = {"C": dZ @ H.T, "c": dZ.sum(axis=1, keepdims=True)}
        dH = p["C"].T @ dZ
        gW1 = np.zeros_like(p["W1"]); gb1 = np.zeros_like(p["b1"])
        gW2 = np.zeros_like(p["W2"]); gb2 = np.zeros_like(p["b2"])
        for U, S in reversed(tape):
            dF = dt * dH
            gW2 += dF @ S.T
            gb2 += dF.sum(axis=1, keepdims=True)
            dZ1 = (p["W2"].T @ dF) * (1.0 - S ** 2)
            gW1 += dZ1 @ U.T
            gb1 += dZ1.sum(axis=1, keepdims=True)
            dH = dH + (p["W1"].T @ dZ1)[:state]
        g.update(W1=gW1, b1=gb1, W2=gW2, b2=gb2,
                 A=dH @ Xc.T, a=dH.sum(axis=1, keepdims=True))
        self.grads = g

        for k, w in p.items():
            v = self.velocity[k]
            v *= self.mu
            v += g[k]
            w -= self.lr * v
        return loss
