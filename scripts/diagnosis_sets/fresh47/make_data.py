"""Writes the data of this folder (seeded): python3 make_data.py

    windows.npz   X float (40, 12) sliding windows of past values of seasonal series (period 4,
                  each series with its own level, amplitude, trend and noise), y float (40, 3)
                  the next three values (horizons 1, 2, 3). Every window and target is cut once
                  here and stored; nothing is drawn during training.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(47)

N, L, H, PERIOD = 40, 12, 3, 4
t = np.arange(L + H)
level = rng.uniform(-1.0, 1.0, size=(N, 1))
amp = rng.uniform(0.4, 1.2, size=(N, 1))
phase = rng.uniform(0.0, 2 * np.pi, size=(N, 1))
trend = rng.normal(0.0, 0.05, size=(N, 1))
series = level + amp * np.sin(2 * np.pi * t / PERIOD + phase) + trend * t + rng.normal(0.0, 0.1, size=(N, L + H))
np.savez(here / "windows.npz", X=series[:, :L], y=series[:, L:])
