"""Writes the data sets of this folder (seeded): python3 make_data.py

    gated.npz      X float (40, 5), y float (40, 1): a smooth function with a multiplicative
                   interaction (for the gated linear unit)
    sequences.npz  X float (40, 5, 3) sequences of 5 steps with 3 features, y float (40, 1):
                   a decaying, squashed sum of a product of the features (for the LSTM and GRU)
    tokens.npz     X float (40, 4, 3) sets of 4 token vectors of 3 features, y float (40, 1):
                   a pairwise-interaction score (for the attention networks)
    signals.npz    X float (40, 12) noisy signals, y float (40, 1): a squashed count of the
                   local peaks above a level (for the 1-d convolution)
    robust.npz     X float (40, 3), y float (40, 1): a line with noise and a few outliers
    classes.npz    X float (45, 4) centred away from the origin, y one-hot (45, 3)
    sensors.npz    X float (40, 8) in (0, 1), y = X (for the autoencoders)
    multitask.npz  X float (40, 5), y float (40, 4): one-hot class (3 columns) and a real
                   target (last column)
    experts.npz    X float (40, 4), y float (40, 1): a piecewise-linear target (for the
                   mixture of experts)
    counts.npz     X float (40, 4), y float (40, 1): Poisson counts with a log-linear rate
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(27)

# gated unit
X = rng.uniform(-1.5, 1.5, size=(40, 5))
y = (np.sin(X[:, 0]) * (1.0 + X[:, 1]) - 0.5 * X[:, 2] * X[:, 3] + 0.3 * X[:, 4])[:, None]
np.savez(here / "gated.npz", X=X, y=y)

# sequences
X = rng.standard_normal((40, 5, 3))
weights = 0.75 ** np.arange(5)[::-1]
y = np.tanh((X[:, :, 0] * (1.0 + 0.5 * X[:, :, 1]) - 0.4 * X[:, :, 2]) @ weights / 2.0)[:, None]
np.savez(here / "sequences.npz", X=X, y=y)

# token sets
X = rng.standard_normal((40, 4, 3))
gram = np.einsum("ntd,nsd->nts", X, X)
y = np.tanh(gram.mean(axis=(1, 2)) - 0.5 * X[:, :, 0].mean(axis=1))[:, None]
np.savez(here / "tokens.npz", X=X, y=y)

# signals
base = np.sin(np.linspace(0, 3 * np.pi, 12) * rng.uniform(0.5, 2.0, size=(40, 1)) + rng.uniform(0, 6, size=(40, 1)))
X = base + rng.normal(0.0, 0.3, size=(40, 12))
peaks = ((X[:, 1:-1] > X[:, :-2]) & (X[:, 1:-1] > X[:, 2:]) & (X[:, 1:-1] > 0.5)).sum(axis=1)
y = np.tanh(peaks / 2.0 - 1.0)[:, None]
np.savez(here / "signals.npz", X=X, y=y)

# robust regression: residuals on both sides of 0.5 and 1
X = rng.uniform(-2.0, 2.0, size=(40, 3))
y = (0.8 * X[:, 0] - 0.5 * X[:, 1] + 0.3 * X[:, 2] ** 2 + rng.normal(0.0, 0.4, size=40))
outliers = rng.choice(40, size=6, replace=False)
y[outliers] += rng.choice([-1.0, 1.0], size=6) * rng.uniform(2.0, 4.0, size=6)
np.savez(here / "robust.npz", X=X, y=y[:, None])

# classes, centred away from the origin
centres = rng.normal(0.0, 1.5, size=(3, 4)) + np.array([1.0, -0.5, 2.0, 0.5])
labels = rng.integers(0, 3, size=45)
X = centres[labels] + rng.normal(0.0, 1.0, size=(45, 4))
np.savez(here / "classes.npz", X=X, y=np.eye(3)[labels])

# sensor readings for the autoencoders
latent = rng.standard_normal((40, 3))
mix = rng.normal(0.0, 1.0, size=(3, 8))
X = 1.0 / (1.0 + np.exp(-(latent @ mix + rng.normal(0.0, 0.2, size=(40, 8)))))
np.savez(here / "sensors.npz", X=X, y=X.copy())

# multi-task: class and a real target
X = rng.standard_normal((40, 5))
scores = np.stack([X[:, 0] + X[:, 1], X[:, 2] - X[:, 0], 0.5 * X[:, 3] * X[:, 4]], axis=1)
labels = scores.argmax(axis=1)
target = np.tanh(X[:, 0] - 0.5 * X[:, 2] + 0.3 * X[:, 1] * X[:, 3]) + rng.normal(0.0, 0.1, size=40)
np.savez(here / "multitask.npz", X=X, y=np.concatenate([np.eye(3)[labels], target[:, None]], axis=1))

# mixture of experts: three regimes
X = rng.uniform(-2.0, 2.0, size=(40, 4))
regime = np.where(X[:, 0] < -0.7, 0, np.where(X[:, 0] < 0.7, 1, 2))
slopes = np.array([[1.0, -0.5, 0.0, 0.3], [-0.4, 0.8, 0.5, 0.0], [0.2, 0.0, -0.9, 0.6]])
y = np.einsum("nd,nd->n", X, slopes[regime]) + rng.normal(0.0, 0.1, size=40)
np.savez(here / "experts.npz", X=X, y=y[:, None])

# counts
X = rng.normal(0.0, 0.8, size=(40, 4))
rate = np.exp(0.5 + 0.6 * X[:, 0] - 0.4 * X[:, 1] + 0.3 * np.tanh(X[:, 2] * X[:, 3]))
np.savez(here / "counts.npz", X=X, y=rng.poisson(rate).astype(float)[:, None])
