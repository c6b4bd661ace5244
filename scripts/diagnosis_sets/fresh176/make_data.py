"""Write the two seeded data sets of the fresh176 mixture-of-experts programs, next to this file.

    moe.npz   X float64 (32, 4), y float64 (32, 1): a piecewise target, a different smooth
              function of the inputs in each region of input space (what a gate can learn
              to route), plus a little noise
    mdn.npz   X float64 (48, 3), y float64 (48, 1): a multimodal target, each row drawn from
              one of three branches (sin, a line, a parabola of the first input), so that a
              single Gaussian fits it poorly and a mixture of three fits it well

    python3 scripts/diagnosis_sets/fresh176/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def moe_data(rng, n=32, d=4):
    X = rng.normal(0.0, 1.0, (n, d))
    region = (X[:, 0] > 0).astype(int) + 2 * (X[:, 1] > 0).astype(int)
    f = np.stack([np.sin(2 * X[:, 2]),
                  0.5 * X[:, 3] - 0.3 * X[:, 2],
                  np.tanh(X[:, 2] * X[:, 3]),
                  -0.4 + 0.2 * X[:, 0] ** 2], axis=1)
    y = f[np.arange(n), region] + 0.05 * rng.normal(size=n)
    return X, y[:, None]


def mdn_data(rng, n=48, d=3):
    X = rng.uniform(-1.0, 1.0, (n, d))
    branch = rng.integers(0, 3, n)
    x0 = X[:, 0]
    means = np.stack([np.sin(3 * x0), 0.8 * x0 - 0.5, 0.9 - x0 ** 2 + 0.2 * X[:, 1]], axis=1)
    y = means[np.arange(n), branch] + 0.1 * rng.normal(size=n)
    return X, y[:, None]


if __name__ == "__main__":
    rng = np.random.default_rng(176)
    X, y = moe_data(rng)
    np.savez(os.path.join(HERE, "moe.npz"), X=X, y=y)
    X, y = mdn_data(rng)
    np.savez(os.path.join(HERE, "mdn.npz"), X=X, y=y)
    print("wrote moe.npz and mdn.npz")
