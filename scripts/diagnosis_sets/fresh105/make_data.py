"""Writes the data sets of this folder (seeded): python3 make_data.py

    patches.npz   X float (48, 16): 4x4 intensity patches in [0, 1] (one or two bright bars,
                  horizontal or vertical, over a dim noisy background), flattened row by row;
                  y float (48, 16): a copy of X (the autoencoder's reconstruction target).
    sensors.npz   X float (40, 20): ten standardised sensor readings (a rank-3 signal plus
                  noise) in columns 0..9, then in columns 10..19 a fixed 0/1 corruption mask
                  (1 keeps the reading, 0 drops it; about 75% kept), drawn once and stored with
                  the data so that both programs corrupt the same entries;
                  y float (40, 10): the clean readings (columns 0..9 of X).
    scores.npz    X float (36, 8): eight test scores min-max scaled to [0, 1] (a smooth function
                  of two latent traits plus noise); y float (36, 8): a copy of X.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(105)

# ---------------------------------------------------------------- 4x4 patches
n = 48
patches = np.empty((n, 4, 4))
for i in range(n):
    img = rng.uniform(0.0, 0.2, (4, 4))
    for _ in range(rng.integers(1, 3)):
        k = rng.integers(4)
        level = rng.uniform(0.75, 1.0)
        if rng.random() < 0.5:
            img[k, :] = level
        else:
            img[:, k] = level
    patches[i] = img
Xp = np.clip(patches.reshape(n, 16), 0.0, 1.0).round(3)
np.savez(here / "patches.npz", X=Xp, y=Xp.copy())

# ---------------------------------------------------------------- sensor readings with a corruption mask
n, d = 40, 10
z = rng.standard_normal((n, 3))
load = rng.normal(0.0, 1.0, (3, d))
readings = z @ load + 0.3 * rng.standard_normal((n, d))
readings = ((readings - readings.mean(axis=0)) / readings.std(axis=0)).round(3)
keep = (rng.random((n, d)) < 0.75).astype(float)
np.savez(here / "sensors.npz", X=np.concatenate([readings, keep], axis=1), y=readings.copy())

# ---------------------------------------------------------------- test scores in [0, 1]
n, d = 36, 8
traits = rng.standard_normal((n, 2))
mix = rng.normal(0.0, 1.2, (2, d))
raw = np.tanh(traits @ mix + 0.3 * rng.standard_normal((n, d)))
scores = ((raw - raw.min(axis=0)) / (raw.max(axis=0) - raw.min(axis=0))).round(3)
np.savez(here / "scores.npz", X=scores, y=scores.copy())
print("patches mean", Xp.mean().round(3), "kept", keep.mean().round(3), "scores mean", scores.mean().round(3))
