"""Writes the data sets of this folder (seeded): python3 make_data.py

    tabular.npz   X float (48, 15): twelve standardised continuous measurements (a nonlinear
                  function of a 3-dimensional latent, plus noise) in columns 0..11, then three
                  columns of standard normal noise eps (columns 12..14), the fixed draws the
                  Gaussian VAE's reparameterisation z = mu + exp(0.5 * logvar) * eps reads;
                  y float (48, 12): the twelve measurements again, the reconstruction target.
    glyphs.npz    X float (32, 16): binary 4x4 glyphs (a horizontal and/or a vertical bar,
                  about one pixel in twelve flipped), flattened row by row;
                  y float (32, 16): the same pixels, the Bernoulli VAE's target. The noise of
                  that VAE is not in the data: the programs draw it in __init__ from a seeded
                  generator.
    blobs.npz     X float (48, 6): three overlapping Gaussian classes in six dimensions,
                  standardised; y int64 (48,): the class labels 0..2 (16 of each, interleaved),
                  for the Bayes-by-backprop classifier.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(98)

# ---------------------------------------------------------------- tabular measurements + noise
n, d, k = 48, 12, 3
lat = rng.standard_normal((n, k))
A = rng.normal(0.0, 1.0, (k, d))
B = rng.normal(0.0, 0.5, (k, d))
meas = np.tanh(lat @ A) + 0.5 * (lat ** 2) @ B + 0.2 * rng.standard_normal((n, d))
meas = (meas - meas.mean(axis=0)) / meas.std(axis=0)
eps = rng.standard_normal((n, k))
np.savez(here / "tabular.npz", X=np.concatenate([meas, eps], axis=1).round(4), y=meas.round(4))

# ---------------------------------------------------------------- binary glyphs
m = 32
glyphs = np.zeros((m, 4, 4))
for i in range(m):
    kind = i % 3
    r, c = rng.integers(4), rng.integers(4)
    if kind in (0, 2):
        glyphs[i, r, :] = 1.0
    if kind in (1, 2):
        glyphs[i, :, c] = 1.0
flip = rng.random((m, 4, 4)) < 1.0 / 12.0
glyphs = np.abs(glyphs - flip).reshape(m, 16)
np.savez(here / "glyphs.npz", X=glyphs, y=glyphs.copy())

# ---------------------------------------------------------------- three blobs
per, dim = 16, 6
centres = rng.normal(0.0, 1.2, (3, dim))
Xb = np.concatenate([centres[c] + rng.standard_normal((per, dim)) for c in range(3)])
yb = np.repeat(np.arange(3), per)
order = np.argsort(np.tile(np.arange(per), 3) * 3 + yb, kind="stable")  # interleave the classes
Xb, yb = Xb[order], yb[order]
Xb = (Xb - Xb.mean(axis=0)) / Xb.std(axis=0)
np.savez(here / "blobs.npz", X=Xb.round(4), y=yb.astype(np.int64))
print("glyph ink", glyphs.mean().round(3), "labels", yb[:9])
