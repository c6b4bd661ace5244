"""Writes the data sets of this folder (seeded): python3 make_data.py

    film.npz    X float (24, 6): 4 input features then a 2-d context vector, y float (24, 1) a
                regression target that depends on both
    hyper.npz   X float (24, 6): 4 input features then a 2-d task/context code, y float (24, 3)
                one-hot classes (the rule from features to class changes with the code)
    lora.npz    X float (30, 6), y float (30, 3) one-hot classes
    wn.npz      X float (24, 4), y float (24, 1) binary labels 0/1
    filter.npz  X float (24, 10): a length-8 signal then a 2-d context vector, y float (24, 1) a
                regression target (a context-dependent smoothing of the signal, summarised)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(65)

x = rng.standard_normal((24, 4))
c = rng.standard_normal((24, 2))
t = (1.0 + 0.5 * c[:, :1]) * np.tanh(x @ np.array([[0.8], [-0.5], [0.3], [0.6]])) + 0.3 * c[:, 1:]
np.savez(here / "film.npz", X=np.concatenate([x, c], axis=1), y=t + 0.05 * rng.standard_normal((24, 1)))

x = rng.standard_normal((24, 4))
z = rng.standard_normal((24, 2))
score = x[:, :3] * np.where(z[:, :1] > 0, 1.0, -1.0) + 0.4 * rng.standard_normal((24, 3))
y = np.eye(3)[score.argmax(axis=1)]
np.savez(here / "hyper.npz", X=np.concatenate([x, z], axis=1), y=y)

x = rng.standard_normal((30, 6))
y = np.eye(3)[(x[:, :3] + 0.5 * rng.standard_normal((30, 3))).argmax(axis=1)]
np.savez(here / "lora.npz", X=x, y=y)

x = rng.standard_normal((24, 4))
y = ((x[:, 0] * x[:, 1] + 0.5 * x[:, 2]) > 0).astype(float)[:, None]
np.savez(here / "wn.npz", X=x, y=y)

sig = np.cumsum(rng.standard_normal((24, 8)), axis=1) / 2.0
c = rng.standard_normal((24, 2))
y = (sig[:, 2:6].mean(axis=1, keepdims=True) * (1.0 + 0.3 * c[:, :1])) + 0.05 * rng.standard_normal((24, 1))
np.savez(here / "filter.npz", X=np.concatenate([sig, c], axis=1), y=y)
