"""Writes the data sets of this folder (seeded): python3 make_data.py

The noise of the reparameterisation is drawn here, once, and stored beside the inputs, so
every training step is deterministic and both programs see the same numbers.

    pixels.npz     X float32 (32, 8): six pixel intensities in [0, 1] (a blurred binary
                   pattern) followed by two standard-normal noise values eps for the 2-d code;
                   y float32 (32, 6) the same six pixels (the reconstruction target)
    labelled.npz   X float32 (30, 11): six real-valued readings, a one-hot class label (3
                   columns) and two noise values eps; y float32 (30, 6) the six readings
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(41)

# pixels: two latent factors switch pixels on, softened
latent = rng.normal(size=(32, 2))
mix = rng.normal(0.0, 1.5, size=(2, 6))
pix = 1.0 / (1.0 + np.exp(-(latent @ mix)))
eps = rng.standard_normal((32, 2))
np.savez(here / "pixels.npz", X=np.hstack([pix, eps]).astype(np.float32), y=pix.astype(np.float32))

# labelled readings: each class its own centre
labels = rng.integers(0, 3, size=30)
centres = rng.normal(0.0, 1.0, size=(3, 6))
read = centres[labels] + 0.3 * rng.normal(size=(30, 6))
onehot = np.eye(3)[labels]
eps = rng.standard_normal((30, 2))
np.savez(here / "labelled.npz", X=np.hstack([read, onehot, eps]).astype(np.float32), y=read.astype(np.float32))
