"""Writes the data sets of this folder (seeded): python3 make_data.py

    flow.npz      X float (48, 5): standardised inputs; y float (48,): a smooth nonlinear scalar
                  target (a sum of a few tanh ridges of the inputs, plus noise), the regression
                  target of the Euler-unrolled neural ODE.
    sparse.npz    X float (40, 12): noisy signals; y float (40, 12): the clean signals, each a
                  sparse combination (two or three atoms) of a random unit-norm dictionary of
                  sixteen atoms. The LISTA encoder reads X and reconstructs y (denoising).
    blobs.npz     X float (60, 6): three overlapping Gaussian classes in six features;
                  y int64 (60,): the class id 0..2, for the iterative-refinement classifier.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(80)

# ---------------------------------------------------------------- neural ODE regression
n, d = 48, 5
X = rng.standard_normal((n, d))
ridges = rng.normal(0.0, 0.8, (d, 3))
y = np.tanh(X @ ridges) @ np.array([1.0, -0.7, 0.5]) + 0.1 * rng.standard_normal(n)
y = (y - y.mean()) / y.std()
np.savez(here / "flow.npz", X=X.round(4), y=y.round(4))

# ---------------------------------------------------------------- sparse codes
n, D, L = 40, 12, 16
dico = rng.standard_normal((L, D))
dico /= np.linalg.norm(dico, axis=1, keepdims=True)
codes = np.zeros((n, L))
for i in range(n):
    k = rng.integers(2, 4)
    idx = rng.choice(L, size=k, replace=False)
    codes[i, idx] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(0.5, 1.5, size=k)
clean = codes @ dico
noisy = clean + 0.1 * rng.standard_normal((n, D))
np.savez(here / "sparse.npz", X=noisy.round(4), y=clean.round(4))

# ---------------------------------------------------------------- three classes
n, d, C = 60, 6, 3
centres = rng.normal(0.0, 1.2, (C, d))
labels = np.repeat(np.arange(C), n // C)
rng.shuffle(labels)
feats = centres[labels] + rng.standard_normal((n, d))
feats = (feats - feats.mean(axis=0)) / feats.std(axis=0)
np.savez(here / "blobs.npz", X=feats.round(4), y=labels.astype(np.int64))
print("written", sorted(p.name for p in here.glob("*.npz")))
