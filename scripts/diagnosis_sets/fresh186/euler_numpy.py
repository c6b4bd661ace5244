"""A neural ODE regressor integrated by explicit Euler, trained from scratch in NumPy.

    h_0     = x @ Win + bin                                  lift 3 -> 6
    f(h)    = tanh(h @ W1 + b1) @ W2 + b2                    vector field 6 -> 16 -> 6
    h_{k+1} = h_k + dt f(h_k),   k = 0..K-1,   dt = t_end / K   (K = 4, t_end = 1)
    yhat    = h_K @ Wout + bout                              readout 6 -> 1
    loss    = mean((yhat - y) ** 2)

The same field weights are used at every Euler step; backward is the discrete
adjoint, back through every step by hand. Optimizer: Adam (lr 0.01, betas
(0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam).

    X float (N, 3), y float (N,)
"""

import os

import numpy as np


class EulerODERegressor:
    def __init__(self, n_in=3, dim=6, hidden=16, n_steps=4, t_end=1.0,
                 lr=0.01, betas=(0.9, 0.999), eps=1e-8, seed=0):
        rng = np.random.default_rng(seed)

        def uniform(fan_in, shape):
            bound = 1.0 / np.sqrt(fan_in)
            return rng.uniform(-bound, bound, shape)

        self.params = {
            "Win": uniform(n_in, (n_in, dim)), "bin": uniform(n_in, (dim,)),
            "W1": uniform(dim, (dim, hidden)), "b1": uniform(dim, (hidden,)),
            "W2": uniform(hidden, (hidden, dim)), "b2": uniform(hidden, (dim,)),
            "Wout": uniform(dim, (dim, 1)), "bout": uniform(dim, (1,)),
        }
        self.grads = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.n_steps = n_steps
        self.dt = t_end / n_steps
        self.lr = lr
        self.beta1, self.beta2 = betas
        self.eps = eps
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0

    # ------------------------------------------------------------------ forward
    def forward(self, X):
        p = self.params
        h = X @ p["Win"] + p["bin"]
        hs = [h]
        for _ in range(self.n_steps):
            a = np.tanh(h @ p["W1"] + p["b1"])
            h = h + self.dt * (a @ p["W2"] + p["b2"])
            hs.append(h)
        yhat = (h @ p["Wout"] + p["bout"])[:, 0]
        return yhat, hs

    def loss(self, X, y):
        yhat, _ = self.forward(X)
        return np.mean((yhat - y) ** 2)

    # ----------------------------------------------------------------- backward
    def backward(self, X, y):
        p = self.params
        yhat, hs = self.forward(X)
        N = X.shape[0]
        diff = yhat - y
        loss = np.mean(diff ** 2)

        dyhat = 2.0 * diff / N                       # (N,)
        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Wout"] = hs[-1].T @ dyhat[:, None]
        g["bout"] = np.array([dyhat.sum()], dtype=dyhat.dtype)
        dh = dyhat[:, None] @ p["Wout"].T            # adjoint at h_K

        for k in reversed(range(self.n_steps)):
            h_k = hs[k]
            z = h_k @ p["W1"] + p["b1"]
            a = np.tanh(z)
            df = self.dt * dh                        # d loss / d f(h_k)
            g["W2"] += a.T @ df
            g["b2"] += df.sum(axis=0)
            dz = (df @ p["W2"].T) * (1.0 - a ** 2)
            g["W1"] += h_k.T @ dz
            g["b1"] += dz.sum(axis=0)
            dh = dh + dz @ p["W1"].T                 # identity path + field Jacobian

        g["Win"] = X.T @ dh
        g["bin"] = dh.sum(axis=0)
        self.grads = g
        return loss

    # ---------------------------------------------------------------- optimizer
    def adam_update(self):
        self.t += 1
        bc1 = 1.0 - self.beta1 ** self.t
        bc2 = 1.0 - self.beta2 ** self.t
        for k, p in self.params.items():
            g = self.grads[k]
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * g * g
            m_hat = self.m[k] / bc1
            v_hat = self.v[k] / bc2
            p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)

    def train_step(self, X, y):
        loss = self.backward(X, y)
        self.adam_update()
        return float(loss)


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "euler.npz"))
    net = EulerODERegressor()
    for step in range(200):
        loss = net.train_step(data["X"].astype(np.float64), data["y"].astype(np.float64))
        if step % 20 == 0:
            print(step, loss)
