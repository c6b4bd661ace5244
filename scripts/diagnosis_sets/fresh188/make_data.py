"""Write the small seeded data sets of the fresh188 programs (neural additive models), next to this file.

    reg.npz        X float32 (48, 8): columns 0-3 the four features in [-1, 1], columns 4-7 the
                   feature-dropout keep mask of each row and feature (0 or 1/(1-0.25)), fixed;
                   y float32 (48,) a noisy sum of one shape function per feature   -- NAM regressor
    cls.npz        X float32 (40, 3) standard normal features,
                   y float32 (40,) in {0, 1} drawn from a sigmoid of an additive logit -- NAM classifier
    cls_masks.npz  masks float32 (25, 40, 3): the classifier's feature-dropout keep mask for
                   step t (0, 1, 2, ...) is masks[t % 25], values 0 or 1/(1-0.25)

No program draws random numbers while training; everything is in these files.

    python3 scripts/diagnosis_sets/fresh188/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
P_DROP = 0.25


def keep_mask(rng, shape):
    return (rng.random(shape) >= P_DROP).astype(np.float32) / np.float32(1.0 - P_DROP)


def main():
    rng = np.random.default_rng(188)

    n, f = 48, 4
    x = rng.uniform(-1.0, 1.0, size=(n, f))
    y = (np.sin(np.pi * x[:, 0]) + x[:, 1] ** 2 - 0.5 * x[:, 2] + 0.3 * (x[:, 3] > 0)
         + 0.1 * rng.standard_normal(n))
    X = np.concatenate([x, keep_mask(rng, (n, f))], axis=1)
    np.savez(os.path.join(HERE, "reg.npz"), X=X.astype(np.float32), y=y.astype(np.float32))

    n, f = 40, 3
    x = rng.standard_normal((n, f))
    logit = 1.5 * x[:, 0] - x[:, 1] ** 2 + 0.5 + np.sin(2.0 * x[:, 2])
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(np.float32)
    np.savez(os.path.join(HERE, "cls.npz"), X=x.astype(np.float32), y=y)
    np.savez(os.path.join(HERE, "cls_masks.npz"), masks=keep_mask(rng, (25, n, f)))


if __name__ == "__main__":
    main()
