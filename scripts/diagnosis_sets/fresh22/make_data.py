"""Writes the small data sets the paired programs here train on (seeded): python3 make_data.py

    counts.npz    X (40, 4) float features, y (40, 1) event counts drawn from a Poisson law
    signals.npz   X (40, 8) noisy readings of a smooth curve, y (40, 8) the clean curve
    table.npz     X (48, 6) float features, y one-hot (48, 3) from a random linear teacher
    incomes.npz   X (40, 5) skewed positive features (log-normal), y (40, 1) 0/1 labels
    curve.npz     X (40, 2) inputs on [-1, 1], y (40, 1) a smooth surface plus noise
    tokens.npz    X int64 (48, 5) token ids over a vocabulary of 12, y one-hot (48, 3)
    waves.npz     X (36, 8, 1) noisy sine waves, y (36, 8, 1) the clean wave one step ahead
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(22)

# event counts
X = rng.standard_normal((40, 4))
rate = np.exp(0.4 * X @ np.array([1.0, -0.5, 0.8, 0.3]) + 0.5)
np.savez(here / "counts.npz", X=X, y=rng.poisson(rate)[:, None].astype(np.float64))

# noisy readings of smooth curves
t = np.linspace(0.0, 1.0, 8)
amp = rng.uniform(0.5, 1.5, (40, 1))
phase = rng.uniform(0.0, np.pi, (40, 1))
clean = amp * np.sin(2.0 * np.pi * t + phase)
np.savez(here / "signals.npz", X=clean + 0.2 * rng.standard_normal(clean.shape), y=clean)

# feature table, three classes
X = rng.standard_normal((48, 6))
labels = (X @ rng.standard_normal((6, 3))).argmax(axis=1)
np.savez(here / "table.npz", X=X, y=np.eye(3)[labels])

# skewed positive features
X = rng.lognormal(0.0, 0.8, (40, 5))
labels = (np.log(X) @ rng.standard_normal(5) > 0).astype(np.float64)
np.savez(here / "incomes.npz", X=X, y=labels[:, None])

# a smooth surface
X = rng.uniform(-1.0, 1.0, (40, 2))
np.savez(here / "curve.npz", X=X, y=(np.sin(2.0 * X[:, 0]) * X[:, 1] + 0.05 * rng.standard_normal(40))[:, None])

# token sequences
X = rng.integers(0, 12, size=(48, 5))
bag = np.zeros((48, 12))
np.add.at(bag, (np.arange(48)[:, None], X), 1.0)
labels = (bag @ rng.standard_normal((12, 3))).argmax(axis=1)
np.savez(here / "tokens.npz", X=X.astype(np.int64), y=np.eye(3)[labels])

# waves, predict the next clean value
steps = np.arange(9) * 0.4
freq = rng.uniform(0.8, 1.6, (36, 1))
phase = rng.uniform(0.0, 2.0 * np.pi, (36, 1))
wave = np.sin(freq * steps + phase)
noisy = wave[:, :8] + 0.1 * rng.standard_normal((36, 8))
np.savez(here / "waves.npz", X=noisy[:, :, None], y=wave[:, 1:, None])
