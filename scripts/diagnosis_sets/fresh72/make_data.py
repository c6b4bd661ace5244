"""Writes the data sets of this folder (seeded): python3 make_data.py

    photos.npz  X float (24, 3, 8, 8) content photos in [0, 1] (smooth colour ramps with a
                bright blob and a dark bar); y int64 (24,) the style each photo is to take
                (0 stripes, 1 checkerboard); styles float (2, 3, 8, 8) the two style images;
                and the fixed feature extractor (not trained): K1 (4, 3, 3, 3), c1 (4,),
                K2 (6, 4, 3, 3), c2 (6,), torch's (out, in, kh, kw) layout, used as
                conv3x3(pad 1) -> ReLU -> 2x2 average pool -> conv3x3(pad 1) -> ReLU.
    pairs.npz   X float (24, 3, 8, 8) degraded photos (3x3 box blur plus noise), y float
                (24, 3, 8, 8) the clean photos; the same extractor K1, c1, K2, c2.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(72)
H = W = 8
ii, jj = np.meshgrid(np.arange(H), np.arange(W), indexing="ij")


def photo():
    img = np.empty((3, H, W))
    for c in range(3):
        a, b, d = rng.uniform(-0.06, 0.06, 3)
        img[c] = 0.5 + a * (ii - 3.5) + b * (jj - 3.5) + d
    ci, cj = rng.uniform(1.5, 6.5, 2)
    blob = np.exp(-((ii - ci) ** 2 + (jj - cj) ** 2) / 3.0)
    img += rng.uniform(0.1, 0.3, (3, 1, 1)) * blob
    r = rng.integers(0, H)
    img[:, r, :] -= rng.uniform(0.1, 0.25)
    img += 0.02 * rng.standard_normal(img.shape)
    return np.clip(img, 0.05, 0.95)


photos = np.stack([photo() for _ in range(24)])
style_ids = rng.integers(0, 2, size=24).astype(np.int64)
stripes = np.stack([0.5 + 0.4 * np.sin(0.9 * jj + ii * 0.3 + p) for p in (0.0, 1.0, 2.0)])
checker = np.stack([0.2 + 0.6 * (((ii // 2) + (jj // 2)) % 2) + 0.05 * c for c in range(3)])
styles = np.stack([stripes, checker])

K1 = 0.4 * rng.standard_normal((4, 3, 3, 3))
K1[0] += np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]) * 0.3    # vertical edges
K1[1] += np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]) * 0.3  # horizontal edges
c1 = rng.uniform(0.0, 0.1, 4)
K2 = 0.3 * rng.standard_normal((6, 4, 3, 3))
c2 = rng.uniform(0.0, 0.1, 6)
extractor = dict(K1=K1, c1=c1, K2=K2, c2=c2)

np.savez(here / "photos.npz", X=photos, y=style_ids, styles=styles, **extractor)

clean = np.stack([photo() for _ in range(24)])
pad = np.pad(clean, ((0, 0), (0, 0), (1, 1), (1, 1)), mode="edge")
blur = sum(pad[:, :, i:i + H, j:j + W] for i in range(3) for j in range(3)) / 9.0
degraded = blur + 0.05 * rng.standard_normal(blur.shape)
np.savez(here / "pairs.npz", X=degraded, y=clean, **extractor)
print("photos", photos.shape, "styles", np.bincount(style_ids), "pairs", degraded.shape)
