"""Write the data of the fresh168 set (fixed seed): three small regression problems.

    gauss.npz  X (48, 5), y (48,)   heteroscedastic noise (its scale grows with |x2|)
    quant.npz  X (40, 4), y (40,)   skewed (exponential) noise, for quantile regression
    studt.npz  X (32, 6), y (32,)   heavy-tailed Student-t (df 2) noise with a few outliers
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(168)

    X = rng.standard_normal((48, 5))
    scale = 0.2 + 0.6 * np.abs(X[:, 2])
    y = np.sin(1.5 * X[:, 0]) + 0.5 * X[:, 1] - 0.3 * X[:, 3] * X[:, 4] + scale * rng.standard_normal(48)
    np.savez(os.path.join(HERE, "gauss.npz"), X=X.astype(np.float32), y=y.astype(np.float32))

    X = rng.uniform(-2, 2, (40, 4))
    y = 0.8 * X[:, 0] - 0.5 * X[:, 1] ** 2 + 0.3 * X[:, 2] + rng.exponential(0.7, 40) - 0.7
    np.savez(os.path.join(HERE, "quant.npz"), X=X.astype(np.float32), y=y.astype(np.float32))

    X = rng.standard_normal((32, 6))
    y = np.tanh(X[:, 0]) - 0.4 * X[:, 1] + 0.2 * X[:, 5] + 0.3 * rng.standard_t(2.0, 32)
    y[[3, 17]] += np.array([4.0, -3.5])
    np.savez(os.path.join(HERE, "studt.npz"), X=X.astype(np.float32), y=y.astype(np.float32))


if __name__ == "__main__":
    main()
