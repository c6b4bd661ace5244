"""Data for the fresh227 set: zero-inflated counts over tabular features (fixed seed)."""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def zip_data(seed=0, n=48, d=5):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    gate = 1.0 / (1.0 + np.exp(-(0.8 * X[:, 0] - 0.5 * X[:, 1])))   # P(structural zero)
    lam = np.exp(0.6 + 0.5 * X[:, 2] - 0.3 * X[:, 3])
    y = rng.poisson(lam).astype(np.float64)
    y[rng.random(n) < gate] = 0.0
    return X, y


def hurdle_data(seed=1, n=40, d=4):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    p_pos = 1.0 / (1.0 + np.exp(-(0.3 + 0.9 * X[:, 0])))
    lam = np.exp(0.9 + 0.4 * X[:, 1])
    y = np.zeros(n)
    for i in range(n):
        if rng.random() < p_pos[i]:
            k = 0
            while k == 0:                      # zero-truncated Poisson draw
                k = rng.poisson(lam[i])
            y[i] = k
    return X, y


if __name__ == "__main__":
    X, y = zip_data()
    np.savez(os.path.join(HERE, "zip.npz"), X=X, y=y)
    print("zip", X.shape, "zeros", int((y == 0).sum()), "max", y.max())
    X, y = hurdle_data()
    np.savez(os.path.join(HERE, "hurdle.npz"), X=X, y=y)
    print("hurdle", X.shape, "zeros", int((y == 0).sum()), "max", y.max())
