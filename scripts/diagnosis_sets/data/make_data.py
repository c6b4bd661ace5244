"""Writes onehot.npz: 60 rows of 5 standard-normal inputs, one-hot targets over 3 classes from a
random linear teacher (seeded). python3 make_data.py"""

from pathlib import Path

import numpy as np

rng = np.random.default_rng(0)
X = rng.standard_normal((60, 5))
labels = (X @ rng.standard_normal((5, 3))).argmax(axis=1)
y = np.eye(3)[labels]
np.savez(Path(__file__).with_name("onehot.npz"), X=X, y=y)
