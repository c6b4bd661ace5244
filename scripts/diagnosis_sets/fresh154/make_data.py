"""Data for the fresh154 set: small tabular data sets with categorical and numeric columns.

Every table keeps the categorical codes (integers, stored as floats) in its leading columns
and the numeric columns after them, one matrix X per set; y is the binary label (0./1.).
Fixed seed; nothing random happens while training.

    wd.npz    X (40, 5): 2 categorical columns (5 and 4 levels), 3 raw numeric columns
              (different scales; the programs standardise them), y (40,) about 30 % positive
    dcn.npz   X (40, 5): 3 categorical columns (6, 3, 4 levels), 2 numeric columns already
              standardised, y (40,)
    dcn2.npz  X (36, 4): 2 categorical columns (4, 5 levels), 2 numeric columns already
              standardised, y (36,)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def labels(rng, logit):
    return (rng.random(logit.shape) < sigmoid(logit)).astype(np.float64)


def every_level(rng, n, k):
    """n codes in range(k), every level present at least once."""
    codes = np.concatenate([np.arange(k), rng.integers(0, k, n - k)])
    return rng.permutation(codes)


def main():
    rng = np.random.default_rng(154)

    # wide and deep
    n = 40
    c0, c1 = every_level(rng, n, 5), every_level(rng, n, 4)
    age = rng.normal(40.0, 12.0, n)
    income = rng.normal(55.0, 20.0, n)
    hours = rng.normal(38.0, 6.0, n)
    logit = (-1.0 + 0.8 * (c0 == 2) - 0.6 * (c1 == 1) + 0.05 * (age - 40) + 0.03 * (income - 55)
             + 0.5 * (c0 == 4) * (c1 == 3))
    X = np.column_stack([c0, c1, age, income, hours])
    np.savez(os.path.join(HERE, "wd.npz"), X=X, y=labels(rng, logit))

    # deep and cross (v1)
    c0, c1, c2 = every_level(rng, n, 6), every_level(rng, n, 3), every_level(rng, n, 4)
    num = rng.standard_normal((n, 2))
    num = (num - num.mean(0)) / num.std(0)
    logit = -1.2 + 0.9 * num[:, 0] * (c1 == 2) + 0.7 * (c0 % 2) - 0.4 * num[:, 1] + 0.3 * (c2 == 0)
    X = np.column_stack([c0, c1, c2, num])
    np.savez(os.path.join(HERE, "dcn.npz"), X=X, y=labels(rng, logit))

    # deep and cross (v2, matrix cross layers)
    n = 36
    c0, c1 = every_level(rng, n, 4), every_level(rng, n, 5)
    num = rng.standard_normal((n, 2))
    num = (num - num.mean(0)) / num.std(0)
    logit = -0.8 + 1.1 * num[:, 0] * num[:, 1] + 0.6 * (c0 == 3) - 0.5 * (c1 >= 3)
    X = np.column_stack([c0, c1, num])
    np.savez(os.path.join(HERE, "dcn2.npz"), X=X, y=labels(rng, logit))


if __name__ == "__main__":
    main()
