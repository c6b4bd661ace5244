"""Writes the small textbook data sets the programs here train on. python3 make_data.py

    moons.npz          40 points of two interleaving half circles with noise, X (40, 2), labels y (40, 1)
    digits.npz         48 tiny 4x4 "digits" (four stroke patterns plus pixel noise), flattened to
                       X (48, 16) in [0, 1], one-hot y (48, 4)
    digit_images.npz   the same 48 digits kept as images, X (48, 4, 4), one-hot y (48, 4)
    sine.npz           40 samples of a noisy sine curve, x (40, 1) on [-pi, pi], y = sin(x) + noise (40, 1)
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2020)

# two moons
n = 40
t = rng.uniform(0.0, np.pi, n)
upper = np.arange(n) % 2 == 0
X = np.where(upper[:, None], np.c_[np.cos(t), np.sin(t)], np.c_[1.0 - np.cos(t), 0.5 - np.sin(t)])
X = X + 0.15 * rng.standard_normal((n, 2))
y = (~upper).astype(np.float64)[:, None]
np.savez(os.path.join(HERE, "moons.npz"), X=X, y=y)

# tiny digits: four 4x4 stroke patterns (a vertical bar, a horizontal bar, a diagonal, a ring)
patterns = np.zeros((4, 4, 4))
patterns[0, :, 1] = 1.0
patterns[1, 2, :] = 1.0
patterns[2] = np.eye(4)
patterns[3] = 1.0
patterns[3, 1:3, 1:3] = 0.0
labels = np.arange(48) % 4
rng.shuffle(labels)
images = np.clip(patterns[labels] + 0.25 * rng.standard_normal((48, 4, 4)), 0.0, 1.0)
onehot = np.eye(4)[labels]
np.savez(os.path.join(HERE, "digits.npz"), X=images.reshape(48, 16), y=onehot)
np.savez(os.path.join(HERE, "digit_images.npz"), X=images, y=onehot)

# a noisy sine curve
x = np.sort(rng.uniform(-np.pi, np.pi, 40))[:, None]
np.savez(os.path.join(HERE, "sine.npz"), X=x, y=np.sin(x) + 0.1 * rng.standard_normal((40, 1)))
