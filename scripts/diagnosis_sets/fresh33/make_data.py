"""Writes the data sets of this folder (seeded): python3 make_data.py

    pairs.npz      X float (40, 2, 5): two inputs per row (the two sides of a siamese pair),
                   y float (40, 1): 1 for a similar pair (same cluster), 0 for a dissimilar one
    triplets.npz   X float (36, 3, 5): anchor, positive (anchor's cluster), negative (another
                   cluster); y float (36, 1) the anchor's cluster id (not used by the loss)
    cosine.npz     X float (40, 2, 4): two inputs per row, y float (40, 1): a target similarity
                   in [-1, 1] (the cosine of two hidden directions, with noise)
    readings.npz   X float (40, 8) clean sensor readings in [0, 1], y = X (autoencoder targets)
    masked.npz     X float (40, 6) readings with a fixed 25% of the entries zeroed (the
                   corruption of a denoising autoencoder), y float (40, 6) the clean readings
    experts.npz    X float (40, 3), y float (40, 2): two regimes (sign of x0), each its own linear map
    users.npz      X float (40, 8): a one-hot user id (5 columns) followed by 3 dense features,
                   y float (40, 1) a 0/1 label
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(33)

# siamese pairs from four clusters
centres = rng.normal(0.0, 1.5, size=(4, 5))
a_lab = rng.integers(0, 4, size=40)
same = rng.random(40) < 0.5
b_lab = np.where(same, a_lab, (a_lab + rng.integers(1, 4, size=40)) % 4)
Xa = centres[a_lab] + rng.normal(0.0, 0.7, size=(40, 5))
Xb = centres[b_lab] + rng.normal(0.0, 0.7, size=(40, 5))
np.savez(here / "pairs.npz", X=np.stack([Xa, Xb], axis=1), y=same.astype(float)[:, None])

# triplets
lab = rng.integers(0, 4, size=36)
neg = (lab + rng.integers(1, 4, size=36)) % 4
anc = centres[lab] + rng.normal(0.0, 0.8, size=(36, 5))
pos = centres[lab] + rng.normal(0.0, 0.8, size=(36, 5))
ngt = centres[neg] + rng.normal(0.0, 0.8, size=(36, 5))
np.savez(here / "triplets.npz", X=np.stack([anc, pos, ngt], axis=1), y=lab.astype(float)[:, None])

# cosine targets
U = rng.normal(size=(40, 2, 4))
direction = rng.normal(size=4)
proj = U @ direction
target = np.tanh(proj[:, 0] * proj[:, 1] / 4.0) + rng.normal(0.0, 0.05, size=40)
np.savez(here / "cosine.npz", X=U, y=np.clip(target, -1, 1)[:, None])

# sensor readings (for the autoencoders)
latent = rng.normal(size=(40, 2))
mix = rng.normal(size=(2, 8))
R = 1.0 / (1.0 + np.exp(-(latent @ mix)))
np.savez(here / "readings.npz", X=R, y=R.copy())

clean = R[:, :6]
mask = rng.random((40, 6)) >= 0.25
np.savez(here / "masked.npz", X=clean * mask, y=clean.copy())

# two regimes for a mixture of experts
X = rng.normal(size=(40, 3))
A1, A2 = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
Y = np.where(X[:, :1] > 0, X @ A1, X @ A2) + rng.normal(0.0, 0.05, size=(40, 2))
np.savez(here / "experts.npz", X=X, y=Y)

# a categorical id with dense features
ids = rng.integers(0, 5, size=40)
dense = rng.normal(size=(40, 3))
effect = np.array([1.0, -1.0, 0.5, 0.0, -0.5])
logit = effect[ids] + dense @ np.array([0.8, -0.6, 0.3])
label = (logit + rng.normal(0.0, 0.3, size=40) > 0).astype(float)
np.savez(here / "users.npz", X=np.concatenate([np.eye(5)[ids], dense], axis=1), y=label[:, None])
