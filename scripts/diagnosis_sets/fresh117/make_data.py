"""Writes the data sets of this folder (seeded): python3 make_data.py

Every X holds short sequences stored flat: row i is T steps of D features, step after step,
X[i] = [x_1 (D values), x_2 (D values), ..., x_T], so X.reshape(N, T, D) recovers them.

    gru_seq.npz     X float (36, 24): T = 6 steps of D = 4 features; y int64 (36,): one of three
                    classes, the shape of the sequence (a rising trend in feature 0, a burst in
                    feature 1 in the second half, or an oscillation in features 2 and 3).
    lstm_seq.npz    X float (40, 15): T = 5 steps of D = 3 features; y float (40, 1): a
                    regression target, a weighted running sum of feature 0 gated by the sign of
                    feature 1, plus noise, standardised.
    elman_seq.npz   X float (48, 16): T = 8 steps of D = 2 features; y float (48, 1): a 0/1 label,
                    whether the signed sum of the first feature, later steps weighted more, is
                    positive (labels flipped on a few rows).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(117)

# ---------------------------------------------------------------- GRU classification
n, T, D = 36, 6, 4
labels = np.arange(n) % 3
rng.shuffle(labels)
seq = 0.4 * rng.standard_normal((n, T, D))
tt = np.arange(T) / (T - 1)
for i, c in enumerate(labels):
    if c == 0:
        seq[i, :, 0] += 1.2 * tt - 0.6
    elif c == 1:
        seq[i, T // 2:, 1] += 1.0
    else:
        seq[i, :, 2] += 0.8 * np.cos(np.pi * np.arange(T))
        seq[i, :, 3] -= 0.6 * np.cos(np.pi * np.arange(T))
np.savez(here / "gru_seq.npz", X=seq.reshape(n, T * D).round(4), y=labels.astype(np.int64))

# ---------------------------------------------------------------- LSTM regression
n, T, D = 40, 5, 3
seq = rng.standard_normal((n, T, D))
w = 0.6 ** np.arange(T)[::-1]
target = (seq[:, :, 0] * (seq[:, :, 1] > 0) * w).sum(axis=1) + 0.3 * seq[:, -1, 2]
target += 0.1 * rng.standard_normal(n)
target = (target - target.mean()) / target.std()
np.savez(here / "lstm_seq.npz", X=seq.reshape(n, T * D).round(4), y=target.reshape(n, 1).round(4))

# ---------------------------------------------------------------- Elman binary classification
n, T, D = 48, 8, 2
seq = rng.standard_normal((n, T, D))
score = (seq[:, :, 0] * np.linspace(0.5, 1.5, T)).sum(axis=1) + 0.5 * seq[:, -1, 1]
lab = (score > 0).astype(float)
flip = rng.choice(n, size=4, replace=False)
lab[flip] = 1.0 - lab[flip]
np.savez(here / "elman_seq.npz", X=seq.reshape(n, T * D).round(4), y=lab.reshape(n, 1))
print("gru classes", np.bincount(labels), "elman positives", lab.mean().round(3))
