"""Writes the data sets of this folder (seeded): python3 make_data.py

Each file holds sliding windows cut from one synthetic daily-style series (a level, a slow trend,
a seasonal cycle and noise): X is the window of past values (one row a window, oldest first),
y the values that follow it.

    demand.npz    X float (40, 16): windows of 16 past values of a series around 50 with a
                  period-8 cycle (raw scale, so per-window standardisation matters);
                  y float (40, 4): the next 4 values (direct multi-horizon targets).
    sensor.npz    X float (36, 12): windows of 12 past values of a globally standardised series
                  (period 12, slowly drifting); y float (36, 3): the next 3 values.
    visits.npz    X float (42, 14): windows of 14 past values (two weeks) of a weekly-seasonal
                  series around 20 (period 7, with trend); y float (42, 3): the next 3 values.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(83)


def windows(series, lags, horizon, n, stride=1):
    X = np.stack([series[i * stride: i * stride + lags] for i in range(n)])
    y = np.stack([series[i * stride + lags: i * stride + lags + horizon] for i in range(n)])
    return X, y


# ---------------------------------------------------------------- demand: raw scale, period 8
t = np.arange(200)
demand = 50.0 + 0.05 * t + 4.0 * np.sin(2 * np.pi * t / 8) + 1.5 * np.cos(2 * np.pi * t / 4) \
    + rng.normal(0.0, 1.0, t.size)
X, y = windows(demand, 16, 4, 40, stride=3)
np.savez(here / "demand.npz", X=X.round(3), y=y.round(3))

# ---------------------------------------------------------------- sensor: standardised, period 12
t = np.arange(160)
sensor = np.sin(2 * np.pi * t / 12) + 0.4 * np.sin(2 * np.pi * t / 37) + rng.normal(0.0, 0.25, t.size)
sensor = (sensor - sensor.mean()) / sensor.std()
X, y = windows(sensor, 12, 3, 36, stride=3)
np.savez(here / "sensor.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- visits: weekly season, trend
t = np.arange(200)
week = np.array([0.0, 1.5, 2.0, 1.0, 0.5, 4.0, 5.5])
visits = 20.0 + 0.04 * t + week[t % 7] + rng.normal(0.0, 0.8, t.size)
X, y = windows(visits, 14, 3, 42, stride=4)
np.savez(here / "visits.npz", X=X.round(3), y=y.round(3))
print("demand", demand.min().round(2), demand.max().round(2), "visits", visits.min().round(2), visits.max().round(2))
