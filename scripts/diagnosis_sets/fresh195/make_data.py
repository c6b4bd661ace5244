"""Write the seeded data sets of the fresh195 programs next to this file.

    wn.npz    X float64 (32, 1, 24) noisy sums of two sines (one channel, 24 time steps),
              y float64 (32, 1, 24) the same series one step ahead (next-value prediction)
    res.npz   X float64 (32, 3, 20) three random input channels over 20 time steps,
              y float64 (32, 1, 20) a causal, nonlinear function of the current and past inputs
              (per-time-step regression)

    python3 scripts/diagnosis_sets/fresh195/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def wn_data(rng, rows=32, steps=24):
    t = np.arange(steps + 1)
    f1 = rng.uniform(0.15, 0.45, (rows, 1))
    f2 = rng.uniform(0.6, 1.2, (rows, 1))
    ph = rng.uniform(0, 2 * np.pi, (rows, 2))
    s = (np.sin(f1 * t + ph[:, :1]) + 0.4 * np.sin(f2 * t + ph[:, 1:])
         + 0.05 * rng.standard_normal((rows, steps + 1)))
    return s[:, None, :steps], s[:, None, 1:]


def res_data(rng, rows=32, steps=20):
    X = rng.standard_normal((rows, 3, steps))
    x0, x1, x2 = X[:, 0], X[:, 1], X[:, 2]
    lag = lambda a, k: np.concatenate([np.zeros((rows, k)), a[:, :steps - k]], axis=1)
    y = np.tanh(0.8 * x0 - 0.5 * lag(x1, 1) + 0.4 * lag(x2, 3) * lag(x0, 2)) + 0.2 * lag(x1, 4)
    return X, y[:, None, :]


def main():
    rng = np.random.default_rng(195)
    for name, make in (("wn", wn_data), ("res", res_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
