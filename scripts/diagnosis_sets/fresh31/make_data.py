"""Writes the data sets of this folder (seeded): python3 make_data.py

    glyphs.npz      X float (30, 1, 8, 8) grey 8x8 glyphs, channels first; y int64 (30,) in {0, 1, 2}:
                    a vertical bar, a horizontal bar or a diagonal stroke, at a random place, with noise
    glyphs_hwc.npz  the same glyphs channels last, X (30, 8, 8, 1)
    tiles.npz       X float (24, 3, 6, 6) RGB tiles, channels first; y int64 (24,) in {0, 1, 2}:
                    which colour dominates a blob in the tile
    tiles_hwc.npz   the same tiles channels last, X (24, 6, 6, 3)
    swatches.npz    X float (24, 2, 7, 7) two-channel 7x7 patches; y int64 (24,) in {0, 1, 2}:
                    whether the bright spot is in the left, middle or right third, on which channel
    digits.npz      X float (36, 64) 8x8 images flattened row by row, pixel values 0..16 (integers,
                    as in the UCI optical digits); y one-hot float (36, 3)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(31)

# glyphs: bars and strokes on an 8x8 canvas
n = 30
labels = np.arange(n) % 3
rng.shuffle(labels)
X = rng.normal(0.0, 0.15, size=(n, 1, 8, 8))
for i, c in enumerate(labels):
    r, s = rng.integers(1, 7, size=2)
    if c == 0:
        X[i, 0, 1:7, s] += 1.0
    elif c == 1:
        X[i, 0, r, 1:7] += 1.0
    else:
        d = rng.integers(-2, 3)
        for k in range(8):
            if 0 <= k + d < 8:
                X[i, 0, k, k + d] += 1.0
np.savez(here / "glyphs.npz", X=X, y=labels.astype(np.int64))
np.savez(here / "glyphs_hwc.npz", X=X.transpose(0, 2, 3, 1).copy(), y=labels.astype(np.int64))

# RGB tiles: a blob of one dominant colour on a noisy background
n = 24
labels = np.arange(n) % 3
rng.shuffle(labels)
X = rng.uniform(0.0, 0.4, size=(n, 3, 6, 6))
for i, c in enumerate(labels):
    r, s = rng.integers(0, 4, size=2)
    X[i, c, r:r + 3, s:s + 3] += rng.uniform(0.5, 0.9)
    X[i, (c + 1) % 3, r:r + 2, s:s + 2] += 0.2
np.savez(here / "tiles.npz", X=X, y=labels.astype(np.int64))
np.savez(here / "tiles_hwc.npz", X=X.transpose(0, 2, 3, 1).copy(), y=labels.astype(np.int64))

# two-channel swatches: a bright spot in one third of the patch
n = 24
labels = np.arange(n) % 3
rng.shuffle(labels)
X = rng.normal(0.0, 0.2, size=(n, 2, 7, 7))
for i, c in enumerate(labels):
    ch = rng.integers(0, 2)
    r = rng.integers(0, 6)
    s = 2 * c + rng.integers(0, 2)
    X[i, ch, r:r + 2, s:s + 2] += 1.2
np.savez(here / "swatches.npz", X=X, y=labels.astype(np.int64))

# digits-like 8x8 images with integer pixel values 0..16, flattened
n = 36
labels = np.arange(n) % 3
rng.shuffle(labels)
imgs = rng.integers(0, 4, size=(n, 8, 8)).astype(float)
for i, c in enumerate(labels):
    if c == 0:      # a ring
        imgs[i, 1:7, [1, 6]] += 12
        imgs[i, [1, 6], 1:7] += 12
    elif c == 1:    # a stroke down the middle
        imgs[i, :, 3:5] += 12
    else:           # a seven: top bar and a diagonal
        imgs[i, 1, 1:7] += 12
        for k in range(2, 8):
            imgs[i, k, 8 - k] += 12
imgs = np.clip(imgs + rng.integers(-1, 2, size=imgs.shape), 0, 16)
np.savez(here / "digits.npz", X=imgs.reshape(n, 64), y=np.eye(3)[labels])
