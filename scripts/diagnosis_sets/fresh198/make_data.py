"""Data for fresh198: FiLM-conditioned classifier (film.npz) and per-sample hypernetwork regression (hyper.npz)."""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(198)

# film.npz: X (32, 10) = 6 features then 4 conditioning columns; y (32,) in {0, 1, 2}
N = 32
x = rng.standard_normal((N, 6))
c = rng.standard_normal((N, 4))
score = np.stack([x[:, 0] * (1 + c[:, 0]), x[:, 1] - c[:, 1] * x[:, 2], 0.5 * c[:, 2] + x[:, 3]], axis=1)
y = np.argmax(score + 0.3 * rng.standard_normal((N, 3)), axis=1).astype(np.int64)
np.savez(os.path.join(HERE, "film.npz"), X=np.concatenate([x, c], 1).astype(np.float32), y=y)

# hyper.npz: X (32, 9) = 3 task-embedding columns then 6 inputs; y (32, 1)
z = rng.standard_normal((N, 3))
xi = rng.standard_normal((N, 6))
w_true = rng.standard_normal((3, 6))
y = np.tanh(np.einsum("nt,ti,ni->n", z, w_true, xi) / 3.0)[:, None] + 0.05 * rng.standard_normal((N, 1))
np.savez(os.path.join(HERE, "hyper.npz"), X=np.concatenate([z, xi], 1).astype(np.float32),
         y=y.astype(np.float32))
