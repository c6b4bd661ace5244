"""A small regression MLP with batch normalisation and a fixed dropout mask, in NumPy.

    x, mask = X[:, :6], X[:, 6:]                       the keep-mask comes with the data
    z1  = x @ W1 + b1                                  (N, 24)
    zn  = gamma * (z1 - mean) / sqrt(var + eps) + beta batch mean, biased batch variance
    a   = relu(zn)
    d   = a * mask / (1 - drop)                        inverted dropout, drop = 0.25
    out = d @ W2 + b2                                  (N, 1) -> pred (N,)
    loss = mean((pred - y) ** 2)

Running statistics as torch.nn.BatchNorm1d (momentum 0.1, the running variance takes the
unbiased batch variance). After every step an eval-mode forward (running statistics, no
dropout) is kept in self.eval_out.

SGD with Nesterov momentum 0.9 and coupled L2 weight decay 5e-3, as torch.optim.SGD:
    g = grad + wd * p;  v = mu * v + g;  p -= lr * (g + mu * v)
"""

import numpy as np


class BNRegressor:
    names = ("W1", "b1", "gamma", "beta", "W2", "b2")

    def __init__(self, n_in=6, hidden=24, lr=0.05, momentum=0.9, weight_decay=5e-3,
                 drop=0.25, eps=1e-5, bn_momentum=0.1, seed=0):
        rng = np.random.default_rng(seed)
        self.n_in = n_in
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, hidden))
        self.b1 = rng.normal(0.0, 0.1, hidden)
        self.gamma = 1.0 + 0.1 * rng.normal(size=hidden)
        self.beta = 0.1 * rng.normal(size=hidden)
        self.W2 = rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1))
        self.b2 = np.zeros(1)
        self.running_mean = np.zeros(hidden)
        self.running_var = np.ones(hidden)
        self.lr, self.mu, self.wd = lr, momentum, weight_decay
        self.drop, self.eps, self.bn_momentum = drop, eps, bn_momentum
        self.velocity = {k: np.zeros_like(getattr(self, k)) for k in self.names}
        self.grads = {}
        self.eval_out = None

    def forward(self, X, training=True):
        x = X[:, :self.n_in]
        z1 = x @ self.W1 + self.b1
        if training:
            n = z1.shape[0]
            mean = z1.mean(axis=0)
            var = z1.var(axis=0)
            m = self.bn_momentum
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * (n / (n - 1))
        else:
            mean, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)
        xhat = (z1 - mean) * inv_std
        zn = self.gamma * xhat + self.beta
        a = np.maximum(zn, 0.0)
        if training:
            mask = X[:, self.n_in:] / (1 - self.drop)
            d = a * mask
        else:
            mask = None
            d = a
        out = d @ self.W2 + self.b2
        cache = (x, xhat, inv_std, zn, mask, d)
        return out[:, 0], cache

    def backward(self, X, y):
        pred, (x, xhat, inv_std, zn, mask, d) = self.forward(X, training=True)
        n = pred.shape[0]
        err = pred - y
        loss = np.mean(err ** 2)

        dout = (2.0 / n) * err[:, None]
        g = {}
        g["W2"] = d.T @ dout
        g["b2"] = dout.sum(axis=0)
        dd = dout @ self.W2.T
        da = dd * mask
        dzn = da * (zn > 0)
        g["gamma"] = (dzn * xhat).sum(axis=0)
        g["beta"] = dzn.sum(axis=0)
        dxhat = dzn * self.gamma
        dz1 = inv_std * (dxhat - dxhat.mean(axis=0) - xhat * (dxhat * xhat).mean(axis=0))
        g["W1"] = x.T @ dz1
        g["b1"] = dz1.sum(axis=0)
        self.grads = g
        return loss

    def update(self):
        for k in self.names:
            p = getattr(self, k)
            g = self.grads[k] + self.wd * p
            v = self.velocity[k]
            v[...] = self.mu * v + g
            p -= self.lr * (g + self.mu * v)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.update()
        self.eval_out = self.forward(X, training=False)[0]
        return float(loss)


if __name__ == "__main__":
    import os
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bn.npz"))
    net = BNRegressor()
    for step in range(50):
        loss = net.train_step(data["X"].astype(np.float64), data["y"].astype(np.float64))
        if step % 10 == 0:
            print(step, loss)
