"""Writes the data sets of this folder (seeded): python3 make_data.py

Every row is one window cut from a synthetic series, stored flat in X; y holds what follows it.

    tcn.npz       X float (48, 16): windows of the last 16 values of one standardised series
                  (two seasonal components, a slow trend and noise); y float (48, 1): the next
                  value after each window.
    multi.npz     X float (40, 24): windows of the last 8 values of three channels, stored
                  channel-major (columns 0..7 channel 0, 8..15 channel 1, 16..23 channel 2, oldest
                  first); y float (40, 3): the next value of each channel.
    horizon.npz   X float (48, 12): windows of the last 12 values of a series whose level and
                  amplitude drift (so each window has its own mean and scale); y float (48, 3):
                  the next three values (horizons 1, 2, 3).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(102)


def windows(series, n, length, horizon):
    X = np.stack([series[i:i + length] for i in range(n)])
    y = np.stack([series[i + length:i + length + horizon] for i in range(n)])
    return X, y


# ---------------------------------------------------------------- one channel, next value
n, L = 48, 16
t = np.arange(n + L)
s = (np.sin(2 * np.pi * t / 12) + 0.5 * np.sin(2 * np.pi * t / 5 + 1.0) + 0.02 * t
     + 0.2 * rng.standard_normal(len(t)))
s = (s - s.mean()) / s.std()
X, y = windows(s, n, L, 1)
np.savez(here / "tcn.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- three channels, next value each
n, L, C = 40, 8, 3
t = np.arange(n + L)
chans = []
for c, (period, slope, amp) in enumerate(((10, 0.03, 1.0), (7, -0.02, 0.8), (16, 0.05, 1.2))):
    z = amp * np.sin(2 * np.pi * t / period + c) + slope * t + 0.25 * rng.standard_normal(len(t))
    chans.append(z - z.mean())
Xc, yc = [], []
for z in chans:
    a, b = windows(z, n, L, 1)
    Xc.append(a)
    yc.append(b)
X = np.concatenate(Xc, axis=1)          # (n, C * L), channel-major
y = np.concatenate(yc, axis=1)          # (n, C)
np.savez(here / "multi.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- one channel, three horizons
n, L, H = 48, 12, 3
t = np.arange(n + L + H)
level = 2.0 + 0.05 * t + 0.8 * np.sin(2 * np.pi * t / 40)
amp = 0.6 + 0.5 * (t / len(t))
s = level + amp * np.sin(2 * np.pi * t / 9) + 0.15 * rng.standard_normal(len(t))
X, y = windows(s, n, L, H)
np.savez(here / "horizon.npz", X=X.round(4), y=y.round(4))
print({k: np.load(here / f"{k}.npz")["X"].shape for k in ("tcn", "multi", "horizon")})
