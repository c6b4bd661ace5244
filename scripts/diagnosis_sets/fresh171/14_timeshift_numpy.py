"""A GRU classifier over whole sequences (Cho et al. 2014 formulation), BPTT by hand in NumPy.

    z_t  = sigmoid(x_t Wz + h_{t-1} Uz + bz)              update gate
    r_t  = sigmoid(x_t Wr + h_{t-1} Ur + br)              reset gate
    c_t  = tanh(x_t Wc + (r_t * h_{t-1}) Uc + bc)         candidate (reset applied before Uc)
    h_t  = (1 - z_t) * h_{t-1} + z_t * c_t                h_0 = 0
    logits = h_T V + b,  loss = mean softmax cross-entropy

SGD with momentum 0.9, lr 0.1, torch.optim.SGD style: v = mu v + g; p -= lr v.
    X: (N, T, 4), y: int (N,) in {0, 1, 2}
"""

import numpy as np


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class GRUClassifier:
    def __init__(self, n_in=4, hidden=10, n_classes=3, lr=0.1, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)
        s_in, s_h = 1.0 / np.sqrt(n_in), 1.0 / np.sqrt(hidden)
        P = {}
        for gate in ("z", "r", "c"):
            P["W" + gate] = rng.uniform(-s_in, s_in, (n_in, hidden))
            P["U" + gate] = rng.uniform(-s_h, s_h, (hidden, hidden))
            P["b" + gate] = np.zeros(hidden)
        P["V"] = rng.uniform(-s_h, s_h, (hidden, n_classes))
        P["b"] = np.zeros(n_classes)
        self.params = P
        self.grads = {k: np.zeros_like(v) for k, v in P.items()}
        self.velocity = {k: np.zeros_like(v) for k, v in P.items()}
        self.lr, self.momentum = lr, momentum

    def _forward(self, X):
        P = self.params
        X = np.asarray(X, dtype=P["V"].dtype)
        N, T, _ = X.shape
        hs = [np.zeros((N, P["Uz"].shape[0]), dtype=X.dtype)]
        steps = []
        for t in range(T):
            x, h = X[:, t], hs[-1]
            z = sigmoid(x @ P["Wz"] + h @ P["Uz"] + P["bz"])
            r = sigmoid(x @ P["Wr"] + h @ P["Ur"] + P["br"])
            c = np.tanh(x @ P["Wc"] + (r * h) @ P["Uc"] + P["bc"])
            hs.append((1 - z) * h + z * c)
            steps.append((z, r, c))
        logits = hs[-1] @ P["V"] + P["b"]
        return logits, X, hs, steps

    @staticmethod
    def _xent(logits, y):
        shifted = logits - logits.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        N = logits.shape[0]
        return -logp[np.arange(N), y].mean(), np.exp(logp)

    def loss(self, X, y):
        logits = self._forward(X)[0]
        return self._xent(logits, np.asarray(y))[0]

    def backward(self, X, y):
        P = self.params
        y = np.asarray(y)
        logits, X, hs, steps = self._forward(X)
        loss, probs = self._xent(logits, y)
        N, T, _ = X.shape

        dlogits = probs.copy()
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        G = {k: np.zeros_like(v) for k, v in P.items()}
        G["V"] = hs[-1].T @ dlogits
        G["b"] = dlogits.sum(axis=0)
        dh = dlogits @ P["V"].T

        for t in reversed(range(T)):
            x, h_prev = X[:, t], hs[t]
            z, r, c = steps[t]
            dc = dh * z
            dz = dh * (c - h_prev)
            dh_prev = dh * (1 - z)
            dc_pre = dc * (1 - c * c)
            G["Wc"] += x.T @ dc_pre
            G["Uc"] += (r * h_prev).T @ dc_pre
            G["bc"] += dc_pre.sum(axis=0)
            drh = dc_pre @ P["Uc"].T
            dr = drh * h_prev
            dh_prev += drh * r
            dr_pre = dr * r * (1 - r)
            dz_pre = dz * z * (1 - z)
            G["Wz"] += x.T @ dz_pre
            G["Uz"] += hs[t + 1].T @ dz_pre
            G["bz"] += dz_pre.sum(axis=0)
            G["Wr"] += x.T @ dr_pre
            G["Ur"] += hs[t + 1].T @ dr_pre
            G["br"] += dr_pre.sum(axis=0)
            dh_prev += dz_pre @ P["Uz"].T + dr_pre @ P["Ur"].T
            dh = dh_prev
        self.grads = G
        return loss

    def step(self):
        for k, p in self.params.items():
            self.velocity[k] = self.momentum * self.velocity[k] + self.grads[k]
            p -= self.lr * self.velocity[k]

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cls.npz"))
    net = GRUClassifier()
    for s in range(200):
        l = net.train_step(d["X"], d["y"])
        if s % 20 == 0:
            print(s, l)
