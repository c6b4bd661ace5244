"""Many-to-one LSTM regressor in NumPy in the notation of colah's "Understanding LSTM Networks":
every gate has its own weight matrix on the concatenation [h_{t-1}, x_t] and its own bias,

    f = sigmoid(W_f [h, x] + b_f), i = sigmoid(W_i [h, x] + b_i), C~ = tanh(W_C [h, x] + b_C),
    C = f * C_prev + i * C~, o = sigmoid(W_o [h, x] + b_o), h = o * tanh(C),

the weights kept (H, H + D) as the formulas write them. The last h is read out linearly. Mean
squared error, BPTT, Adagrad as torch.optim.Adagrad computes it.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 5
GATES = ("f", "i", "C", "o")


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class ColahLSTM:
    def __init__(self, lr=0.05, eps=1e-10, seed=10):
        rng = np.random.default_rng(seed)
        self.params = {}
        for gname in GATES:
            self.params["W_" + gname] = rng.normal(0.0, 0.35, (H, H + D))
            self.params["b_" + gname] = np.zeros(H)
        self.params["W_y"] = rng.normal(0.0, 0.5, (1, H))
        self.params["b_y"] = np.zeros(1)
        self.lr, self.eps = lr, eps
        self.G = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, X):
        p = self.params
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        C = np.zeros((X.shape[0], H), dtype=X.dtype)
        self.tape = []
        for t in range(X.shape[1]):
            hx = np.concatenate([h, X[:, t]], axis=1)
            f = sigmoid(hx @ p["W_f"].T + p["b_f"])
            i = sigmoid(hx @ p["W_i"].T + p["b_i"])
            Ct = np.tanh(hx @ p["W_C"].T + p["b_C"])
            C_new = f * C + i * Ct
            o = sigmoid(hx @ p["W_o"].T + p["b_o"])
            h = o * np.tanh(C_new)
            self.tape.append((hx, C, f, i, Ct, o, C_new))
            C = C_new
        self.h = h
        return h @ p["W_y"].T + p["b_y"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / X.shape[0]
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["W_y"] = dpred.T @ self.h
        g["b_y"] = dpred.sum(axis=0)
        dh = dpred @ p["W_y"]
        dC_next = np.zeros_like(dh)
        for hx, C_prev, f, i, Ct, o, C in reversed(self.tape):
            tC = np.tanh(C)
            dC = dC_next + dh * o * (1.0 - tC ** 2)
            da = {"f": dC * C_prev * f * (1.0 - f), "i": dC * Ct * i * (1.0 - i),
                  "C": dC * i * (1.0 - Ct ** 2), "o": dh * tC * o * (1.0 - o)}
            dhx = np.zeros_like(hx)
            for gname in GATES:
                g["W_" + gname] += da[gname].T @ hx
                g["b_" + gname] += da[gname].sum(axis=0)
                dhx += da[gname] @ p["W_" + gname]
            dh = dhx[:, :H]
            dC_next = dC   # fix: dC_next = dC * f
        self.grads = g
        for k in p:
            self.G[k] += g[k] ** 2
            p[k] -= self.lr * g[k] / (np.sqrt(self.G[k]) + self.eps)
        return float(loss)
