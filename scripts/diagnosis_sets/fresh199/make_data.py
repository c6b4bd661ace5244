"""Data for fresh199 (fixed seed): dsm.npz (clean rows X and standard-normal noise y for 3 noise
levels) and nce.npz (data rows X and fixed noise samples y from N(0, 2^2 I))."""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.RandomState(199)

# two-blob mixture in 4-D
N, D, L = 32, 4, 3
centers = np.array([[1.5, -1.0, 0.5, 0.0], [-1.0, 1.0, -0.5, 1.0]])
lab = rng.randint(0, 2, size=N)
X = centers[lab] + 0.4 * rng.randn(N, D)
eps = rng.randn(N, L * D)
np.savez(os.path.join(HERE, "dsm.npz"), X=X, y=eps)

lab = rng.randint(0, 2, size=N)
Xn = centers[lab] + 0.5 * rng.randn(N, D)
noise = 2.0 * rng.randn(N, D)
np.savez(os.path.join(HERE, "nce.npz"), X=Xn, y=noise)
