"""Fresh182 case UZ16.

A physics-informed network for the ODE u' + A u = f, two tanh hidden layers, in NumPy.

Weights are kept in the torch layout (out, in): z = a @ W.T + b.

    z1 = x @ W1.T + b1,  h1 = tanh(z1)         x (N, 1), W1 (16, 1)
    z2 = h1 @ W2.T + b2, h2 = tanh(z2)         W2 (16, 16)
    u  = h2 @ W3.T + b3                        W3 (1, 16)
    u_x by forward-mode differentiation through the same layers:
        g1 = (1 - h1^2) * W1.T,  q2 = g1 @ W2.T,  g2 = (1 - h2^2) * q2,  u_x = g2 @ W3.T
    r    = u_x + A u - f                       (A = 1, f = y[:, 1])
    loss = W_DATA * mean((u - y[:, 0])^2) + W_RES * mean(r^2),   W_DATA = 1, W_RES = 0.5

Backward written by hand through u and u_x (second order in the tanh layers).
SGD with heavy-ball momentum as torch.optim.SGD: v = mu v + g; p -= lr v (lr 0.02, mu 0.9).
"""

import os

import numpy as np

A = 1.0
W_DATA = 1.0
W_RES = 0.5


class PINN:
    def __init__(self, width=16, lr=0.02, momentum=0.9, seed=1):
        rng = np.random.default_rng(seed)

        def lin(n_out, n_in):
            bound = 1.0 / np.sqrt(n_in)
            return rng.uniform(-bound, bound, (n_out, n_in)), rng.uniform(-bound, bound, n_out)

        self.W1, self.b1 = lin(width, 1)
        self.W1 = self.W1 * 2.0
        self.W2, self.b2 = lin(width, width)
        self.W3, self.b3 = lin(1, width)
        self.names = ["W1", "b1", "W2", "b2", "W3", "b3"]
        self.lr = lr
        self.momentum = momentum
        self.grads = {}
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}

    def forward(self, X):
        h1 = np.tanh(X @ self.W1.T + self.b1)
        s1 = 1.0 - h1 * h1
        g1 = s1 * self.W1.T                  # dh1/dx, (N, 16)
        h2 = np.tanh(h1 @ self.W2.T + self.b2)
        s2 = 1.0 - h2 * h2
        q2 = g1 @ self.W2.T                  # dz2/dx
        g2 = s2 * q2                         # dh2/dx
        u = h2 @ self.W3.T + self.b3
        u_x = g2 @ self.W3.T
        return u, u_x, (h1, s1, g1, h2, s2, q2, g2)

    def loss(self, X, y):
        u, u_x, _ = self.forward(X)
        r = u_x + A * u - y[:, 1:2]
        return float(W_DATA * np.mean((u - y[:, 0:1]) ** 2) + W_RES * np.mean(r ** 2))

    def backward(self, X, y):
        u, u_x, (h1, s1, g1, h2, s2, q2, g2) = self.forward(X)
        n = X.shape[0]
        e = u - y[:, 0:1]
        r = u_x + A * u - y[:, 1:2]
        loss = W_DATA * np.mean(e ** 2) + W_RES * np.mean(r ** 2)

        dr = 2.0 * W_RES * r / n
        du = 2.0 * W_DATA * e / n + A * dr   # r depends on u too
        dux = dr

        self.grads["W3"] = du.T @ h2 + dux.T @ g2
        self.grads["b3"] = du.sum(axis=0)
        dh2 = du @ self.W3
        dg2 = dux @ self.W3
        dq2 = dg2 * s2
        dh2 = dh2 + (dg2 * q2) * (-2.0 * h2)
        dz2 = dh2 * s2
        self.grads["W2"] = h1.T @ dz2 + g1.T @ dq2
        self.grads["b2"] = dz2.sum(axis=0)
        dh1 = dz2 @ self.W2
        dg1 = dq2 @ self.W2
        dh1 = dh1 + (dg1 * self.W1.T) * (-2.0 * h1)
        dz1 = dh1 * s1
        self.grads["W1"] = dz1.T @ X + (dg1 * s1).sum(axis=0)[:, None]
        self.grads["b1"] = dz1.sum(axis=0)
        return loss

    def step(self):
        for k in self.names:
            v = self.velocity[k]
            v[...] = self.momentum * v + self.grads[k]
            setattr(self, k, getattr(self, k) - self.lr * v)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.step()
        return float(loss)


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pinn.npz"))
    net = PINN()
    for i in range(1000):
        loss = net.train_step(d["X"], d["y"])
        if i % 100 == 0:
            print(i, loss)
