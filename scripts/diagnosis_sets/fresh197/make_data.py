"""Writes caps_a.npz and caps_b.npz (fixed seed) next to this file."""
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(197)

# set A: 32 rows, 10 features, 4 classes (class means plus noise)
centres = rng.normal(0.0, 1.5, size=(4, 10))
ya = rng.integers(0, 4, size=32)
Xa = centres[ya] + rng.normal(0.0, 1.0, size=(32, 10))
np.savez(os.path.join(here, "caps_a.npz"), X=Xa.astype(np.float64), y=ya.astype(np.int64))

# set B: 48 rows, 8 features, 3 classes
centres = rng.normal(0.0, 1.2, size=(3, 8))
yb = rng.integers(0, 3, size=48)
Xb = centres[yb] + rng.normal(0.0, 1.0, size=(48, 8))
np.savez(os.path.join(here, "caps_b.npz"), X=Xb.astype(np.float64), y=yb.astype(np.int64))
