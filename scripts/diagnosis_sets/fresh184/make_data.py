"""Data for the fresh184 set (Bayes-by-backprop networks); fixed seed, run once.

    cls.npz    X (32, 6) float64, y (32,) int64 in {0, 1, 2}: a random tanh teacher's argmax
    reg.npz    X (48, 4) float64, y (48, 1) float64: a smooth function plus noise
    eps_cls.npz   the reparameterisation noise of the classifier, one draw per step (T = 32 steps):
                  W1 (T, 6, 16), b1 (T, 16), W2 (T, 16, 3), b2 (T, 3), laid out (in, out)
    eps_reg.npz   the same for the regressor: W1 (T, 4, 24), b1 (T, 24), W2 (T, 24, 1), b2 (T, 1)

Both programs of a pair read the same eps file and index it with their own step counter, so the
sampled weights w = mu + softplus(rho) * eps are the same on both sides at every step.
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
T = 32


def main():
    rng = np.random.default_rng(184)

    X = rng.standard_normal((32, 6))
    A = rng.standard_normal((6, 5))
    B = rng.standard_normal((5, 3))
    y = np.argmax(np.tanh(X @ A) @ B, axis=1).astype(np.int64)
    np.savez(os.path.join(HERE, "cls.npz"), X=X, y=y)

    Xr = rng.uniform(-2.0, 2.0, size=(48, 4))
    yr = (np.sin(Xr[:, 0]) + 0.5 * Xr[:, 1] * Xr[:, 2] - 0.3 * Xr[:, 3]
          + 0.1 * rng.standard_normal(48))[:, None]
    np.savez(os.path.join(HERE, "reg.npz"), X=Xr, y=yr)

    np.savez(os.path.join(HERE, "eps_cls.npz"),
             W1=rng.standard_normal((T, 6, 16)), b1=rng.standard_normal((T, 16)),
             W2=rng.standard_normal((T, 16, 3)), b2=rng.standard_normal((T, 3)))
    np.savez(os.path.join(HERE, "eps_reg.npz"),
             W1=rng.standard_normal((T, 4, 24)), b1=rng.standard_normal((T, 24)),
             W2=rng.standard_normal((T, 24, 1)), b2=rng.standard_normal((T, 1)))


if __name__ == "__main__":
    main()
