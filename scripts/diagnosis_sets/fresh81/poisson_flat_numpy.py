"""Poisson claim-rate network in NumPy, all parameters in one flat vector.

The same model as poisson_numpy.py, written another way: every parameter is a view into one flat
vector theta, the weights kept (out, in) as torch keeps them (W1 (8, 6), W2 (1, 8)); the
gradient is one flat vector too, with views of the same shapes. The expected count is written
as exposure * rate with rate = exp(log-rate), and the loss as mean(mu - y log mu); clipping uses
the norm of the flat gradient, and AdamW keeps its two moments as flat vectors, updating theta
in place with the bias corrections folded into the step size.

    X: float (n, 6) policy features, y: float (n, 2) [claim count, exposure in years]
"""

import numpy as np

D, HIDDEN = 6, 8
LR, WD, MAX_NORM = 0.02, 0.01, 0.5
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8

SHAPES = {"W1": (HIDDEN, D), "b1": (HIDDEN,), "W2": (1, HIDDEN), "b2": (1,)}


def views(flat):
    out, i = {}, 0
    for name, shape in SHAPES.items():
        size = int(np.prod(shape))
        out[name] = flat[i:i + size].reshape(shape)
        i += size
    return out


class FlatPoissonNet:
    def __init__(self, seed=5):
        rng = np.random.default_rng(seed)
        size = sum(int(np.prod(s)) for s in SHAPES.values())
        self.theta = np.zeros(size)
        self.grad_flat = np.zeros(size)
        for name, arr in views(self.theta).items():
            arr[...] = rng.normal(0.0, 0.3, arr.shape)
        v = views(self.theta)
        self.W1, self.b1, self.W2, self.b2 = v["W1"], v["b1"], v["W2"], v["b2"]
        self.grads = views(self.grad_flat)
        self.first_moment = np.zeros(size)
        self.second_moment = np.zeros(size)
        self.step_no = 0

    def expected_counts(self, X, exposure):
        h = np.tanh(X @ self.W1.T + self.b1)
        rate = np.exp(h @ self.W2[0] + self.b2[0])
        return h, exposure * rate

    def train_step(self, X, y):
        counts, exposure = y[:, 0], y[:, 1]
        h, mu = self.expected_counts(X, exposure)
        loss = np.mean(mu - counts * np.log(mu))

        r = (mu - counts) / len(X)
        self.grads["W2"][...] = r @ h
        self.grads["b2"][...] = r.sum()
        dpre = np.outer(r, self.W2[0]) * (1.0 - h * h)
        self.grads["W1"][...] = dpre.T @ X
        self.grads["b1"][...] = dpre.sum(axis=0)
        norm = np.linalg.norm(self.grad_flat)
        self.grad_flat *= min(1.0, MAX_NORM / (norm + 1e-6))

        self.step_no += 1
        t = self.step_no
        self.theta *= 1.0 - LR * WD
        self.first_moment *= BETA1
        self.first_moment += (1.0 - BETA1) * self.grad_flat
        self.second_moment *= BETA2
        self.second_moment += (1.0 - BETA2) * self.grad_flat ** 2
        step_size = LR / (1.0 - BETA1 ** t)
        denom = np.sqrt(self.second_moment) / np.sqrt(1.0 - BETA2 ** t) + EPS
        self.theta -= step_size * self.first_moment / denom
        return float(loss)
