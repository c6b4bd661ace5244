"""Writes the data sets of this folder (seeded): python3 make_data.py

    classes.npz        X float (48, 12): twelve standardised measurements; y int64 (48,): one of four
                       classes (the arg-max of a fixed random two-layer teacher). Trained in batches of 16.
    dropout_masks.npz  keep bool (64, 16, 20): the inverted-dropout keep mask of each training step
                       (step t uses keep[t - 1], its first len(batch) rows), keep probability 0.75,
                       for the 20 hidden units of the dropout classifier.
    regression.npz     X float (40, 8): eight standardised inputs; y float (40,): a smooth non-linear
                       target plus noise, standardised (a 1-D target: the programs reshape it).
    mixup.npz          lam float (64, 40): the mixup weight of each row at each step, drawn from
                       Beta(0.4, 0.4); perm int64 (64, 40): the partner row of each row at each step
                       (a permutation). Step t mixes row i with row perm[t - 1, i] with weight
                       lam[t - 1, i] on row i.
    binary.npz         X float (56, 10): ten standardised features; y float (56, 1): 0/1 labels
                       (about 30% positive).
    grad_noise.npz     W1 (64, 10, 12), b1 (64, 12), W2 (64, 12, 1), b2 (64, 1): standard normal
                       gradient noise for each parameter (NumPy layout, weights (in, out)) at each
                       step; step t adds sigma_t * noise[t - 1] to the gradient.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(120)
STEPS = 64


def standardise(a):
    return (a - a.mean(axis=0)) / a.std(axis=0)


# ---------------------------------------------------------------- four-class data, dropout masks
n, d, k = 48, 12, 4
X = standardise(rng.standard_normal((n, d)) @ rng.normal(0.0, 1.0, (d, d)) * 0.5 + rng.standard_normal((n, d)))
teacher1 = rng.normal(0.0, 1.0, (d, 8))
teacher2 = rng.normal(0.0, 1.0, (8, k))
scores = np.tanh(X @ teacher1) @ teacher2 + 0.3 * rng.standard_normal((n, k))
y = (scores - scores.mean(axis=0)).argmax(axis=1).astype(np.int64)
np.savez(here / "classes.npz", X=X.round(4), y=y)
keep = rng.random((STEPS, 16, 20)) < 0.75
np.savez(here / "dropout_masks.npz", keep=keep)

# ---------------------------------------------------------------- regression data, mixup draws
n, d = 40, 8
X = standardise(rng.standard_normal((n, d)))
w = rng.normal(0.0, 1.0, d)
t = np.sin(X @ w / 2.0) + 0.3 * X[:, 0] * X[:, 1] + 0.1 * rng.standard_normal(n)
np.savez(here / "regression.npz", X=X.round(4), y=standardise(t).round(4))
lam = rng.beta(0.4, 0.4, (STEPS, n))
perm = np.stack([rng.permutation(n) for _ in range(STEPS)]).astype(np.int64)
np.savez(here / "mixup.npz", lam=lam, perm=perm)

# ---------------------------------------------------------------- binary data, gradient noise
n, d = 56, 10
X = standardise(rng.standard_normal((n, d)))
logit = X @ rng.normal(0.0, 1.0, d) * 0.8 - 2.2 + 0.5 * np.abs(X[:, 2])
labels = (logit + 0.5 * rng.standard_normal(n) > 0).astype(float)
np.savez(here / "binary.npz", X=X.round(4), y=labels[:, None])
np.savez(here / "grad_noise.npz", W1=rng.standard_normal((STEPS, 10, 12)), b1=rng.standard_normal((STEPS, 12)),
         W2=rng.standard_normal((STEPS, 12, 1)), b2=rng.standard_normal((STEPS, 1)))
print("classes", np.bincount(y), "positive rate", labels.mean().round(3), "keep rate", keep.mean().round(3))
