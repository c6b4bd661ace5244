"""Writes the data sets of this folder (seeded): python3 make_data.py

    views.npz      X float (24, 2, 5): two noisy views of the same point per row (the two augmentations
                   of SimCLR); y float (24, 1) the point's cluster id (not used by the loss)
    pairs.npz      X float (32, 2, 5): the two sides of a siamese pair, y float (32, 1): 1 for a
                   similar pair (same cluster), 0 for a dissimilar one
    triplets.npz   X float (30, 3, 5): anchor, positive (anchor's cluster), negative (another
                   cluster); y float (30, 1) the anchor's cluster id (not used by the loss)
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(43)
centres = rng.normal(0.0, 1.5, size=(4, 5))

lab = rng.integers(0, 4, size=24)
base = centres[lab] + rng.normal(0.0, 0.6, size=(24, 5))
views = np.stack([base + rng.normal(0.0, 0.3, size=(24, 5)), base + rng.normal(0.0, 0.3, size=(24, 5))], axis=1)
np.savez(here / "views.npz", X=views, y=lab.astype(float)[:, None])

a_lab = rng.integers(0, 4, size=32)
same = rng.random(32) < 0.5
b_lab = np.where(same, a_lab, (a_lab + rng.integers(1, 4, size=32)) % 4)
Xa = centres[a_lab] + rng.normal(0.0, 0.7, size=(32, 5))
Xb = centres[b_lab] + rng.normal(0.0, 0.7, size=(32, 5))
np.savez(here / "pairs.npz", X=np.stack([Xa, Xb], axis=1), y=same.astype(float)[:, None])

lab = rng.integers(0, 4, size=30)
neg = (lab + rng.integers(1, 4, size=30)) % 4
anc = centres[lab] + rng.normal(0.0, 0.8, size=(30, 5))
pos = centres[lab] + rng.normal(0.0, 0.8, size=(30, 5))
ngt = centres[neg] + rng.normal(0.0, 0.8, size=(30, 5))
np.savez(here / "triplets.npz", X=np.stack([anc, pos, ngt], axis=1), y=lab.astype(float)[:, None])
