"""Writes the data sets of this folder (seeded): python3 make_data.py

    kws.npz     X float (40, 8, 16): log-mel spectrogram patches of a spoken keyword, eight mel
                bands by sixteen frames (a class-dependent formant track sweeping across the bands,
                plus noise, in log units); y int64 (40,): which of four keywords, 0..3.
    wave.npz    X float (36, 64): raw 1-D signals, sixty-four samples each (a tone whose
                frequency depends on the class, a random phase and amplitude, an onset at a random
                sample, plus noise); y int64 (36,): the class, 0..2.
    tags.npz    X float (30, 6, 20): log-mel patches of six bands by twenty frames of a sound
                scene; y float (30, 5): 0/1 multi-label tags (each tag adds its own band pattern in
                a random stretch of frames; about a third of the tags are on, at least one per row).
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(114)

# ---------------------------------------------------------------- keyword spotting, log-mel
n, mels, frames, classes = 40, 8, 16, 4
y = np.arange(n) % classes
rng.shuffle(y)
t = np.arange(frames)
X = np.empty((n, mels, frames))
for i in range(n):
    c = y[i]
    start = 1.0 + 2.0 * c + rng.normal(0.0, 0.4)
    slope = (-1) ** c * (0.15 + 0.1 * c)
    track = np.clip(start + slope * t, 0, mels - 1)
    bands = np.arange(mels)[:, None]
    energy = 2.5 * np.exp(-0.5 * (bands - track[None, :]) ** 2)
    X[i] = np.log1p(energy + 0.3 * rng.random((mels, frames))) + 0.1 * rng.standard_normal((mels, frames))
X = (X - X.mean()) / X.std()
np.savez(here / "kws.npz", X=X.round(4), y=y.astype(np.int64))

# ---------------------------------------------------------------- raw waveform
n, length = 36, 64
y = np.arange(n) % 3
rng.shuffle(y)
s = np.arange(length)
X = np.empty((n, length))
for i in range(n):
    freq = (0.05, 0.11, 0.19)[y[i]] * (1.0 + 0.05 * rng.standard_normal())
    onset = rng.integers(0, 20)
    env = (s >= onset) * np.exp(-(s - onset).clip(0) / 50.0)
    X[i] = rng.uniform(0.5, 1.2) * env * np.sin(2 * np.pi * freq * s + rng.uniform(0, 2 * np.pi))
    X[i] += 0.15 * rng.standard_normal(length)
np.savez(here / "wave.npz", X=X.round(4), y=y.astype(np.int64))

# ---------------------------------------------------------------- multi-label tagging
n, mels, frames, tags = 30, 6, 20, 5
patterns = rng.uniform(0.0, 1.5, (tags, mels))
Y = (rng.random((n, tags)) < 0.33).astype(float)
for i in range(n):
    if Y[i].sum() == 0:
        Y[i, rng.integers(tags)] = 1.0
X = 0.3 * rng.random((n, mels, frames))
for i in range(n):
    for k in np.flatnonzero(Y[i]):
        a = rng.integers(0, frames - 6)
        b = a + rng.integers(4, 10)
        X[i, :, a:b] += patterns[k][:, None]
X = np.log1p(X) + 0.05 * rng.standard_normal(X.shape)
np.savez(here / "tags.npz", X=X.round(4), y=Y)
print("kws", np.bincount(np.load(here / "kws.npz")["y"]), "wave", np.bincount(np.load(here / "wave.npz")["y"]),
      "tags on", Y.mean().round(3))
