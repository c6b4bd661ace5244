"""Writes regression.npz: 48 rows of 5 standard-normal inputs and two real-valued targets from a
small random tanh teacher plus noise (targets roughly in -4..4). python3 make_data.py"""

import os

import numpy as np

rng = np.random.default_rng(1717)
X = rng.standard_normal((48, 5))
hidden = np.tanh(X @ rng.standard_normal((5, 6)))
y = 1.5 * hidden @ rng.standard_normal((6, 2)) + 0.3 * rng.standard_normal((48, 2))
np.savez(os.path.join(os.path.dirname(os.path.abspath(__file__)), "regression.npz"), X=X, y=y)
