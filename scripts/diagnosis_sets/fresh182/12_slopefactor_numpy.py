"""Fresh182 case UZ12.

Sobolev training of a one-hidden-layer tanh MLP, from scratch in NumPy.

    h    = tanh(x @ W1 + b1)              x (N, 1), W1 (1, H), b1 (H,)
    u    = h @ W2 + b2                    W2 (H, 1), b2 (1,)
    u_x  = ((1 - h**2) * W1) @ W2         du/dx in closed form through the network
    loss = mean((u - y[:, 0])**2) + LAM * mean((u_x - y[:, 1])**2),   LAM = 0.5

The backward pass goes through u_x as well (second order: d(1 - h^2)/dz = -2 h (1 - h^2)),
written by hand. Adam (lr 0.01, betas 0.9/0.999, eps 1e-8, bias-corrected), as torch.optim.Adam.
"""

import os

import numpy as np

LAM = 0.5


class SobolevNet:
    def __init__(self, hidden=24, lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.uniform(-1.0, 1.0, (1, hidden)),
            "b1": rng.uniform(-1.0, 1.0, hidden),
            "W2": rng.uniform(-1.0, 1.0, (hidden, 1)) / np.sqrt(hidden),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.lr, self.beta1, self.beta2, self.eps = lr, betas[0], betas[1], eps
        self.t = 0

    def forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        s = 1.0 - h ** 2
        g = s * p["W1"]                      # dh/dx, (N, H)
        u = h @ p["W2"] + p["b2"]
        u_x = g @ p["W2"]
        self.cache = (X, h, s, g)
        return u, u_x

    def loss(self, X, y):
        u, u_x = self.forward(X)
        return float(np.mean((u - y[:, 0:1]) ** 2) + LAM * np.mean((u_x - y[:, 1:2]) ** 2))

    def backward(self, X, y):
        p = self.params
        u, u_x = self.forward(X)
        X, h, s, g = self.cache
        n = X.shape[0]
        ru = u - y[:, 0:1]
        rd = u_x - y[:, 1:2]
        loss = np.mean(ru ** 2) + LAM * np.mean(rd ** 2)

        du = 2.0 * ru / n                    # dL/du
        dux = LAM * rd / n             # dL/du_x
        self.grads["W2"] = h.T @ du + g.T @ dux
        self.grads["b2"] = du.sum(axis=0)

        dh = du @ p["W2"].T                  # through u
        dg = dux @ p["W2"].T                 # through u_x
        ds = dg * p["W1"]
        dz = dh * s + ds * (-2.0 * h * s)    # d(1 - h^2)/dz = -2 h (1 - h^2)
        self.grads["W1"] = X.T @ dz + (dg * s).sum(axis=0, keepdims=True)
        self.grads["b1"] = dz.sum(axis=0)
        return loss

    def adam(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, w in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            w -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sobolev.npz"))
    net = SobolevNet()
    for i in range(500):
        loss = net.train_step(d["X"], d["y"])
        if i % 50 == 0:
            print(i, loss)
