"""Writes the data sets of this folder (seeded): python3 make_data.py

    patches.npz  X float (32, 8) smooth readings in [0.05, 0.95], y = X (an autoencoder's target)
    masked.npz   X float (32, 16): the clean readings (first 8 columns) and a fixed 0/1 corruption
                 mask (last 8 columns, 1 = keep, about a quarter zeroed), y float (32, 8) the clean readings
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(51)

t = np.linspace(0.0, 1.0, 8)
phase = rng.uniform(0.0, 2 * np.pi, size=(32, 1))
amp = rng.uniform(0.2, 0.4, size=(32, 1))
X = 0.5 + amp * np.sin(2 * np.pi * t + phase) + rng.normal(0.0, 0.03, size=(32, 8))
X = np.clip(X, 0.05, 0.95)
np.savez(here / "patches.npz", X=X, y=X.copy())

mask = (rng.random((32, 8)) > 0.25).astype(float)
np.savez(here / "masked.npz", X=np.hstack([X, mask]), y=X.copy())
