"""Writes the data sets of this folder (seeded): python3 make_data.py

    masks.npz      X float (32, 6), y float (32, 4): a 2x2 binary mask per example (multi-label pixels),
                   exactly half of the 128 pixels foreground
    balanced.npz   X float (36, 5), y one-hot (36, 3): three Gaussian clusters, 12 examples each
    imbalanced.npz X float (40, 5), y one-hot (40, 3): three Gaussian clusters with 24, 10 and 6 examples
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(58)

# small masks: pixel j is on where a noisy linear score of the inputs is among the top half overall
X = rng.normal(0.0, 1.0, size=(32, 6))
score = X @ rng.normal(0.0, 1.0, size=(6, 4)) + 0.5 * rng.normal(size=(32, 4))
y = (score > np.median(score)).astype(float)
assert y.sum() == 64
np.savez(here / "masks.npz", X=X, y=y)

# balanced classes
centres = rng.normal(0.0, 1.2, size=(3, 5))
labels = np.repeat(np.arange(3), 12)
rng.shuffle(labels)
X = centres[labels] + rng.normal(0.0, 1.0, size=(36, 5))
np.savez(here / "balanced.npz", X=X, y=np.eye(3)[labels])

# imbalanced classes
labels = np.repeat(np.arange(3), [24, 10, 6])
rng.shuffle(labels)
X = centres[labels] + rng.normal(0.0, 1.0, size=(40, 5))
np.savez(here / "imbalanced.npz", X=X, y=np.eye(3)[labels])
