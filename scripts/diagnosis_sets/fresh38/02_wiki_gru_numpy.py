"""Many-to-one GRU regressor in NumPy, the fully gated unit as Wikipedia writes it:

    z = sigmoid(x W_z + h U_z + b_z), r = sigmoid(x W_r + h U_r + b_r),
    h~ = tanh(x W_h + (r * h) U_h + b_h), h' = (1 - z) * h + z * h~,

each gate with its own matrices in one dict, the last state into a linear readout. Mean squared
error, back-propagation through time written out gate by gate, heavy-ball momentum (torch's
form, v = mu v + g, p -= lr v).

    X: (n, 5, 4), y: (n, 1)
"""

import numpy as np

D, H = 4, 6


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


class WikiGRU:
    def __init__(self, lr=0.1, mu=0.9, seed=2):
        rng = np.random.default_rng(seed)
        p = {}
        for gate in "zrh":
            p["W" + gate] = rng.normal(0.0, 0.5, (D, H))
            p["U" + gate] = rng.normal(0.0, 0.4, (H, H))
            p["b" + gate] = np.zeros(H)
        p["Wy"] = rng.normal(0.0, 0.5, (H, 1))
        p["by"] = np.zeros(1)
        self.p = p
        self.lr, self.mu = lr, mu
        self.velocity = {k: np.zeros_like(v) for k, v in p.items()}

    def forward(self, X):
        p = self.p
        h = np.zeros((X.shape[0], H), dtype=X.dtype)
        self.steps = []
        for t in range(X.shape[1]):
            x = X[:, t]
            z = sigmoid(x @ p["Wz"] + h @ p["Uz"] + p["bz"])
            r = sigmoid(x @ p["Wr"] + h @ p["Ur"] + p["br"])
            hh = np.tanh(x @ p["Wh"] + (r * h) @ p["Uh"] + p["bh"])
            self.steps.append((x, h, z, r, hh))
            h = (1.0 - z) * h + z * hh
        self.h = h
        return h @ p["Wy"] + p["by"]

    def loss(self, X, y):
        return float(np.mean((self.forward(X) - y) ** 2))

    def train_step(self, X, y):
        p = self.p
        pred = self.forward(X)
        loss = np.mean((pred - y) ** 2)
        dpred = 2.0 * (pred - y) / len(X)
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Wy"] = self.h.T @ dpred
        g["by"] = dpred.sum(axis=0)
        dh = dpred @ p["Wy"].T
        for x, h_prev, z, r, hh in reversed(self.steps):
            dhh = dh * z
            dz = dh * (hh - h_prev)
            dh_prev = dh * (1.0 - z)
            da_h = dhh * (1.0 - hh ** 2)
            g["Wh"] += x.T @ da_h
            g["Uh"] += (r * h_prev).T @ da_h
            g["bh"] += da_h.sum(axis=0)
            d_rh = da_h @ p["Uh"].T
            dr = d_rh * h_prev
            dh_prev += d_rh * r
            da_z = dz * z * (1.0 - z)
            g["Wz"] += x.T @ da_z
            g["Uz"] += h_prev.T @ da_z
            g["bz"] += da_z.sum(axis=0)
            dh_prev += da_z @ p["Uz"].T
            da_r = dr * r * (1.0 - r)
            g["Wr"] += x.T @ da_r
            g["Ur"] += h_prev.T @ da_r
            g["br"] += da_r.sum(axis=0)
            dh_prev += da_r @ p["Ur"].T
            dh = dh_prev
        self.grads = g
        for k in p:
            self.velocity[k] = self.mu * self.velocity[k] + g[k]
            p[k] -= self.lr * self.velocity[k]
        return float(loss)
