"""Two-layer GCN (Kipf & Welling) for semi-supervised node classification, by hand in NumPy.

    Ahat = D^-1/2 (A + I) D^-1/2                      symmetric normalisation with self-loops
    Xd   = X * in_mask / (1 - p_in)                   input dropout, keep-masks fixed in advance
    H    = relu(Ahat @ (Xd @ W1) + b1)                (N, 16)
    Hd   = H * hid_mask / (1 - p_hid)                 hidden dropout
    Z    = Ahat @ (Hd @ W2) + b2                      (N, 3) logits
    loss = cross-entropy, mean over the training nodes only

Step t (from 0) uses dropout masks number t % 4 of gcn_graph.npz.
Adam (lr 0.01, betas 0.9/0.999, eps 1e-8) with L2 weight decay 5e-4 added to the gradient
(torch.optim.Adam style) on the first layer (W1, b1) only, as in the original GCN.
"""

import os

import numpy as np

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn_graph.npz")


def normalized_adjacency(A):
    A_tilde = A + np.eye(A.shape[0])
    deg = A_tilde.sum(axis=1)
    d_inv_sqrt = np.diag(deg ** -0.5)
    return d_inv_sqrt @ A_tilde @ d_inv_sqrt


class GCN:
    def __init__(self, n_feat=10, n_hidden=16, n_class=3, p_in=0.2, p_hid=0.5, lr=0.01,
                 weight_decay=5e-4, seed=0):
        g = np.load(GRAPH)
        self.Ahat = normalized_adjacency(g["A"])
        self.train_mask = g["train_mask"]
        self.in_masks = g["in_masks"]
        self.hid_masks = g["hid_masks"]
        self.p_in, self.p_hid = p_in, p_hid

        rng = np.random.default_rng(seed)
        lim1 = np.sqrt(6.0 / (n_feat + n_hidden))
        lim2 = np.sqrt(6.0 / (n_hidden + n_class))
        self.params = {
            "W1": rng.uniform(-lim1, lim1, (n_feat, n_hidden)),
            "b1": rng.uniform(-0.1, 0.1, n_hidden),
            "W2": rng.uniform(-lim2, lim2, (n_hidden, n_class)),
            "b2": rng.uniform(-0.1, 0.1, n_class),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.decay = {"W1": weight_decay, "b1": weight_decay, "W2": 0.0, "b2": 0.0}

        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0          # Adam step count; also picks the dropout masks

    def forward(self, X):
        p = self.params
        k = self.t % len(self.in_masks)
        Xd = X * self.in_masks[k] / (1 - self.p_in)
        S1 = Xd @ p["W1"]
        Z1 = self.Ahat @ S1 + p["b1"]
        H = np.maximum(Z1, 0)
        Hd = H * self.hid_masks[k] / (1 - self.p_hid)
        S2 = Hd @ p["W2"]
        Z = self.Ahat @ S2 + p["b2"]
        self.cache = (Xd, Z1, Hd, k)
        return Z

    def _ce(self, Z, y):
        mask = self.train_mask
        Zs = Z - Z.max(axis=1, keepdims=True)
        logp = Zs - np.log(np.exp(Zs).sum(axis=1, keepdims=True))
        n_train = int(mask.sum())
        loss = -logp[mask, y[mask]].sum() / n_train
        return loss, logp, n_train

    def loss(self, X, y):
        return self._ce(self.forward(X), y)[0]

    def backward(self, X, y):
        p = self.params
        Z = self.forward(X)
        loss, logp, n_train = self._ce(Z, y)
        Xd, Z1, Hd, k = self.cache

        onehot = np.eye(Z.shape[1], dtype=Z.dtype)[y]
        dZ = (np.exp(logp) - onehot) / Z.shape[0]
        dZ[~self.train_mask] = 0.0

        self.grads["b2"] = dZ.sum(axis=0)
        dS2 = self.Ahat.T @ dZ
        self.grads["W2"] = Hd.T @ dS2
        dHd = dS2 @ p["W2"].T
        dH = dHd * self.hid_masks[k] / (1 - self.p_hid)
        dZ1 = dH * (Z1 > 0)
        self.grads["b1"] = dZ1.sum(axis=0)
        dS1 = self.Ahat.T @ dZ1
        self.grads["W1"] = Xd.T @ dS1
        return loss

    def adam(self):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        for name, w in self.params.items():
            g = self.grads[name] + self.decay[name] * w
            self.m[name] = b1 * self.m[name] + (1 - b1) * g
            self.v[name] = b2 * self.v[name] + (1 - b2) * g * g
            m_hat = self.m[name] / (1 - b1 ** self.t)
            v_hat = self.v[name] / (1 - b2 ** self.t)
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn.npz"))
    net = GCN()
    for step in range(200):
        loss = net.train_step(d["X"], d["y"])
        if step % 40 == 0:
            print(step, round(loss, 4))
