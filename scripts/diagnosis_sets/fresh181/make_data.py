"""Write the small seeded data sets the flow programs fit, next to this file.

    ring.npz    X float64 (48, 4) a noisy ring in the first two coordinates, the other two a
                nonlinear function of the angle plus noise; y float64 (48,) zeros (unused:
                density estimation has no targets)
    moons.npz   X float64 (64, 2) two interleaved half-moons, standardised; y float64 (64,)
                the moon each point came from (unused by the flow)
    mix6.npz    X float64 (40, 6) a two-component Gaussian mixture in 6-D with correlated
                coordinates; y float64 (40,) zeros (unused)

    python3 scripts/diagnosis_sets/fresh181/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def ring(rng, n=48):
    theta = rng.uniform(0, 2 * np.pi, n)
    r = 1.5 + 0.15 * rng.standard_normal(n)
    x0, x1 = r * np.cos(theta), r * np.sin(theta)
    x2 = 0.8 * np.sin(2 * theta) + 0.2 * rng.standard_normal(n)
    x3 = 0.5 * x0 * x2 + 0.3 * rng.standard_normal(n)
    return np.stack([x0, x1, x2, x3], axis=1), np.zeros(n)


def moons(rng, n=64):
    half = n // 2
    a = np.pi * rng.uniform(0, 1, half)
    b = np.pi * rng.uniform(0, 1, n - half)
    up = np.stack([np.cos(a), np.sin(a)], axis=1)
    down = np.stack([1 - np.cos(b), 0.5 - np.sin(b)], axis=1)
    X = np.concatenate([up, down]) + 0.08 * rng.standard_normal((n, 2))
    X = (X - X.mean(0)) / X.std(0)
    y = np.concatenate([np.zeros(half), np.ones(n - half)])
    order = rng.permutation(n)
    return X[order], y[order]


def mix6(rng, n=40, d=6):
    A = rng.standard_normal((d, d)) * 0.5 + np.eye(d)
    comp = rng.integers(0, 2, n)
    means = np.stack([np.full(d, -1.0), np.linspace(1.5, -0.5, d)])
    X = means[comp] + rng.standard_normal((n, d)) @ A.T * 0.6
    return X, np.zeros(n)


if __name__ == "__main__":
    rng = np.random.default_rng(181)
    for name, fn in (("ring", ring), ("moons", moons), ("mix6", mix6)):
        X, y = fn(rng)
        np.savez(os.path.join(HERE, name + ".npz"), X=X.astype(np.float64), y=y.astype(np.float64))
        print(name, X.shape, y.shape)
