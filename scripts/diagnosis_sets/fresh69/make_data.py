"""Writes the data sets of this folder (seeded): python3 make_data.py

    caps.npz  X float (36, 12): twelve intensities in [0, 1], three classes, each a bump of
              raised values at its own place along the row (columns 0-4, 4-8, 7-11) plus noise,
              clipped to [0, 1]; y float (36, 3) the one-hot class (twelve rows per class).
              The dense capsule networks classify the rows; the one with a decoder also
              reconstructs X from the class capsule.
    wave.npz  X float (36, 15): one-channel signals of 15 samples, three classes (a slow sine,
              a fast sine, a square wave), each with a random phase, amplitude and noise;
              y float (36, 3) the one-hot class. The 1-D convolutional capsule network reads them.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(69)

# caps.npz -----------------------------------------------------------------
n, d, k = 36, 12, 3
labels = np.tile(np.arange(k), n // k)
rng.shuffle(labels)
centres = np.array([2.0, 6.0, 9.0])
cols = np.arange(d)
X = np.empty((n, d))
for i, c in enumerate(labels):
    bump = np.exp(-0.5 * ((cols - centres[c] - rng.normal(0.0, 0.5)) / 1.4) ** 2)
    X[i] = 0.15 + 0.7 * bump + 0.08 * rng.standard_normal(d)
X = np.clip(X, 0.0, 1.0).round(4)
Y = np.eye(k)[labels]
np.savez(here / "caps.npz", X=X, y=Y)

# wave.npz -----------------------------------------------------------------
n, L = 36, 15
labels = np.tile(np.arange(k), n // k)
rng.shuffle(labels)
t = np.arange(L)
W = np.empty((n, L))
for i, c in enumerate(labels):
    phase = rng.uniform(0.0, 2.0 * np.pi)
    amp = rng.uniform(0.7, 1.2)
    if c == 0:
        sig = np.sin(2.0 * np.pi * t / 12.0 + phase)
    elif c == 1:
        sig = np.sin(2.0 * np.pi * t / 4.0 + phase)
    else:
        sig = np.sign(np.sin(2.0 * np.pi * t / 8.0 + phase) + 1e-9)
    W[i] = amp * sig + 0.1 * rng.standard_normal(L)
W = W.round(4)
np.savez(here / "wave.npz", X=W, y=np.eye(k)[labels])
print("caps", X.shape, Y.sum(axis=0), "wave", W.shape)
