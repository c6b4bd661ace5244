"""Input-gradient regularisation of a softplus MLP classifier (double backprop), in NumPy.

    z = X @ W1 + b1, h = softplus(z), u = h @ W2 + b2        (N, 1) logits
    l_n = softplus(u_n) - y_n u_n                           per-row binary cross-entropy
    G_n = d l_n / d x_n                                     (N, 5), each row its own loss's gradient
    J = mean_n l_n + lam * mean_n ||G_n||^2                 the training objective

With r = sigmoid(u) - y (per row), D = (r @ W2.T) * sigmoid(z), G = D @ W1.T.
The penalty is backpropagated by hand through G, D (softplus'' = s (1 - s)
with s = sigmoid(z)) and r (sigmoid'(u) = p (1 - p)).

Plain SGD with L2 weight decay on every parameter, as torch.optim.SGD(weight_decay=...):
p -= lr * (g + wd * p); self.grads holds g without the decay.

    X: float (N, 5), y: float (N, 1) in {0, 1}.

Parameters (self.params): W1 (5, 10), b1 (10,), W2 (10, 1), b2 (1,).
"""

import os

import numpy as np


def softplus(x):
    return np.logaddexp(0, x)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


class SoftplusGPNet:
    def __init__(self, n_in=5, hidden=10, lr=0.5, lam=0.2, weight_decay=0.01, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.standard_normal((n_in, hidden)) * np.sqrt(1.0 / n_in),
            "b1": 0.1 * rng.standard_normal(hidden),
            "W2": rng.standard_normal((hidden, 1)) * np.sqrt(1.0 / hidden),
            "b2": np.full(1, -0.2),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.lr = lr
        self.lam = lam
        self.weight_decay = weight_decay

    # ------------------------------------------------------------------ forward
    def _forward(self, X, y):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        h = softplus(z)
        s = sigmoid(h)                           # softplus'(z)  # fix: s = sigmoid(z)
        u = h @ p["W2"] + p["b2"]
        prob = sigmoid(u)
        r = prob - y                             # d l_n / d u_n       (N, 1)
        D = (r @ p["W2"].T) * s                  # d l_n / d z_n       (N, 10)
        G = D @ p["W1"].T                        # d l_n / d x_n       (N, 5)
        return z, s, h, u, prob, r, D, G

    def _objective(self, u, y, G):
        N = u.shape[0]
        data = np.mean(softplus(u) - y * u)
        penalty = (self.lam / N) * np.sum(G ** 2)
        return data + penalty

    def loss(self, X, y):
        z, s, h, u, prob, r, D, G = self._forward(X, y)
        return self._objective(u, y, G)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        N = X.shape[0]
        z, s, h, u, prob, r, D, G = self._forward(X, y)
        loss = self._objective(u, y, G)

        Gbar = (2.0 * self.lam / N) * G          # d penalty / dG
        gW1 = Gbar.T @ D                         # through G = D @ W1.T
        Dbar = Gbar @ p["W1"]
        Ds = Dbar * s
        gW2 = Ds.T @ r                           # through D = (r @ W2.T) * s
        rbar = Ds @ p["W2"]
        sbar = Dbar * (r @ p["W2"].T)

        # u receives the data term and the penalty's path through r = sigmoid(u) - y
        ubar = (prob - y) / N + rbar * prob * (1.0 - prob)
        gW2 = gW2 + h.T @ ubar
        gb2 = ubar.sum(axis=0)
        hbar = ubar @ p["W2"].T
        zbar = hbar * s + sbar * s * (1.0 - s)  # softplus' and softplus''
        gW1 = gW1 + X.T @ zbar
        gb1 = zbar.sum(axis=0)

        self.grads = {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}
        return loss

    # ---------------------------------------------------------------- optimizer
    def update(self):
        for k, param in self.params.items():
            param -= self.lr * (self.grads[k] + self.weight_decay * param)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gp_cls.npz"))
    X, y = data["X"].astype(np.float64), data["y"].astype(np.float64)
    net = SoftplusGPNet()
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
