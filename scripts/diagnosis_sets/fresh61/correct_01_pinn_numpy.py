"""Physics-informed network for u'' + u = f(x) on (0, L), u(0) = 0.5, u(L) = 0.2, by hand in NumPy.

u(x) = tanh((x / L) W1 + b1) W2 + b2 with the input scaled by S = 1 / L. The second derivative with
respect to x is written out: u_xx = S^2 sum_j W2_j W1_j^2 tanh''(a_j), and the parameter gradients of
the residual r = u_xx + u - f follow by hand (tanh''' included). Loss: mean(r^2) over the collocation
points plus LAM times the mean squared boundary error over the two boundary points. Plain SGD.

    X: (n, 1) collocation points, y: (n, 1) the forcing f(x)
"""

import numpy as np

L = 3.0
S = 1.0 / L
LAM = 5.0
LR = 0.05
XB = np.array([[0.0], [L]])
UB = np.array([[0.5], [0.2]])


class PoissonPINN:
    def __init__(self, hidden=10, seed=61):
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": rng.normal(0.0, 1.5, (1, hidden)),
            "b1": rng.normal(0.0, 0.5, hidden),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
            "b2": np.zeros(1),
        }

    def train_step(self, X, y):
        p = self.params
        W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
        w = W1[0]
        n = len(X)
        xb, ub = XB.astype(X.dtype), UB.astype(X.dtype)

        xs = X * S
        t = np.tanh(xs @ W1 + b1)
        t1 = 1.0 - t ** 2
        t2 = -2.0 * t * t1
        t3 = -2.0 * t1 * (1.0 - 3.0 * t ** 2)
        u = t @ W2 + b2
        u_xx = (S ** 2 * w ** 2 * t2) @ W2
        r = u_xx + u - y

        xbs = xb * S
        tb = np.tanh(xbs @ W1 + b1)
        e = tb @ W2 + b2 - ub
        loss = np.mean(r ** 2) + LAM * np.mean(e ** 2)

        dr = 2.0 * r / n
        de = 2.0 * LAM * e / len(xb)
        g = dr @ W2.T
        ga = g * (S ** 2 * w ** 2 * t3 + t1)
        gb = (de @ W2.T) * (1.0 - tb ** 2)
        grads = {
            "W2": (S ** 2 * w ** 2 * t2 + t).T @ dr + tb.T @ de,
            "b2": dr.sum(axis=0) + de.sum(axis=0),
            "W1": xs.T @ ga + (2.0 * S ** 2 * w * (g * t2).sum(axis=0))[None, :] + xbs.T @ gb,
            "b1": ga.sum(axis=0) + gb.sum(axis=0),
        }
        self.grads = grads
        for k in p:
            p[k] -= LR * grads[k]
        return float(loss)
