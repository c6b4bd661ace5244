"""Write the small seeded data sets of the fresh196 programs, next to this file.

    contrast.npz  X float32 (32, 12): two 6-d items side by side (X[:, :6], X[:, 6:]);
                  y float32 (32,) 1.0 for a similar pair (second item a noisy copy of the
                  first), 0.0 for a dissimilar pair (independent items)  -- contrastive net
    rank.npz      X float32 (48, 10): two 5-d items side by side (X[:, :5], X[:, 5:]);
                  y float32 (48,) 1.0 where the first item scores higher under a hidden
                  nonlinear utility, else 0.0                          -- ranking net

    python3 scripts/diagnosis_sets/fresh196/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = np.random.default_rng(196)
    n = 32
    x1 = rng.standard_normal((n, 6))
    y = (np.arange(n) % 2).astype(np.float64)
    rng.shuffle(y)
    x2 = np.where(y[:, None] > 0, x1 + 0.3 * rng.standard_normal((n, 6)), rng.standard_normal((n, 6)))
    np.savez(os.path.join(HERE, "contrast.npz"), X=np.concatenate([x1, x2], 1).astype(np.float32),
             y=y.astype(np.float32))

    n = 48
    a = rng.standard_normal((n, 5))
    b = rng.standard_normal((n, 5))
    u = rng.standard_normal(5)

    def util(z):
        return np.tanh(z @ u) + 0.3 * z[:, 0] ** 2

    y = (util(a) > util(b)).astype(np.float32)
    np.savez(os.path.join(HERE, "rank.npz"), X=np.concatenate([a, b], 1).astype(np.float32), y=y)


if __name__ == "__main__":
    main()
