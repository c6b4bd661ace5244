"""Writes autoencoder.npz, the data of the tied-weight autoencoder pair (15_*): 48 rows of 6
features in [0, 1], targets equal to the inputs."""

import os

import numpy as np

rng = np.random.default_rng(1615)
X = rng.uniform(0.0, 1.0, (48, 6))
np.savez(os.path.join(os.path.dirname(os.path.abspath(__file__)), "autoencoder.npz"), X=X, y=X.copy())
