"""Many-to-one LSTM regressor in NumPy written to mirror torch.nn.LSTMCell, so that a port can use
the module itself: weights kept (out, in) as torch keeps them, weight_ih (4H, D) and weight_hh
(4H, H), two biases bias_ih and bias_hh, the gates stacked in torch's order i, f, g, o. The
last hidden state goes through a readout (1, H). Mean squared error, BPTT, plain SGD.

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 5


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class CellLSTM:
    def __init__(self, lr=0.2, seed=4):
        rng = np.random.default_rng(seed)
        k = 1.0 / np.sqrt(H)
        self.weight_ih = rng.uniform(-k, k, (4 * H, D))
        self.weight_hh = rng.uniform(-k, k, (4 * H, H))
        self.bias_ih = rng.uniform(-k, k, 4 * H)
        self.bias_hh = rng.uniform(-k, k, 4 * H)
        self.w_out = rng.uniform(-k, k, (1, H))
        self.b_out = np.zeros(1)
        self.lr = lr

    def forward(self, X):
        n = X.shape[0]
        h = np.zeros((n, H), dtype=X.dtype)
        c = np.zeros((n, H), dtype=X.dtype)
        self.cache = []
        for x in X.transpose(1, 0, 2):
            a = x @ self.weight_ih.T + self.bias_ih + h @ self.weight_hh.T + self.bias_hh
            i = sigmoid(a[:, :H])
            f = sigmoid(a[:, H:2 * H])
            g = np.tanh(a[:, 2 * H:3 * H])
            o = sigmoid(a[:, 3 * H:])
            c_next = f * c + i * g
            h_next = o * np.tanh(c_next)
            self.cache.append(dict(x=x, h=h, c=c, i=i, f=f, g=g, o=o, c_next=c_next))
            h, c = h_next, c_next
        self.h_last = h
        return h @ self.w_out.T + self.b_out

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / pred.size
        grads = {"w_out": dpred.T @ self.h_last, "b_out": dpred.sum(axis=0)}
        gW_ih, gW_hh = np.zeros_like(self.weight_ih), np.zeros_like(self.weight_hh)
        gb = np.zeros_like(self.bias_ih)
        dh = dpred @ self.w_out
        dc = np.zeros_like(dh)
        for s in reversed(self.cache):
            tc = np.tanh(s["c_next"])
            dc = dc + dh * s["o"] * (1.0 - tc ** 2)
            da = np.concatenate([
                dc * s["g"] * s["i"] * (1.0 - s["i"]),
                dc * s["c"] * s["f"] * (1.0 - s["f"]),
                dc * s["i"] * (1.0 - s["g"] ** 2),
                dh * tc * s["o"] * (1.0 - s["o"]),
            ], axis=1)
            gW_ih += da.T @ s["x"]
            gW_hh += da.T @ s["h"]
            gb += da.sum(axis=0)
            dh = da @ self.weight_hh
            dc = dc * s["f"]
        grads.update(weight_ih=gW_ih, weight_hh=gW_hh, bias_ih=gb, bias_hh=gb.copy())
        self.grads = grads
        for name, grad in grads.items():
            setattr(self, name, getattr(self, name) - self.lr * grad)
        return float(loss)
