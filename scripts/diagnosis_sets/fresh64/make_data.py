"""Writes the data sets of this folder (seeded): python3 make_data.py

    clips.npz    X float (24, 2, 32) two-channel clips: a tone of one of three frequencies (2, 5 or
                 9 cycles in 32 samples) with a random phase, the second channel a delayed and
                 attenuated copy, plus noise; y float (24, 3) the tone's class, one-hot
    filter.npz   X float (16, 1, 40) noise signals; y float (16, 1, 40) the output of a causal FIR
                 filter with a soft saturation, y[t] = tanh(0.6 x[t] - 0.4 x[t-1] + 0.25 x[t-3])
    frames.npz   X float (12, 40) signals with bursts of a tone over a quiet noise floor;
                 y float (12, 9, 2) one label per frame (frames of 8 samples, hop 4), one-hot:
                 1 where the frame holds more than a quarter of the burst's energy
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(64)

# clips: three tone classes over two channels
n, T = 24, 32
cls = np.arange(n) % 3
rng.shuffle(cls)
freqs = np.array([2.0, 5.0, 9.0])
t = np.arange(T)
phase = rng.uniform(0, 2 * np.pi, n)
ch0 = np.sin(2 * np.pi * freqs[cls][:, None] * t[None, :] / T + phase[:, None])
ch1 = 0.6 * np.roll(ch0, 2, axis=1)
X = np.stack([ch0, ch1], axis=1) + 0.2 * rng.standard_normal((n, 2, T))
np.savez(here / "clips.npz", X=X, y=np.eye(3)[cls])

# filter: regression of a causal FIR filter's output
n, T = 16, 40
x = 0.8 * rng.standard_normal((n, T))
xp = np.pad(x, ((0, 0), (3, 0)))
fir = 0.6 * xp[:, 3:] - 0.4 * xp[:, 2:-1] + 0.25 * xp[:, :-3]
np.savez(here / "filter.npz", X=x[:, None, :], y=np.tanh(fir)[:, None, :])

# frames: per-frame burst detection
n, T, FRAME, HOP = 12, 40, 8, 4
nf = (T - FRAME) // HOP + 1
sig = 0.1 * rng.standard_normal((n, T))
for i in range(n):
    start = rng.integers(0, T - 10)
    length = rng.integers(6, 14)
    seg = np.arange(start, min(T, start + length))
    sig[i, seg] += rng.uniform(0.6, 1.2) * np.sin(2 * np.pi * 0.23 * seg + rng.uniform(0, 6))
idx = HOP * np.arange(nf)[:, None] + np.arange(FRAME)[None, :]
energy = (sig[:, idx] ** 2).sum(axis=2)
label = (energy > 0.25 * energy.max(axis=1, keepdims=True)).astype(int)
np.savez(here / "frames.npz", X=sig, y=np.eye(2)[label])
