"""Writes the data sets of this folder (seeded): python3 make_data.py

    house.npz     X float (48, 10): standardised features of 48 listings;
                  y float (48, 3): [price (standardised regression target), segment label
                  (0, 1 or 2, a class), has_segment (0/1: 1 where the segment is labelled)].
                  About a sixth of the segment labels are missing (label written as 0, mask 0).
    clinic.npz    X float (40, 12): standardised measurements of 40 patients;
                  y float (40, 3): [length of stay (regression target with a few outliers,
                  trained with L1), has_stay (0/1: 1 where it was recorded), readmitted (0/1,
                  always recorded)]. About a quarter of the stays are missing (written as 0, mask 0).
    sensor.npz    X float (36, 8): standardised readings of 36 machines;
                  y float (36, 5): [temperature drift (regression), has_drift (0/1), fault (0/1),
                  has_fault (0/1), operating mode (0..3, always recorded)]. Missing targets are
                  written as 0 with mask 0.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(85)

# ---------------------------------------------------------------- house: regression + 3 classes
n, d = 48, 10
X = rng.standard_normal((n, d))
w = rng.normal(0.0, 0.6, d)
price = X @ w + 0.3 * rng.standard_normal(n)
price = (price - price.mean()) / price.std()
U = rng.normal(0.0, 1.0, (d, 3))
segment = np.argmax(X @ U + 0.5 * rng.standard_normal((n, 3)), axis=1).astype(float)
has_seg = (rng.random(n) < 0.75).astype(float)
segment = segment * has_seg
np.savez(here / "house.npz", X=X.round(4), y=np.stack([price.round(4), segment, has_seg], axis=1))

# ---------------------------------------------------------------- clinic: L1 regression + binary
n, d = 40, 12
X = rng.standard_normal((n, d))
w = rng.normal(0.0, 0.5, d)
stay = X @ w + 0.4 * rng.standard_t(2.0, n)
stay = (stay - np.median(stay)) / stay.std()
has_stay = (rng.random(n) < 0.7).astype(float)
stay = stay * has_stay
v = rng.normal(0.0, 0.8, d)
readm = (rng.random(n) < 1.0 / (1.0 + np.exp(-(X @ v)))).astype(float)
np.savez(here / "clinic.npz", X=X.round(4), y=np.stack([stay.round(4), has_stay, readm], axis=1))

# ---------------------------------------------------------------- sensor: regression + binary + 4 modes
n, d = 36, 8
X = rng.standard_normal((n, d))
drift = X @ rng.normal(0.0, 0.7, d) + 0.3 * rng.standard_normal(n)
drift = (drift - drift.mean()) / drift.std()
has_drift = (rng.random(n) < 0.7).astype(float)
fault = (rng.random(n) < 1.0 / (1.0 + np.exp(-(X @ rng.normal(0.0, 0.8, d))))).astype(float)
has_fault = (rng.random(n) < 0.65).astype(float)
mode = np.argmax(X @ rng.normal(0.0, 1.0, (d, 4)) + 0.5 * rng.standard_normal((n, 4)), axis=1).astype(float)
y = np.stack([(drift * has_drift).round(4), has_drift, fault * has_fault, has_fault, mode], axis=1)
np.savez(here / "sensor.npz", X=X.round(4), y=y)
print("house labelled", has_seg.mean().round(3), "clinic recorded", has_stay.mean().round(3),
      "sensor drift", has_drift.mean().round(3), "fault", has_fault.mean().round(3))
