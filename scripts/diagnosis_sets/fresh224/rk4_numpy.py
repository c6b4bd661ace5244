"""A neural ODE regressor integrated with classical RK4, from scratch in NumPy.

    h(0)   = X @ Win + bin                           encoder, (N, 8)
    f(h)   = tanh(h @ W1 + b1) @ W2 + b2             the vector field, 8 -> 16 -> 8
    K = 4 RK4 steps of size dt = 1/K from t = 0 to 1:
        k1 = f(h); k2 = f(h + dt/2 k1); k3 = f(h + dt/2 k2); k4 = f(h + dt k3)
        h  = h + dt/6 (k1 + 2 k2 + 2 k3 + k4)
    pred   = (h(1) @ Wout + bout)[:, 0]
    loss   = mean((pred - y) ** 2)

Backward by hand through every RK4 stage of every step (discretise-then-optimise).
Adam (lr 0.01, betas 0.9 / 0.999, eps 1e-8), bias-corrected, as torch.optim.Adam.
"""

import math

import numpy as np


class ODERegressor:
    def __init__(self, n_in=4, state=8, width=16, steps=4, lr=0.01, seed=0):
        rng = np.random.default_rng(seed)

        def uni(fan_in, shape):
            bound = 1.0 / math.sqrt(fan_in)
            return rng.uniform(-bound, bound, shape)

        self.params = {
            "Win": uni(n_in, (n_in, state)), "bin": uni(n_in, state),
            "W1": uni(state, (state, width)), "b1": uni(state, width),
            "W2": uni(width, (width, state)), "b2": uni(width, state),
            "Wout": uni(state, (state, 1)), "bout": uni(state, 1),
        }
        self.K = steps
        self.dt = 1.0 / steps
        self.lr, self.beta1, self.beta2, self.eps = lr, 0.9, 0.999, 1e-8
        self.m = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.v = {k: np.zeros_like(p) for k, p in self.params.items()}
        self.t = 0
        self.grads = {}

    # ------------------------------------------------------------ vector field
    def field(self, h):
        p = self.params
        a = np.tanh(h @ p["W1"] + p["b1"])
        return a @ p["W2"] + p["b2"], a

    def field_backward(self, g, u, a, grads):
        """g = dL/df at input u (activation a); accumulates parameter grads, returns dL/du."""
        p = self.params
        grads["W2"] += a.T @ g
        grads["b2"] += g.sum(axis=0)
        dz = (g @ p["W2"].T) * (1.0 - a ** 2)
        grads["W1"] += u.T @ dz
        grads["b1"] += dz.sum(axis=0)
        return dz @ p["W1"].T

    # ----------------------------------------------------------------- forward
    def forward(self, X):
        p, dt = self.params, self.dt
        h = X @ p["Win"] + p["bin"]
        hs, caches = [h], []
        for _ in range(self.K):
            u1 = h
            k1, a1 = self.field(u1)
            u2 = h + 0.5 * dt * k1
            k2, a2 = self.field(u2)
            u3 = h + 0.5 * dt * k2
            k3, a3 = self.field(u3)
            u4 = h + dt * k3
            k4, a4 = self.field(u4)
            h = h + dt / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4)
            caches.append(((u1, a1), (u2, a2), (u3, a3), (u4, a4)))
            hs.append(h)
        pred = (h @ p["Wout"] + p["bout"])[:, 0]
        return pred, hs, caches

    def predict(self, X):
        return self.forward(np.asarray(X, dtype=self.params["Win"].dtype))[0]

    def loss(self, X, y):
        return float(np.mean((self.predict(X) - y) ** 2))

    # ---------------------------------------------------------------- backward
    def backward(self, X, y):
        p, dt = self.params, self.dt
        X = np.asarray(X, dtype=p["Win"].dtype)
        y = np.asarray(y, dtype=p["Win"].dtype)
        pred, hs, caches = self.forward(X)
        diff = pred - y
        loss = np.mean(diff ** 2)
        grads = {k: np.zeros_like(v) for k, v in p.items()}

        dout = (2.0 * diff / diff.shape[0])[:, None]
        grads["Wout"] = hs[-1].T @ dout
        grads["bout"] = dout.sum(axis=0)
        dh = dout @ p["Wout"].T
        for k in reversed(range(self.K)):
            (u1, a1), (u2, a2), (u3, a3), (u4, a4) = caches[k]
            dk1 = dt / 6.0 * dh
            dk2 = dt / 3.0 * dh
            dk3 = dt / 3.0 * dh
            dk4 = dt / 6.0 * dh
            dprev = dh.copy()
            du4 = self.field_backward(dk4, u4, a4, grads)
            dprev += du4
            dk3 += dt * du4
            du3 = self.field_backward(dk3, u3, a3, grads)
            dprev += du3
            dk2 += 0.5 * dt * du3
            du2 = self.field_backward(dk2, u2, a2, grads)
            dprev += du2
            dk1 += 0.5 * dt * du2
            du1 = self.field_backward(dk1, u1, a1, grads)
            dprev += du1
            dh = dprev
        grads["Win"] = X.T @ dh
        grads["bin"] = dh.sum(axis=0)
        self.grads = grads
        return loss

    # --------------------------------------------------------------- optimizer
    def adam(self):
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
        self.adam()
        return float(loss)


if __name__ == "__main__":
    import os
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rk4.npz"))
    net = ODERegressor()
    for s in range(200):
        l = net.train_step(d["X"], d["y"])
        if s % 20 == 0:
            print(s, l)
