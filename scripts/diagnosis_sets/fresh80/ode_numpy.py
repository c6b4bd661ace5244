"""A small neural ODE in NumPy, integrated by explicit Euler and trained through the unrolled loop.

The input is lifted to the hidden state h_0 = X A + a; the vector field f(h) = tanh(h W + b) with
ONE weight matrix W and bias b shared by every step is integrated over [0, T] by N_STEPS explicit
Euler steps, h_{k+1} = h_k + DT * f(h_k) (DT = T / N_STEPS); the readout is y_hat = h_N c + c0.
The loss is the mean squared error against the scalar target. Back-propagation runs the Euler loop
backwards (the adjoint of each step: the identity path plus DT times the vector field's Jacobian),
the gradients of W and b summed over the steps. The gradients are clipped to a global L2 norm of
MAX_NORM (as torch.nn.utils.clip_grad_norm_) and AdamW updates them (decoupled weight decay on
every parameter, bias-corrected moments, eps outside the square root).

    X: float (n, 5), y: float (n,) the regression target
"""

import numpy as np

D_IN, HIDDEN = 5, 8
T, N_STEPS = 1.0, 6
DT = T / N_STEPS
LR, WD, MAX_NORM = 0.01, 0.05, 2.0
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


class EulerODE:
    def __init__(self, seed=80):
        rng = np.random.default_rng(seed)
        self.params = {
            "A": rng.normal(0.0, 1.0 / np.sqrt(D_IN), (D_IN, HIDDEN)),
            "a": np.zeros(HIDDEN),
            "W": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HIDDEN)),
            "b": rng.normal(0.0, 0.1, HIDDEN),
            "c": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1)),
            "c0": np.zeros(1),
        }
        self.m = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.v = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        h = X @ p["A"] + p["a"]
        hs, fs = [h], []
        for _ in range(N_STEPS):
            f = np.tanh(h @ p["W"] + p["b"])
            h = h + DT * f
            hs.append(h)
            fs.append(f)
        yhat = h @ p["c"] + p["c0"]
        return hs, fs, yhat

    def loss(self, X, y):
        yhat = self.forward(X)[2]
        return float(np.mean((yhat[:, 0] - y) ** 2))

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        hs, fs, yhat = self.forward(X)
        err = yhat[:, 0] - y
        loss = np.mean(err ** 2)

        g = {k: np.zeros_like(v) for k, v in p.items()}
        dy = (2.0 / n) * err[:, None]
        g["c"] = hs[-1].T @ dy
        g["c0"] = dy.sum(axis=0)
        dh = dy @ p["c"].T
        for k in reversed(range(N_STEPS)):
            dpre = DT * dh * (1.0 - fs[k] ** 2)
            g["W"] += hs[k].T @ dpre
            g["b"] += dpre.sum(axis=0)
            dh = dh + dpre @ p["W"].T
        g["A"] = X.T @ dh
        g["a"] = dh.sum(axis=0)

        norm = np.sqrt(sum(np.sum(gk ** 2) for gk in g.values()))
        coef = min(1.0, MAX_NORM / (norm + 1e-6))
        for k in g:
            g[k] = g[k] * coef
        self.grads = g

        self.t += 1
        for k in p:
            p[k] *= 1.0 - LR * WD
            self.m[k] = BETA1 * self.m[k] + (1.0 - BETA1) * g[k]
            self.v[k] = BETA2 * self.v[k] + (1.0 - BETA2) * g[k] ** 2
            m_hat = self.m[k] / (1.0 - BETA1 ** self.t)
            v_hat = self.v[k] / (1.0 - BETA2 ** self.t)
            p[k] -= LR * m_hat / (np.sqrt(v_hat) + EPS)
        return float(loss)
