"""A concrete autoencoder (differentiable feature selection, Abid et al. 2019) in NumPy.

A selection layer of k concrete (Gumbel-softmax) rows picks k of the D input features,
and a small decoder reconstructs all D features from them:

    tau_t = tau0 * (tau_end / tau0) ** (t / total_steps)   exponential annealing, t = 0, 1, ...
    M     = softmax((alpha + g_t) / tau_t, axis=1)          (k, D), each row a relaxed one-hot over
                                                             the features; g_t = gumbel[t % T] (data)
    S     = X M^T                                            (N, k) the selected features
    h     = relu(S W1 + b1)                                  (N, H)
    xhat  = h W2 + b2                                        (N, D)
    loss  = mean((xhat - y)^2)                               over every element

Backward by hand; SGD with momentum as torch.optim.SGD (v = mu v + g; p -= lr v), by hand.
Parameters: self.params = {alpha (k, D), W1 (k, H), b1 (H,), W2 (H, D), b2 (D,)}.
"""

import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class ConcreteAE:
    def __init__(self, D=10, k=4, H=12, tau0=2.0, tau_end=0.2, total_steps=20,
                 lr=0.05, momentum=0.9, seed=0):
        rng = np.random.default_rng(seed)
        self.params = {
            "alpha": rng.normal(0, 0.5, (k, D)),
            "W1": rng.normal(0, 1 / math.sqrt(k), (k, H)),
            "b1": np.full(H, 0.1),
            "W2": rng.normal(0, 1 / math.sqrt(H), (H, D)),
            "b2": np.zeros(D),
        }
        self.grads = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.velocity = {n: np.zeros_like(p) for n, p in self.params.items()}
        self.gumbel = np.load(os.path.join(HERE, "concrete.npz"))["gumbel"]
        self.tau0, self.tau_end, self.total_steps = tau0, tau_end, total_steps
        self.lr, self.momentum = lr, momentum
        self.t = 0

    def temperature(self):
        return self.tau0 * (self.tau_end / self.tau0) ** (self.t / self.total_steps)

    def forward(self, X):
        p = self.params
        tau = self.temperature()
        g = self.gumbel[self.t % len(self.gumbel)].astype(p["alpha"].dtype)
        s = (p["alpha"] + g) / tau
        e = np.exp(s - s.max(axis=1, keepdims=True))
        M = e / e.sum(axis=1, keepdims=True)
        S = X @ M.T
        pre = S @ p["W1"] + p["b1"]
        h = np.maximum(pre, 0)
        xhat = h @ p["W2"] + p["b2"]
        return xhat, (tau, M, S, pre, h)

    def loss(self, X, y):
        return ((self.forward(X)[0] - y) ** 2).mean()

    def backward(self, X, y):
        p = self.params
        xhat, (tau, M, S, pre, h) = self.forward(X)
        loss = ((xhat - y) ** 2).mean()
        dxhat = 2 * (xhat - y) / xhat.size
        self.grads["W2"] = h.T @ dxhat
        self.grads["b2"] = dxhat.sum(axis=0)
        dh = dxhat @ p["W2"].T
        dpre = dh * (pre > 0)
        self.grads["W1"] = S.T @ dpre
        self.grads["b1"] = dpre.sum(axis=0)
        dS = dpre @ p["W1"].T                      # (N, k)
        dM = dS.T @ X                              # (k, D)
        ds = M * (dM - (dM * M).sum(axis=1, keepdims=True))
        self.grads["alpha"] = ds / tau
        return loss

    def sgd_momentum(self):
        for n, p in self.params.items():
            self.velocity[n] = self.momentum * self.velocity[n] + self.grads[n]
            p -= self.lr * self.velocity[n]
        self.t += 1

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.sgd_momentum()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "concrete.npz"))
    net = ConcreteAE()
    for step in range(20):
        print(step, net.train_step(data["X"], data["y"]))
    print(net.params["alpha"].argmax(axis=1))
