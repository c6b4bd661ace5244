"""Writes the data sets of this folder (seeded): python3 make_data.py

Every input is a spike train drawn in advance and stored, so that the NumPy program and its port
see the same spikes; X is float 0/1 of shape (n, T, channels), batch first, time second.

    rate.npz     X float (48, 12, 8): rate-coded (Bernoulli) spike trains, each class with its own
                 firing probability per input channel; y float (48, 3) one-hot class
    latency.npz  X float (40, 10, 6): latency-coded spike trains, one spike per channel at most, the
                 larger the feature the earlier (t = round((1 - f) (T - 1)), none for f < 0.1);
                 y float (40, 3) one-hot class
    pattern.npz  X float (36, 10, 8): three fixed spatio-temporal spike patterns, each row one of
                 them with about 10% of its bins flipped; y float (36, 3) one-hot class
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(70)


def one_hot(c, k=3):
    return np.eye(k)[c]


# rate coding
n, T, D = 48, 12, 8
rates = np.array([[0.6, 0.5, 0.4, 0.1, 0.1, 0.2, 0.1, 0.3],
                  [0.1, 0.2, 0.5, 0.6, 0.4, 0.1, 0.2, 0.1],
                  [0.2, 0.1, 0.1, 0.2, 0.3, 0.6, 0.6, 0.4]])
cls = rng.permutation(np.arange(n) % 3)
X = (rng.random((n, T, D)) < rates[cls][:, None, :]).astype(float)
np.savez(here / "rate.npz", X=X, y=one_hot(cls))

# latency coding
n, T, D = 40, 10, 6
means = np.array([[0.9, 0.7, 0.3, 0.2, 0.5, 0.1],
                  [0.2, 0.4, 0.9, 0.8, 0.3, 0.5],
                  [0.5, 0.1, 0.2, 0.6, 0.9, 0.8]])
cls = rng.permutation(np.arange(n) % 3)
f = np.clip(means[cls] + 0.15 * rng.standard_normal((n, D)), 0.0, 1.0)
X = np.zeros((n, T, D))
for i in range(n):
    for j in range(D):
        if f[i, j] >= 0.1:
            X[i, int(round((1.0 - f[i, j]) * (T - 1))), j] = 1.0
np.savez(here / "latency.npz", X=X, y=one_hot(cls))

# fixed patterns with bit flips
n, T, D = 36, 10, 8
templates = (rng.random((3, T, D)) < 0.3).astype(float)
cls = rng.permutation(np.arange(n) % 3)
flip = rng.random((n, T, D)) < 0.1
X = np.abs(templates[cls] - flip.astype(float))
np.savez(here / "pattern.npz", X=X, y=one_hot(cls))
print("rate", 48, "latency", 40, "pattern", 36)
