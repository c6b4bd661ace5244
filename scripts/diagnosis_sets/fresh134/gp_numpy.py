"""Double backprop: a tanh MLP regressor trained with a penalty on its input gradient, in NumPy.

    z = X @ W1 + b1, h = tanh(z), f = h @ W2 + b2           (N, 1)
    L = mean((f - y)^2)
    G = dL/dX                                                (N, 4), by the chain rule
    J = L + lam * sum(G^2)                                   the training objective

G is itself a function of the parameters (through W1, W2, and tanh'(z)), so
the gradient of the penalty is a second-order backward pass, written by hand:
the penalty is backpropagated through G = D @ W1.T, D = (r @ W2.T) * (1 - h^2),
r = (2 / N) (f - y).

Adam (beta1 0.9, beta2 0.99, eps 1e-8) with bias correction, as torch.optim.Adam.

    X: float (N, 4), y: float (N, 1).

Parameters (self.params): W1 (4, 12), b1 (12,), W2 (12, 1), b2 (1,).
Gradients: self.grads. Optimizer state: self.m, self.v, step count self.t.
"""

import os

import numpy as np


class GradPenaltyNet:
    def __init__(self, n_in=4, hidden=12, lr=0.01, lam=0.5, betas=(0.9, 0.99), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * np.sqrt(1.0 / n_in),
            "b1": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, 1)) * np.sqrt(1.0 / hidden),
            "b2": np.zeros(1),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.lr = lr
        self.lam = lam
        self.betas = betas
        self.eps = eps

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        p = self.params
        h = np.tanh(X @ p["W1"] + p["b1"])
        f = h @ p["W2"] + p["b2"]
        return h, f

    def input_gradient(self, X, y):
        """G = dL/dX with the pieces the second backward pass needs."""
        p = self.params
        N = X.shape[0]
        h, f = self._forward(X)
        r = (2.0 / N) * (f - y)                 # dL/df       (N, 1)
        s = 1.0 - h ** 2                        # tanh'(z)    (N, 12)
        D = (r @ p["W2"].T) * s                 # dL/dz       (N, 12)
        G = D @ p["W1"].T                       # dL/dX       (N, 4)
        return G, (h, f, r, s, D)

    def loss(self, X, y):
        G, (h, f, r, s, D) = self.input_gradient(X, y)
        return np.mean((f - y) ** 2) + self.lam * np.sum(G ** 2)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        G, (h, f, r, s, D) = self.input_gradient(X, y)
        loss = np.mean((f - y) ** 2) + self.lam * np.sum(G ** 2)

        # the penalty, backward through G = D @ W1.T
        Gbar = 2.0 * self.lam * G                # d penalty / dG
        gW1 = Gbar.T @ D                         # W1's direct role in G
        Dbar = Gbar @ p["W1"]
        # through D = (r @ W2.T) * s
        Ds = Dbar * s
        rbar = Ds @ p["W2"]                      # (N, 1)
        gW2 = Ds.T @ r                           # W2's direct role in D
        sbar = Dbar * (r @ p["W2"].T)
        hbar = sbar * (-2.0 * h)                 # s = 1 - h^2

        # the data term and the penalty's path through r = (2/N)(f - y) meet at f
        fbar = r + (2.0 / N) * rbar
        gW2 = gW2 + h.T @ fbar
        gb2 = fbar.sum(axis=0)
        hbar = hbar + fbar @ p["W2"].T
        zbar = hbar * s
        gW1 = gW1 + X.T @ zbar
        gb1 = zbar.sum(axis=0)

        self.grads = {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        self.t += 1
        b1, b2 = self.betas
        for k, param in self.params.items():
            g = self.grads[k]
            self.m[k] = b1 * self.m[k] + (1 - b1) * g
            self.v[k] = b2 * self.v[k] + (1 - b2) * g * g
            m_hat = self.m[k] / (1 - b1 ** self.t)
            v_hat = self.v[k] / (1 - b2 ** self.t)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gp_reg.npz"))
    X, y = data["X"].astype(np.float64), data["y"].astype(np.float64)
    net = GradPenaltyNet()
    # finite-difference check of the hand-written second-order backward
    net.backward(X, y)
    for k in net.params:
        P = net.params[k]
        num = np.zeros_like(P)
        for i in np.ndindex(P.shape):
            old = P[i]
            P[i] = old + 1e-6; lp = net.loss(X, y)
            P[i] = old - 1e-6; lm = net.loss(X, y)
            P[i] = old
            num[i] = (lp - lm) / 2e-6
        print(k, np.abs(num - net.grads[k]).max(), np.abs(num).max())
    for step in range(200):
        loss = net.train_step(X, y)
        if step % 40 == 0:
            print(step, loss)
